public import YorisoiText

extension DrawItem {
    /// Glyph runs for a laid-out line with its left edge at `x` and its baseline at `baseline`:
    /// one run per stretch of glyphs that share a face, size and language, because a PDF text object
    /// selects one font at a time. Shared by the layout engine and anything else that sets text.
    public static func glyphRuns(for line: LaidOutLine, x: Double, baseline: Double,
                                 color: Color = .black) -> [DrawItem] {
        var runs: [DrawItem] = []
        let styles = line.styles
        // Field by field in place: a copy of each glyph went through its value witness.
        line.glyphs.withUnsafeBufferPointer { line in
            var start = 0
            while start < line.count {
                // The run: as far as the face, language and size stay the same (most lines are one
                // run). A line holds each face and language once, so one style is one of each.
                let style = line[start].style, fontSize = line[start].fontSize
                let isRuby = line[start].isRuby
                var end = start + 1
                while end < line.count, line[end].style == style, line[end].fontSize == fontSize,
                      line[end].isRuby == isRuby, !line[end].startsReading { end += 1 }
                var glyphs: [PositionedGlyph] = []
                glyphs.reserveCapacity(end - start)
                for index in start..<end {
                    glyphs.append(PositionedGlyph(glyphID: line[index].glyphID, x: line[index].x,
                                                  y: line[index].yOffset, text: line[index].text))
                }
                var run = GlyphRun(face: styles[Int(style)].face, fontSize: fontSize, origin: Point(x: x, y: baseline),
                                   color: color, glyphs: glyphs, language: styles[Int(style)].language)
                run.isRuby = isRuby
                runs.append(.glyphRun(run))
                start = end
            }
        }
        return runs
    }
}
