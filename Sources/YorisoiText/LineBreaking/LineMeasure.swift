/// Natural and fully squeezed widths of any candidate line in O(1), from prefix sums over the
/// paragraph. The space between two clusters depends only on the pair, so it is computed once;
/// only the line edges (trims, hanging spaces) depend on where the line starts and ends.
struct LineMeasure: Sendable {
    let metrics: [ClusterMetrics]
    /// `gaps[i]`: space between cluster `i` and `i + 1` when both are on one line.
    let gaps: [Spacing]
    private let inkPrefix: [Double]
    private let gapNaturalPrefix: [Double]
    private let gapMinimumPrefix: [Double]
    /// `lastSet[e]`: the last cluster before `e` that is set on the line (not a space or hard break
    /// that hangs at the end), or -1.
    private let lastSet: [Int]

    init(_ metrics: [ClusterMetrics]) {
        self.metrics = metrics
        let n = metrics.count
        gaps = n < 2 ? [] : (0..<(n - 1)).map { InterClusterSpacing.between(metrics[$0], metrics[$0 + 1]) }

        var ink = [0.0], natural = [0.0], minimum = [0.0], last = [-1]
        ink.reserveCapacity(n + 1)
        last.reserveCapacity(n + 1)
        natural.reserveCapacity(n)
        minimum.reserveCapacity(n)
        for i in 0..<n {
            ink.append(ink[i] + metrics[i].inkWidth)
            last.append(metrics[i].isContent ? i : last[i])
        }
        for gap in gaps {
            natural.append(natural.last! + gap.natural)
            minimum.append(minimum.last! + gap.minimum)
        }
        inkPrefix = ink
        gapNaturalPrefix = natural
        gapMinimumPrefix = minimum
        lastSet = last
    }

    /// The last set cluster of the line `start..<end`, or nil when the line holds only spaces/breaks.
    func lastSetCluster(_ start: Int, _ end: Int) -> Int? {
        let last = lastSet[end]
        return last >= start ? last : nil
    }

    /// Width of the line `start..<end` set naturally (line-edge trims applied), including `indent`.
    func naturalWidth(_ start: Int, _ end: Int, indent: Double) -> Double {
        width(start, end, indent: indent, squeezed: false)
    }

    /// Width of the line with every shrinkable space squeezed to its minimum.
    func minimumWidth(_ start: Int, _ end: Int, indent: Double) -> Double {
        width(start, end, indent: indent, squeezed: true)
    }

    /// (A flag rather than a key path: this runs for every cluster a line might end at.)
    private func width(_ start: Int, _ end: Int, indent: Double, squeezed: Bool) -> Double {
        guard let last = lastSetCluster(start, end) else { return indent }
        let lineStart = InterClusterSpacing.lineStart(metrics[start])
        let lineEnd = InterClusterSpacing.lineEnd(metrics[last])
        let gapPrefix = squeezed ? gapMinimumPrefix : gapNaturalPrefix
        return indent
            + (squeezed ? lineStart.minimum : lineStart.natural)
            + (inkPrefix[last + 1] - inkPrefix[start])
            + (gapPrefix[last] - gapPrefix[start])
            + (squeezed ? lineEnd.minimum : lineEnd.natural)
    }
}
