public import YorisoiText

extension DrawItem {
    /// Glyph runs for a laid-out line with its left edge at `x` and its baseline at `baseline`:
    /// one run per stretch of glyphs that share a face and size, because a PDF text object
    /// selects one font at a time. Shared by the layout engine and anything else that sets text.
    public static func glyphRuns(for line: LaidOutLine, x: Double, baseline: Double,
                                 color: Color = .black) -> [DrawItem] {
        var runs: [DrawItem] = []
        // The run being gathered, kept in locals so appending never copies its glyphs.
        var face: FontFace?
        var fontSize = 0.0
        var glyphs: [PositionedGlyph] = []
        func closeRun() {
            guard let face, !glyphs.isEmpty else { return }
            runs.append(.glyphRun(GlyphRun(face: face, fontSize: fontSize, origin: Point(x: x, y: baseline),
                                           color: color, glyphs: glyphs)))
        }
        for glyph in line.glyphs {
            let positioned = PositionedGlyph(glyphID: glyph.glyphID, x: glyph.x, y: glyph.yOffset, text: glyph.text)
            if let face, face === glyph.face, fontSize == glyph.fontSize {
                glyphs.append(positioned)
            } else {
                closeRun()
                face = glyph.face
                fontSize = glyph.fontSize
                glyphs = [positioned]
            }
        }
        closeRun()
        return runs
    }
}
