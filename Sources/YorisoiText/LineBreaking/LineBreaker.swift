/// JLREQ line breaking for horizontal Japanese text: greedy first fit with 禁則 (strict), 分離禁止,
/// 約物 collapse, 和欧間 and 両端揃え. Works on shaped clusters only; no fonts needed.
public enum JapaneseLineBreaker {
    /// Breaks `clusters` into lines of at most `options.width` and positions every cluster.
    ///
    /// - A "\n" cluster ends its paragraph and is the last index of that line's `clusterRange`.
    ///   Text after the last "\n" forms a paragraph only if it is not empty, so "a\n" gives one line
    ///   and "a\n\n" two (the second holding just the "\n").
    /// - Each line ends where the most clusters fit naturally. If a line may not end there (禁則 or
    ///   分離禁止), the breaker first squeezes in the clusters up to the next allowed break
    ///   (追い込み) if the line's shrinkable space allows, else pushes back to the previous allowed
    ///   break (追い出し). A unit longer than the whole line (a long word) is broken where it fills it.
    public static func breakLines(_ clusters: [TextCluster], options: LineBreakOptions) -> [BrokenLine] {
        let metrics = ClusterMetrics.analyse(clusters)
        let measure = LineMeasure(metrics)
        let breaks = BreakOpportunities.compute(metrics)
        let composer = LineComposer(measure: measure)
        let chooser = BreakChooser(measure: measure, breaks: breaks, width: options.width)

        var lines: [BrokenLine] = []
        var paragraphStart = 0
        while paragraphStart < metrics.count {
            var paragraphEnd = paragraphStart
            while paragraphEnd < metrics.count && !metrics[paragraphEnd].isHardBreak { paragraphEnd += 1 }
            let hasHardBreak = paragraphEnd < metrics.count

            var ranges: [Range<Int>] = []
            var lineStart = paragraphStart
            while lineStart < paragraphEnd {
                let indent = ranges.isEmpty ? options.firstLineIndent : 0
                let lineEnd = chooser.end(of: lineStart, paragraphEnd: paragraphEnd, indent: indent)
                ranges.append(lineStart..<lineEnd)
                lineStart = lineEnd
            }
            if ranges.isEmpty { ranges = [paragraphStart..<paragraphStart] }
            if hasHardBreak { ranges[ranges.count - 1] = ranges[ranges.count - 1].lowerBound..<(paragraphEnd + 1) }

            for (index, range) in ranges.enumerated() {
                let endsParagraph = index == ranges.count - 1
                lines.append(composer.compose(
                    range, indent: index == 0 ? options.firstLineIndent : 0, width: options.width,
                    mode: LineComposer.mode(for: options.alignment, endsParagraph: endsParagraph),
                    endsParagraph: endsParagraph))
            }
            paragraphStart = hasHardBreak ? paragraphEnd + 1 : paragraphEnd
        }
        return lines
    }
}

/// Chooses where one line ends.
struct BreakChooser: Sendable {
    let measure: LineMeasure
    /// `breaks[i]`: a line may start at cluster `i`.
    let breaks: [Bool]
    let width: Double

    /// Rounding slack so a line that fits exactly on paper fits in floating point.
    private var limit: Double { width + 1e-7 }

    func end(of start: Int, paragraphEnd: Int, indent: Double) -> Int {
        if measure.naturalWidth(start, paragraphEnd, indent: indent) <= limit { return paragraphEnd }

        // The natural greedy point: as many clusters as fit unsqueezed, and always at least one.
        var fit = start + 1
        while fit < paragraphEnd && measure.naturalWidth(start, fit + 1, indent: indent) <= limit { fit += 1 }
        // A single cluster wider than the whole measure at the paragraph's end: set it alone.
        if fit >= paragraphEnd { return paragraphEnd }
        if breaks[fit] { return fit }

        // 追い込み: squeeze in everything up to the next allowed break.
        var next = fit + 1
        while next < paragraphEnd && !breaks[next] { next += 1 }
        if measure.minimumWidth(start, next, indent: indent) <= limit { return next }

        // 追い出し: push the unit that cannot be split down to the next line.
        var previous = fit - 1
        while previous > start && !breaks[previous] { previous -= 1 }
        if previous > start { return previous }

        // One unit (a long word, a long …… run) is longer than the line: break it where it fills it.
        return fit
    }
}
