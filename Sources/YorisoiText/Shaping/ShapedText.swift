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
    public var glyphs: [ShapedGlyph]
    /// True when the text carried a variation selector the chosen face does not register, so
    /// the base glyph is drawn; the PDF must then carry the exact text as ActualText.
    public var variationLost: Bool
    /// True for a hard line break ("\n"): no glyphs, no advance.
    public var isLineBreak: Bool

    /// Natural advance in ems.
    public var advance: Double { glyphs.reduce(0) { $0 + $1.advance } }
}

/// The result of shaping a text: its clusters in order and what could not be drawn.
public struct ShapedText: Sendable {
    public var clusters: [ShapedCluster]
    /// Characters no face of the chain can draw, and private-use 外字. They are left out of
    /// `clusters` (never drawn as .notdef); the caller decides whether that is an error.
    public var uncovered: [UncoveredCharacter]
}
