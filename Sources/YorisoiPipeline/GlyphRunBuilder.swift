import YorisoiPDF
import YorisoiText

/// Turns laid-out lines into display-list glyph runs: one run per stretch of glyphs that share
/// a face and size, because a PDF text object selects one font at a time.
enum GlyphRunBuilder {
    static func runs(for line: LaidOutLine, left: Double, baseline: Double, color: Color = .black) -> [DrawItem] {
        var items: [DrawItem] = []
        var current: GlyphRun?
        for glyph in line.glyphs {
            if let run = current, run.face !== glyph.face || run.fontSize != glyph.fontSize {
                items.append(.glyphRun(run))
                current = nil
            }
            if current == nil {
                current = GlyphRun(face: glyph.face, fontSize: glyph.fontSize,
                                   origin: Point(x: left, y: baseline), color: color, glyphs: [])
            }
            current!.glyphs.append(PositionedGlyph(glyphID: glyph.glyphID, x: glyph.x, y: glyph.yOffset, text: glyph.text))
        }
        if let run = current { items.append(.glyphRun(run)) }
        return items
    }
}
