/// Sets one chosen line: adjusts its spaces (Justification), shifts it for alignment and turns ink
/// boxes into glyph origins.
struct LineComposer: Sendable {
    let measure: LineMeasure
    /// `solid[i]`: the gap before cluster `i` is inside a number, date, time or address and is
    /// never letter-spaced.
    var solid: [Bool] = []

    /// The most a justified line adds between two adjacent characters (in ems): a quarter em
    /// (四分), half the ½ em the issue allows, so a narrow column never shows 「し　ょ　っ」. A line
    /// that would need more (it ends early because the next unit is too long to come up) is set
    /// flush to the start instead of being spread into 「ぎ　り　ぎ　り」.
    static let maximumLetterSpacing = 0.25

    enum Mode: Sendable {
        case start, center, end
        /// 両端揃え to the full measure.
        case justify
        /// 均等割り: even spacing between all clusters; a single cluster is centred.
        case distribute
    }

    static func mode(for alignment: TextAlignment, endsParagraph: Bool) -> Mode {
        switch alignment {
        case .start: return .start
        case .center: return .center
        case .end: return .end
        case .justify: return endsParagraph ? .start : .justify
        case .distribute: return .distribute
        }
    }

    func compose(_ range: Range<Int>, indent: Double, width: Double, mode: Mode,
                 endsParagraph: Bool) -> BrokenLine {
        let metrics = measure.metrics
        let start = range.lowerBound
        guard let last = measure.lastSetCluster(start, range.upperBound) else {
            // Only hard breaks / spaces: nothing to set.
            return BrokenLine(clusterRange: range, positions: Array(repeating: indent, count: range.count),
                              width: indent, endsParagraph: endsParagraph, naturalWidth: indent)
        }
        let setCount = last - start + 1

        // Slot j sits before set cluster j; slot setCount after the last one.
        var slots: [Spacing] = []
        slots.reserveCapacity(setCount + 1)
        slots.append(InterClusterSpacing.lineStart(metrics[start]))
        slots.append(contentsOf: measure.gaps[start..<last])
        slots.append(InterClusterSpacing.lineEnd(metrics[last]))

        let natural = measure.naturalWidth(start, range.upperBound, indent: indent)
        let stretch: Justification.Stretch
        var letterSpacingSlots: [Int] = []
        var letterSpacingLimit = Double.infinity
        switch mode {
        case .justify:
            stretch = .byPriority
            // (Loops rather than filter and map: every justified line of every trial size passes here.)
            letterSpacingSlots.reserveCapacity(setCount)
            for j in 1..<max(1, setCount) where !isSolid(start + j)
                // A Western space has stretched already (to ½ em); its sides take no letter spacing.
                && !metrics[start + j - 1].isWesternSpace && !metrics[start + j].isWesternSpace
                && InterClusterSpacing.acceptsLetterSpacing(metrics[start + j - 1], metrics[start + j]) {
                letterSpacingSlots.append(j)
            }
            var smallest = metrics[start].em
            for i in start...last { smallest = min(smallest, metrics[i].em) }
            letterSpacingLimit = Self.maximumLetterSpacing * smallest
        case .distribute:
            let innerSlots = Array(1..<setCount)
            stretch = .evenly
            // A bracketed part is read as one gloss: 「意　向（思い）」, never 「意 向 （ 思 い ）」.
            // A label that is all bracket (「（注）」) still spreads.
            // A Latin word or a number is never letter-spaced either: 「プ ラ ン ID」, not 「I D」.
            let bracketed = Self.bracketed(metrics, start...last)
            let outside = innerSlots.filter { !(bracketed[start + $0 - 1] && bracketed[start + $0]) }
            let spreadable = outside.filter {
                !(metrics[start + $0 - 1].isWesternRunMember && metrics[start + $0].isWesternRunMember)
            }
            letterSpacingSlots = !spreadable.isEmpty ? spreadable : outside.isEmpty ? innerSlots : outside
        case .start, .center, .end:
            stretch = .none
        }
        let slotWidths = Justification.fit(slots, letterSpacingSlots: letterSpacingSlots,
                                           letterSpacingLimit: letterSpacingLimit, natural: natural,
                                           target: width, stretch: stretch)

        var used = indent + slotWidths.reduce(0, +)
        for i in start...last { used += metrics[i].inkWidth }
        let slack = max(0, width - used)
        let offset: Double
        switch mode {
        case .center: offset = slack / 2
        case .end: offset = slack
        case .distribute where setCount == 1: offset = slack / 2
        case .start, .justify, .distribute: offset = 0
        }

        var positions: [Double] = []
        positions.reserveCapacity(range.count)
        var x = indent + offset
        for j in 0..<setCount {
            x += slotWidths[j]
            positions.append(x - metrics[start + j].lead)  // glyph origin sits `lead` before the ink
            x += metrics[start + j].inkWidth
        }
        let rightEdge = x + slotWidths[setCount]
        // Hanging spaces and the hard break go at the right edge and take no width.
        positions.append(contentsOf: repeatElement(rightEdge, count: range.upperBound - last - 1))
        return BrokenLine(clusterRange: range, positions: positions, width: rightEdge,
                          endsParagraph: endsParagraph, naturalWidth: natural)
    }

    private func isSolid(_ i: Int) -> Bool { i < solid.count && solid[i] }

    /// Which clusters of `range` lie within a bracket pair, the brackets included (indexed like
    /// `metrics`; false outside `range`).
    static func bracketed(_ metrics: [ClusterMetrics], _ range: ClosedRange<Int>) -> [Bool] {
        var inside = [Bool](repeating: false, count: metrics.count)
        var open: Int?
        for i in range {
            switch metrics[i].jlreqClass {
            case .openingBracket: open = i
            case .closingBracket:
                if let start = open { for j in start...i { inside[j] = true } }
                open = nil
            default: break
            }
        }
        return inside
    }
}
