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
    /// - Parameter groups: cluster ranges no line may end inside and no justification spreads
    ///   (the base of group ruby, whose reading is set over the whole of it).
    public static func breakLines(_ clusters: [TextCluster], options: LineBreakOptions,
                                  keepingTogether groups: [Range<Int>] = []) -> [BrokenLine] {
        var (metrics, rules) = BreakRulesCache.shared.analysed(clusters, keepsWords: options.keepsWords)
        let measure = LineMeasure(metrics)
        for group in groups where group.count > 1 && group.upperBound <= clusters.count {
            for i in (group.lowerBound + 1)..<group.upperBound {
                rules.kinds[i] = .never
                rules.solid[i] = true
            }
        }
        let kinds = BreakRules.resolve(rules.kinds, measure: measure, width: options.width)
        let composer = LineComposer(measure: measure, solid: rules.solid)
        let chooser = BreakChooser(measure: measure, kinds: kinds, width: options.width)

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
            if options.avoidsLoneLastCharacter {
                LastLineBalancer(chooser: chooser, clusters: clusters).balance(&ranges, firstLineIndent: options.firstLineIndent)
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

/// Chooses where one line ends, in JLREQ's order: the natural fit; 追い込み (squeeze 約物 to take
/// in the rest of the unit); 追い出し (push the unit down); in a column too narrow for any of
/// these, the relaxable 禁則 (small kana, ー, 々 at a line start); and only then an overfull line
/// that holds the unit whole, for the caller to shrink or report.
struct BreakChooser: Sendable {
    let measure: LineMeasure
    /// `kinds[i]`: the break before cluster `i`, with units already resolved for `width`.
    let kinds: [BreakKind]
    let width: Double

    /// Rounding slack so a line that fits exactly on paper fits in floating point.
    var limit: Double { width + 1e-7 }

    func isFree(_ i: Int) -> Bool { kinds[i] == .free }
    func isRelaxed(_ i: Int) -> Bool { kinds[i] == .free || kinds[i] == .relaxable }

    func end(of start: Int, paragraphEnd: Int, indent: Double) -> Int {
        if measure.naturalWidth(start, paragraphEnd, indent: indent) <= limit { return paragraphEnd }

        // The natural greedy point: as many clusters as fit unsqueezed, and always at least one.
        var fit = start + 1
        while fit < paragraphEnd && measure.naturalWidth(start, fit + 1, indent: indent) <= limit { fit += 1 }
        if fit >= paragraphEnd { return paragraphEnd }
        if isFree(fit) { return fit }

        for allowed in [isFree, isRelaxed] {
            // 追い込み: squeeze in everything up to the next allowed break.
            var next = fit + 1
            while next < paragraphEnd && !allowed(next) { next += 1 }
            if measure.minimumWidth(start, next, indent: indent) <= limit { return next }
            // 追い出し: push the unit that cannot be split down to the next line.
            var previous = fit - 1
            while previous > start && !allowed(previous) { previous -= 1 }
            if previous > start { return previous }
        }

        // One unit (a long number, a word, a closing-bracket cluster) is wider than the whole
        // measure: keep it whole on an overfull line; the caller shrinks the text or reports it.
        var next = fit + 1
        while next < paragraphEnd && !isRelaxed(next) { next += 1 }
        return next
    }
}
