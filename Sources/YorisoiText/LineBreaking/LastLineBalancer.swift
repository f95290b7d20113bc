/// Keeps a paragraph from ending on a line of one character (「心配しているこ／と」, 「した／い。」:
/// punctuation after it is no company): the last two
/// lines are broken again. A short paragraph (a label of up to two lines) is balanced, preferring
/// a break where the script changes (「モニタリング／時期」); a longer one only pushes down the
/// fewest characters that give its last line company.
struct LastLineBalancer {
    let chooser: BreakChooser
    /// The paragraph's clusters, for their text (particles).
    let clusters: [TextCluster]
    /// Up to this many characters over two lines, a paragraph is treated as a label and balanced.
    static let labelLength = 16
    /// What a break inside a word (no change of script) costs against a balanced split, in ems.
    static let insideWordPenalty = 2.0

    private var measure: LineMeasure { chooser.measure }

    func balance(_ ranges: inout [Range<Int>], firstLineIndent: Double) {
        guard ranges.count >= 2, letterCount(ranges[ranges.count - 1]) == 1 else { return }
        let n = ranges.count
        let lower = ranges[n - 2].lowerBound, upper = ranges[n - 1].upperBound
        let indent = n == 2 ? firstLineIndent : 0
        let limit = chooser.limit

        let candidates = (lower + 1..<upper).filter { b in
            chooser.isFree(b)
                && measure.naturalWidth(lower, b, indent: indent) <= limit
                && measure.naturalWidth(b, upper, indent: 0) <= limit
                && letterCount(b..<upper) >= 2 && letterCount(lower..<b) >= 2
        }
        guard !candidates.isEmpty else { return }

        let chosen: Int
        if n == 2 && contentCount(lower..<upper) <= Self.labelLength {
            let em = measure.metrics[lower].em
            chosen = candidates.min { cost($0, lower, upper, indent, em) < cost($1, lower, upper, indent, em) }!
        } else {
            chosen = candidates.max()!
        }
        ranges[n - 2] = lower..<chosen
        ranges[n - 1] = chosen..<upper
    }

    private func cost(_ b: Int, _ lower: Int, _ upper: Int, _ indent: Double, _ em: Double) -> Double {
        let longest = max(measure.naturalWidth(lower, b, indent: indent), measure.naturalWidth(b, upper, indent: 0))
        return longest + (changesScript(b) ? 0 : Self.insideWordPenalty * em) - Double(b) * 1e-6
    }

    private func contentCount(_ range: Range<Int>) -> Int {
        range.reduce(0) { $0 + (measure.metrics[$1].isContent ? 1 : 0) }
    }

    /// Characters that give a line company: a 。、 or closing bracket after the last one does not
    /// (「した／い。」 ends on one character too, JLREQ's 「行末の1字」).
    private func letterCount(_ range: Range<Int>) -> Int {
        range.reduce(0) { count, i in
            let m = measure.metrics[i]
            switch m.jlreqClass {
            case .fullStop, .comma, .closingBracket, .dividingPunctuation: return count
            default: return count + (m.isContent ? 1 : 0)
            }
        }
    }

    /// Particles that close the word before them: 「ご家族が／すること」, not 「ご家族／がすること」.
    private static let particles: Set<String> = ["が", "は", "を", "に", "の", "で", "と", "も", "へ", "や"]

    /// Kanji ↔ kana ↔ katakana ↔ anything else: where Japanese words most often meet. A particle
    /// after a kanji word belongs to that word.
    private func changesScript(_ b: Int) -> Bool {
        let metrics = measure.metrics
        func isKanji(_ i: Int) -> Bool { i >= 0 && metrics[i].jlreqClass == .ideographic }
        if Self.particles.contains(clusters[b].text) && isKanji(b - 1) { return false }
        if Self.particles.contains(clusters[b - 1].text) && isKanji(b - 2) { return true }
        func script(_ m: ClusterMetrics) -> Int {
            switch m.jlreqClass {
            case .ideographic, .iterationMark: return 0
            case .hiragana: return 1
            case .katakana, .prolongedSoundMark: return 2
            case .smallKana: return (m.firstScalar?.value ?? 0) >= 0x30A0 ? 2 : 1
            default: return 3
            }
        }
        return script(measure.metrics[b - 1]) != script(measure.metrics[b])
    }
}
