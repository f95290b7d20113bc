/// Why a document could not be written. Cases name pages, items, glyph ids and font names, never
/// the text itself: rendered text is personal data and must not leak into logs.
public enum PDFError: Error, Sendable, Hashable {
    /// Glyph 0 (.notdef) would be drawn: the font lacks the character. Fall back or refuse earlier.
    case notdefGlyph(pageIndex: Int, itemIndex: Int, glyphIndex: Int, font: String)
    /// A coordinate, size or colour component is NaN or infinite.
    case nonFiniteNumber(pageIndex: Int, itemIndex: Int)
    /// A glyph run has a font size ≤ 0.
    case invalidFontSize(pageIndex: Int, itemIndex: Int)
    /// A page has a non-positive or non-finite size.
    case invalidPageSize(pageIndex: Int)
    case noPages
    /// The font's licence (OS/2 fsType) forbids embedding its outlines.
    case fontNotEmbeddable(font: String)
    /// The font's subsetter failed or dropped a glyph that is drawn.
    case subsetFailed(font: String, reason: String)
    case glyphMissingFromSubset(font: String, glyphID: UInt32)
    case outlinePageOutOfRange(pageIndex: Int)
    /// Page-label ranges must start at page 0 and ascend strictly within the document.
    case invalidPageLabels
    case compressionFailed(status: Int)
    /// The caller's `RenderCancellation` was set (over its time budget): nothing was written.
    case cancelled
}
