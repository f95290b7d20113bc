public import YorisoiText

/// One page: its size and what is drawn on it, back to front.
public struct PDFPage: Sendable {
    public var size: Size
    public var items: [DrawItem]
    /// Added to every structure reference the items carry: the element an item belongs to is
    /// `structure.index + structureOffset`. A packet grafts each document's tree into its own
    /// (`StructureTree.graft`) by moving this one number, not by rewriting every item of every
    /// page (a packet of 200 plans has some 250 000).
    public var structureOffset: Int
    public init(size: Size = .a4, items: [DrawItem] = [], structureOffset: Int = 0) {
        self.size = size; self.items = items; self.structureOffset = structureOffset
    }
}

public enum DrawItem: Sendable {
    case glyphRun(GlyphRun)
    case line(from: Point, to: Point, stroke: StrokeStyle)
    case rectangle(Rect, stroke: StrokeStyle?, fill: Color?)
    case path(Path, stroke: StrokeStyle?, fill: Color?)
}

/// Shaped glyphs of one face and size. Glyph IDs are the ORIGINAL font's ids (as the shaper gave
/// them); the writer subsets and renumbers.
public struct GlyphRun: Sendable {
    public var face: FontFace
    public var fontSize: Double
    /// Baseline start of the run, in top-left page coordinates.
    public var origin: Point
    public var color: Color
    public var glyphs: [PositionedGlyph]
    /// How the baseline is turned about `origin`. Body text is never turned; a draft's diagonal
    /// 見本 mark is.
    public var turn: BaselineTurn
    /// A line drawn round each glyph's outline over its fill; nil (body text) for fill only.
    /// The draft mark's letters are pale inside and ruled round, so text over them stays black
    /// on near-white while the letters still read at a glance.
    public var outline: StrokeStyle?
    /// The structure element this text belongs to; nil: page furniture, written as an artifact
    /// (running headers, page numbers, the 見本 mark).
    public var structure: StructureRef?
    /// BCP 47 tag when this run's language differs from the document's (an English label
    /// beside the Japanese): written as /Lang on the run's marked content.
    public var language: String?
    /// Drawn invisibly (text rendering mode 3): words a screen reader and a copy hear that
    /// paper shows otherwise (a check box's 「チェックあり」, which paper shows as a tick).
    public var isInvisible: Bool
    /// A reading set over its base (ruby, docs/ruby.md): drawn for the eye, and written as an
    /// artifact with an empty /ActualText, so neither a screen reader nor a copy takes it — the
    /// base text carries the meaning.
    public var isRuby = false
    /// Horizontal scale of the glyphs and their positions about `origin` (PDF's Tz; 1 = as
    /// shaped). Only invisible text is squeezed: a check box's words fit in the box.
    public var horizontalScale: Double = 1

    public init(face: FontFace, fontSize: Double, origin: Point, color: Color = .black,
                glyphs: [PositionedGlyph], turn: BaselineTurn = .none, outline: StrokeStyle? = nil,
                structure: StructureRef? = nil, language: String? = nil, isInvisible: Bool = false) {
        self.face = face; self.fontSize = fontSize; self.origin = origin
        self.color = color; self.glyphs = glyphs; self.turn = turn; self.outline = outline
        self.structure = structure; self.language = language; self.isInvisible = isInvisible
    }
}

/// A turn counter-clockwise as the reader sees the page, given by its cosine and sine (what the
/// PDF text matrix takes), so neither the writer nor the dump needs trigonometry.
public struct BaselineTurn: Sendable, Hashable {
    public var cosine: Double
    public var sine: Double

    public static let none = BaselineTurn(cosine: 1, sine: 0)

    public init(cosine: Double, sine: Double) {
        self.cosine = cosine; self.sine = sine
    }

    /// Where the point `along` the baseline and `above` it lands, relative to the origin, in
    /// layout's y-down page coordinates.
    public func offset(along: Double, above: Double) -> Point {
        Point(x: along * cosine - above * sine, y: -(along * sine + above * cosine))
    }
}

public struct PositionedGlyph: Sendable, Hashable {
    public var glyphID: UInt32
    /// Offset from the run origin along the baseline, in points.
    public var x: Double
    /// Offset from the baseline in points, down positive (a shaper's y offset, negated).
    public var y: Double
    /// The source text this glyph stands for: the whole cluster on its first glyph,
    /// "" on the 2nd+ glyph of the same cluster. Drives ToUnicode and /ActualText.
    public var text: String

    public init(glyphID: UInt32, x: Double, y: Double = 0, text: String) {
        self.glyphID = glyphID; self.x = x; self.y = y; self.text = text
    }
}

public struct StrokeStyle: Sendable, Hashable {
    public var lineWidth: Double
    public var color: Color
    public var dash: DashPattern?
    public var cap: LineCap
    public var join: LineJoin

    public init(lineWidth: Double = 0.5, color: Color = .black, dash: DashPattern? = nil,
                cap: LineCap = .butt, join: LineJoin = .miter) {
        self.lineWidth = lineWidth; self.color = color; self.dash = dash
        self.cap = cap; self.join = join
    }
}

/// PDF dash array: alternating on/off lengths in points, starting `phase` points into the pattern.
public struct DashPattern: Sendable, Hashable {
    public var lengths: [Double]
    public var phase: Double
    public init(_ lengths: [Double], phase: Double = 0) { self.lengths = lengths; self.phase = phase }
}

public enum LineCap: Int, Sendable { case butt = 0, round = 1, square = 2 }
public enum LineJoin: Int, Sendable { case miter = 0, round = 1, bevel = 2 }

public struct Path: Sendable, Hashable {
    public enum Element: Sendable, Hashable {
        case move(to: Point)
        case line(to: Point)
        case curve(to: Point, control1: Point, control2: Point)
        case close
    }

    public var elements: [Element]
    /// The structure element this drawing belongs to (a Figure); nil: a rule or decoration,
    /// written as an artifact.
    public var structure: StructureRef?
    public init(_ elements: [Element] = [], structure: StructureRef? = nil) {
        self.elements = elements; self.structure = structure
    }

    public mutating func move(to point: Point) { elements.append(.move(to: point)) }
    public mutating func line(to point: Point) { elements.append(.line(to: point)) }
    public mutating func curve(to point: Point, control1: Point, control2: Point) {
        elements.append(.curve(to: point, control1: control1, control2: control2))
    }
    public mutating func close() { elements.append(.close) }
}
