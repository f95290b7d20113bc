/// One glyph placed on a line.
public struct LineGlyph: Sendable {
    /// The glyph's face and language: an index into its line's `styles` (`LaidOutLine.face(of:)`).
    /// Held by the line, not by each glyph: every glyph copied and released its face and
    /// language again — atomic operations on the same few faces, from every layout thread.
    public var style: UInt16
    public var fontSize: Double
    /// Glyph id in the original font.
    public var glyphID: UInt32
    /// Distance from the line's left edge to the glyph origin, in points.
    public var x: Double
    /// Shift from the baseline in points, down positive.
    public var yOffset: Double
    /// The source text of the glyph's cluster on its first glyph, "" on the others, so text
    /// extraction returns each character once.
    public var text: String
    /// The cluster's variation selector was not drawable: the text must travel as ActualText.
    public var variationLost: Bool
    /// A reading set over its base (ruby): drawn, but never part of the text (docs/ruby.md).
    public var isRuby = false
    /// The first glyph of one reading: each reading is its own run, so the PDF's marked content
    /// and a test can tell which base it stands over.
    public var startsReading = false
}

/// A face and the language of the text set in it (`TextStyle.language`, nil for Japanese).
public struct GlyphStyle: Sendable {
    public let face: FontFace
    public let language: String?

    public init(face: FontFace, language: String?) {
        self.face = face; self.language = language
    }
}

/// A line's glyph styles, each once: what `LineGlyph.style` indexes.
public struct GlyphStyles: Sendable {
    public private(set) var all: [GlyphStyle] = []

    public init() {}

    /// The index of `face` with `language`, added when new (a line has one or a few).
    public mutating func index(of face: FontFace, language: String?) -> UInt16 {
        if let found = all.firstIndex(where: { $0.face === face && $0.language == language }) { return UInt16(found) }
        all.append(GlyphStyle(face: face, language: language))
        return UInt16(all.count - 1)
    }
}

/// A line of positioned glyphs with its vertical metrics.
public struct LaidOutLine: Sendable {
    public var glyphs: [LineGlyph]
    /// The faces and languages `glyphs` are set in (`LineGlyph.style`).
    public var styles: [GlyphStyle]
    /// Used width in points (from the left edge to the end of the last glyph).
    public var width: Double
    /// Height above the baseline, in points.
    public var ascent: Double
    /// Depth below the baseline, in points (positive).
    public var descent: Double
    /// Distance from this line's top to the next line's top.
    public var pitch: Double

    /// Baseline position measured from the top of the line box: the extra leading is split
    /// evenly above and below the glyphs, so a single line centres in its pitch.
    public var baseline: Double { (pitch - ascent - descent) / 2 + ascent }

    public func face(of glyph: LineGlyph) -> FontFace { styles[Int(glyph.style)].face }
}

/// A paragraph set into lines, with the characters that could not be drawn.
public struct LaidOutParagraph: Sendable {
    public var lines: [LaidOutLine]
    public var uncovered: [UncoveredCharacter]
    /// Runs of unlearned kanji that got no ruby because no reading was found (docs/ruby.md).
    public var unreadKanji = 0

    public var height: Double { lines.reduce(0) { $0 + $1.pitch } }
}
