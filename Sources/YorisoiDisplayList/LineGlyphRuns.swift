public import YorisoiText

extension DrawItem {
    /// Glyph runs for a laid-out line with its left edge at `x` and its baseline at `baseline`:
    /// one run per stretch of glyphs that share a face and size, because a PDF text object
    /// selects one font at a time. Shared by the layout engine and anything else that sets text.
    public static func glyphRuns(for line: LaidOutLine, x: Double, baseline: Double,
                                 color: Color = .black) -> [DrawItem] {
        var runs: [DrawItem] = []
        var current: GlyphRun?
        for glyph in line.glyphs {
            let positioned = PositionedGlyph(glyphID: glyph.glyphID, x: glyph.x, y: glyph.yOffset, text: glyph.text)
            if var run = current, run.face === glyph.face, run.fontSize == glyph.fontSize {
                run.glyphs.append(positioned)
                current = run
            } else {
                if let run = current { runs.append(.glyphRun(run)) }
                current = GlyphRun(face: glyph.face, fontSize: glyph.fontSize, origin: Point(x: x, y: baseline),
                                   color: color, glyphs: [positioned])
            }
        }
        if let run = current { runs.append(.glyphRun(run)) }
        return runs
    }
}
