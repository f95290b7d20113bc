import YorisoiDisplayList
import YorisoiText

/// A paragraph block → one strip per line (plus its space before and after), so a page break
/// can fall between any two lines.
struct ParagraphSetter {
    let text: TextSetting

    func strips(_ block: ParagraphBlock, width: Double) throws -> [Strip] {
        let (spans, underlined) = text.ruledSpans(block.content)
        let available = max(0, width - block.startIndent - block.endIndent)
        let measure = try self.measure(block, spans: spans, available: available)
        let offset: Double
        switch block.measurePosition {
        case .start: offset = 0
        case .center: offset = (available - measure) / 2
        case .end: offset = available - measure
        }
        let left = block.startIndent + offset

        let settings = ParagraphSettings(width: measure, alignment: block.alignment, lineHeight: block.lineHeight,
                                         firstLineIndent: block.firstLineIndent, keepsWords: block.keepsWords)
        let lines = try text.lines(spans, settings: settings, sourcePath: block.sourcePath,
                                   isTemplateText: block.isTemplateText)
        let rules = Underlines.segments(lines: lines, spans: spans, underlined: underlined)

        var strips: [Strip] = []
        if block.spaceBefore > 0 { strips.append(.space(block.spaceBefore)) }
        for (index, var line) in lines.enumerated() {
            // The line breaker returns a line wider than the measure only when nothing could make
            // it fit (a long unbreakable word): that text would cross the box edge.
            if line.width > measure + 0.01 {
                text.context.lineOverran(by: line.width - measure, sourcePath: block.sourcePath)
                line = TextSetting.trimmed(line, to: measure)
            }
            let segments = rules[index].map { (from: $0.from, to: min($0.to, measure), depth: $0.depth) }
            strips.append(Strip(height: line.pitch,
                                items: TextSetting.glyphRuns(line, x: left, baseline: line.baseline, gray: block.gray)
                                    + Underlines.items(segments, x: left, baseline: line.baseline)))
        }
        if block.spaceAfter > 0 { strips.append(.space(block.spaceAfter)) }
        return strips
    }

    /// The width the lines are set in. A 均等割り label never gets narrower than its own text: a
    /// 5-character label in a 4-character measure is set solid rather than broken in two.
    private func measure(_ block: ParagraphBlock, spans: [TextSpan], available: Double) throws -> Double {
        var measure: Double
        switch block.measure {
        case .full:
            return available
        case .points(let points):
            measure = points * text.scale
        case .asWideAs(let reference):
            guard let style = spans.first?.style else { return available }
            measure = try ParagraphLayout.naturalWidth([TextSpan(reference, style: style)])
        }
        if block.alignment == .distribute, !spans.isEmpty {
            measure = max(measure, try ParagraphLayout.naturalWidth(spans))
        }
        return min(measure, available)
    }
}
