/// One glyph as HarfBuzz placed it, in ems of the font size (so one result serves any size).
public struct ShapedGlyph: Sendable, Hashable {
    /// The glyph id in the ORIGINAL font (the PDF writer renumbers after subsetting).
    public var glyphID: UInt32
    public var advance: Double
    public var xOffset: Double
    public var yOffset: Double
}

/// One grapheme cluster (or several, where the font forms a ligature) with its glyphs.
public struct ShapedCluster: Sendable {
    /// The exact source text this cluster stands for, selectors included.
    public var text: String
    public var face: FontFace
    public var glyphs: ClusterGlyphs
    /// True when the text carried a variation selector the chosen face does not register, so
    /// the base glyph is drawn; the PDF must then carry the exact text as ActualText.
    public var variationLost: Bool
    /// True for a hard line break ("\n"): no glyphs, no advance.
    public var isLineBreak: Bool

    /// Natural advance in ems.
    public var advance: Double { glyphs.reduce(0) { $0 + $1.advance } }
}

/// A cluster's glyphs. Almost every cluster has exactly one, held inline: a paragraph's
/// clusters then need no array each (an allocation and a release per character, which was most
/// of what shaping cost beside HarfBuzz itself). More glyphs (marks HarfBuzz did not compose, a
/// decomposed form) go in `rest`.
public struct ClusterGlyphs: RandomAccessCollection, ExpressibleByArrayLiteral, Sendable, Hashable {
    private var head: ShapedGlyph?
    private var rest: [ShapedGlyph] = []

    public init() {}
    public init(arrayLiteral glyphs: ShapedGlyph...) { for glyph in glyphs { append(glyph) } }

    public var startIndex: Int { 0 }
    public var endIndex: Int { head == nil ? 0 : 1 + rest.count }
    public subscript(position: Int) -> ShapedGlyph {
        position == 0 ? head! : rest[position - 1]
    }

    public mutating func append(_ glyph: ShapedGlyph) {
        if head == nil { head = glyph } else { rest.append(glyph) }
    }
}

/// The result of shaping a text: its clusters in order and what could not be drawn.
public struct ShapedText: Sendable {
    public var clusters: [ShapedCluster]
    /// Characters no face of the chain can draw, and private-use 外字. They are left out of
    /// `clusters` (never drawn as .notdef); the caller decides whether that is an error.
    public var uncovered: [UncoveredCharacter]
}
