/// How freely a line may end between two clusters. BreakOpportunities answers "is this legal at
/// all"; BreakRules adds the units a reader takes in at a glance (a date, a time range, a URL,
/// a number with its counter) and the 禁則 that JLREQ lets a narrow column relax.
enum BreakKind: Sendable, Hashable {
    /// Any line may end here.
    case free
    /// 行頭禁則 that a narrow column may relax (JLREQ 3.1.7 note): a small kana, ー or 々 would
    /// start the next line. Used only when no free break fits.
    case relaxable
    /// Inside a unit (after 年/月 of a date, after 〜 of a time range, after / . ? & = - of a URL):
    /// free only when the whole unit is longer than the measure, else never.
    case insideUnit
    /// Inside a word of a label or heading (`LineBreakOptions.keepsWords`: a kanji compound, お手伝い,
    /// a bracketed 「（意向）」): like `insideUnit`, free only when the word is longer than the
    /// measure, but not a number: a 均等割り label still spreads its letters.
    case insideWord
    /// Between two words of one phrase in a label or heading (手伝い|できる is a phrase boundary,
    /// でき|る|こと and 支援|機関 are not): free only when the phrase is longer than the measure;
    /// then the words inside it still hold (`insideWord`) unless they too are longer.
    case insidePhrase
    /// Inside a word where the break was `relaxable` (before the ッ or ー of a katakana word):
    /// held like `insideWord`, and when the word is longer than the measure it is relaxable again,
    /// not free, so a wide measure still never starts a line with ッ or ー.
    case insideWordRelaxable
    /// Never: hard 禁則 or 分離禁止 (inside a number, a word, a number and its counter, an era name
    /// and its year).
    case never
}

enum BreakRules {
    /// `kinds[i]`: the kind of a break between cluster `i - 1` and `i` (`kinds[0]` is `.free`);
    /// `solid[i]`: that gap belongs to a number, date, time or address and is never letter-spaced.
    /// `clusters` are the clusters `metrics` were made from, for the rules that read the text.
    static func compute(_ metrics: [ClusterMetrics], _ clusters: [TextCluster],
                        keepsWords: Bool = false) -> (kinds: [BreakKind], solid: [Bool]) {
        var kinds = [BreakKind](repeating: .free, count: metrics.count)
        guard metrics.count > 1 else { return (kinds, [Bool](repeating: false, count: metrics.count)) }
        for i in 1..<metrics.count {
            let a = metrics[i - 1], b = metrics[i]
            if BreakOpportunities.allowed(between: a, b) {
                kinds[i] = .free
            } else if isRelaxable(a, b) {
                kinds[i] = .relaxable
            } else {
                kinds[i] = .never
            }
        }
        bindNumbersToCounters(metrics, clusters, &kinds)
        bindFrequencyPrefixes(metrics, clusters, &kinds)
        bindEraNames(metrics, clusters, &kinds)
        markDatesAndRanges(metrics, clusters, &kinds)
        markURLs(metrics, clusters, &kinds)
        if keepsWords {
            bindKatakanaWords(metrics, clusters, &kinds)
            if let segmenter = WordSegmenter.shared {
                bindPhrases(segmenter, metrics, clusters, &kinds)
                LabelWords.bindBrackets(metrics, &kinds)
            } else {
                LabelWords.bind(metrics, clusters, &kinds)
            }
        } else if let segmenter = WordSegmenter.shared {
            bindBodyKatakanaWords(segmenter, metrics, clusters, &kinds)
        }
        var solid = [Bool](repeating: false, count: metrics.count)
        for i in 1..<metrics.count {
            let a = metrics[i - 1], b = metrics[i]
            solid[i] = kinds[i] == .insideUnit || (a.isWesternRunMember && b.isWesternRunMember)
                || (kinds[i] == .never && (isDigit(a) || isDigit(b) || boundToNumber(i, metrics, clusters)))
        }
        return (kinds, solid)
    }

    /// Inside a katakana word (カタカナ, with its ー and small kana) no line may end: the option
    /// labels take (`LineBreakOptions.keepsWords`). Not letter-spaced-solid: a 均等割り label
    /// still spreads its letters.
    private static func bindKatakanaWords(_ metrics: [ClusterMetrics], _ clusters: [TextCluster],
                                          _ kinds: inout [BreakKind]) {
        for i in metrics.indices.dropFirst()
        where isKatakanaLetter(i - 1, metrics, clusters) && isKatakanaLetter(i, metrics, clusters) {
            kinds[i] = .never
        }
    }

    /// Labels and headings break only between phrases (文節) as MeCab reads them: inside a word a
    /// break is `insideWord`, between the words of a phrase `insidePhrase`; both come free only
    /// when what they hold together is longer than the measure (`resolve`).
    private static func bindPhrases(_ segmenter: WordSegmenter, _ metrics: [ClusterMetrics], _ clusters: [TextCluster],
                                    _ kinds: inout [BreakKind]) {
        let boundaries = clusterBoundaries(segmenter, clusters)
        for i in metrics.indices.dropFirst() where kinds[i] == .free || kinds[i] == .relaxable {
            switch boundaries[i] {
            case .inside: kinds[i] = kinds[i] == .relaxable ? .insideWordRelaxable : .insideWord
            case .morpheme: if kinds[i] == .free { kinds[i] = .insidePhrase }
            case .phrase: break
            }
        }
    }

    /// In running text only katakana words hold together (「センタ／ー」 misreads, 「支援／機関」
    /// is ordinary Japanese setting): a break inside one is `insideWord`, free only when the word
    /// is longer than the measure. Between the words of a katakana compound (ファミリー|サポート)
    /// a line may still end.
    ///
    /// MeCab is asked about each run of katakana on its own, not the whole paragraph: only breaks
    /// between two katakana are decided here, and a run is short and comes back often (サポート、
    /// プラン), so its answer is found in `WordSegmenter`'s cache instead of a lattice over every
    /// paragraph that holds one (5% of a batch's instructions; MeCab's lookups miss the CPU's
    /// caches, so more of its time). A word then breaks the same in any sentence; MeCab read
    /// katakana the same in and out of sentences in every case tried, and the output did not
    /// change. A run goes on across a 中黒 between katakana (フードバンク・フードロス): the words
    /// it lists are read together, as in the paragraph, where MeCab takes them as one word.
    private static func bindBodyKatakanaWords(_ segmenter: WordSegmenter, _ metrics: [ClusterMetrics],
                                              _ clusters: [TextCluster], _ kinds: inout [BreakKind]) {
        var start = 0
        while start < metrics.count {
            guard isKatakanaLetter(start, metrics, clusters) else { start += 1; continue }
            var end = start + 1
            while end < metrics.count {
                if isKatakanaLetter(end, metrics, clusters) {
                    end += 1
                } else if end + 1 < metrics.count, clusters[end].text == "・", isKatakanaLetter(end + 1, metrics, clusters) {
                    end += 2
                } else {
                    break
                }
            }
            // A run of one letter has no break inside it.
            if end - start > 1 {
                let run = Array(clusters[start..<end])
                // Only "inside a morpheme" matters here, so MeCab's parts of speech are never read.
                let inside = perCluster(segmenter.morphemeInteriors(run.map(\.text).joined()), run, otherwise: false)
                for i in (start + 1)..<end where inside[i - start] && (kinds[i] == .free || kinds[i] == .relaxable)
                    && isKatakanaLetter(i - 1, metrics, clusters) && isKatakanaLetter(i, metrics, clusters) {
                    kinds[i] = kinds[i] == .relaxable ? .insideWordRelaxable : .insideWord
                }
            }
            start = end
        }
    }

    /// The boundary before each cluster: a cluster's first scalar decides (a cluster inside a
    /// morpheme, such as a kanji with its variation selector, has `.inside` before its marks).
    private static func clusterBoundaries(_ segmenter: WordSegmenter, _ clusters: [TextCluster]) -> [WordBoundary] {
        perCluster(segmenter.boundaries(clusters.map(\.text).joined()), clusters, otherwise: .phrase)
    }

    /// A per-scalar answer for the joined text of `clusters`, taken at each cluster's first scalar.
    private static func perCluster<Value>(_ perScalar: [Value], _ clusters: [TextCluster], otherwise: Value) -> [Value] {
        var result = [Value](repeating: otherwise, count: clusters.count)
        var offset = 0
        for (i, cluster) in clusters.enumerated() {
            if offset < perScalar.count { result[i] = perScalar[offset] }
            offset += cluster.text.unicodeScalars.count
        }
        return result
    }

    private static func isKatakanaLetter(_ i: Int, _ metrics: [ClusterMetrics], _ clusters: [TextCluster]) -> Bool {
        let m = metrics[i]
        return m.jlreqClass == .katakana || m.jlreqClass == .prolongedSoundMark
            || (m.jlreqClass == .smallKana && clusters[i].text.unicodeScalars.allSatisfy { (0x30A0...0x30FF).contains($0.value) || (0x31F0...0x31FF).contains($0.value) })
    }

    /// か|月 of 「6か月」 and 令|和 of an era name (the clusters `i - 1` and `i`): never split, so
    /// never spaced either.
    private static func boundToNumber(_ i: Int, _ metrics: [ClusterMetrics], _ clusters: [TextCluster]) -> Bool {
        (metrics[i - 1].isText(in: smallCounters, text: clusters[i - 1].text) && metrics[i].isText("月", text: clusters[i].text))
            || isEraName(i - 1, metrics, clusters)
    }

    /// か of 「6か月」 and its spellings, and 箇 of 「3箇所」: one word with the kanji after them.
    private static let smallCounters: Set<Unicode.Scalar> = Set("かヵヶカケ箇".unicodeScalars)

    /// `kinds` with every `.insideUnit` resolved for one measure: free where the unit it belongs to
    /// (the clusters joined by non-free breaks around it) is wider than `width`, else never.
    static func resolve(_ kinds: [BreakKind], measure: LineMeasure, width: Double) -> [BreakKind] {
        guard kinds.contains(where: { $0 == .insideUnit || $0 == .insideWord || $0 == .insidePhrase || $0 == .insideWordRelaxable })
        else { return kinds }
        // Phrases first: a phrase longer than the measure opens its word boundaries; then the
        // words and units, within the pieces that leaves.
        let phrases = resolve(kinds, holding: { $0 == .insidePhrase }, measure: measure, width: width)
        return resolve(phrases, holding: { $0 == .insideUnit || $0 == .insideWord || $0 == .insideWordRelaxable },
                       measure: measure, width: width)
    }

    /// Each break of the `held` kinds free where the run it belongs to (the clusters joined by
    /// non-free breaks around it) is wider than `width`, else never. (A predicate, not a set of
    /// kinds, and no array of the run's held breaks: this runs for every run of every paragraph
    /// at every measure, and the set hashed each break.)
    private static func resolve(_ kinds: [BreakKind], holding held: (BreakKind) -> Bool, measure: LineMeasure,
                                width: Double) -> [BreakKind] {
        var resolved = kinds
        var unitStart = 0
        var i = 1
        while i <= kinds.count {
            if i == kinds.count || kinds[i] == .free || kinds[i] == .relaxable {
                var long: Bool?
                for j in unitStart + 1..<i where held(kinds[j]) {
                    let isLong = long ?? (measure.naturalWidth(unitStart, i, indent: 0) > width + 1e-7)
                    long = isLong
                    resolved[j] = !isLong ? .never : kinds[j] == .insideWordRelaxable ? .relaxable : .free
                }
                unitStart = i
            }
            i += 1
        }
        return resolved
    }

    // MARK: - Relaxable 禁則

    private static func isRelaxable(_ a: ClusterMetrics, _ b: ClusterMetrics) -> Bool {
        switch b.jlreqClass {
        case .smallKana, .prolongedSoundMark, .iterationMark:
            // Only the start-of-line rule is relaxed; the pair must otherwise be breakable.
            return a.jlreqClass.mayEndLine && !a.isWesternSpace && a.jlreqClass.isJapaneseLetter
        default:
            return false
        }
    }

    // MARK: - Numbers and counters

    /// Counters a number is read with: 「15日」「6か月」「3回」 are never split.
    private static let counters: Set<Unicode.Scalar> = Set(
        "年月日時分秒円歳才週回件人名号条項度倍割枚本冊台個点頁階番泊ヵヶカケか箇".unicodeScalars)

    static func isDigit(_ m: ClusterMetrics) -> Bool {
        guard let s = m.firstScalar else { return false }
        return ("0"..."9").contains(s) || (0xFF10...0xFF19).contains(s.value)
    }

    private static func bindNumbersToCounters(_ metrics: [ClusterMetrics], _ clusters: [TextCluster],
                                              _ kinds: inout [BreakKind]) {
        for i in 1..<metrics.count where isDigit(metrics[i - 1]) {
            if metrics[i].isText(in: counters, text: clusters[i].text) || isDigit(metrics[i]) {
                kinds[i] = .never
                // か月 ヶ月 か所: the small counter and its kanji are one word too.
                if i + 1 < metrics.count, metrics[i].isText(in: smallCounters, text: clusters[i].text) {
                    kinds[i + 1] = .never
                }
            }
        }
    }

    /// 「月2回」「週1回」「年3回」「毎2日」: the period a frequency is counted in is read with its
    /// number, so 「（月／2回）」 never happens. Only a frequency: the number ends in a count
    /// (回, 度, 日, 時間) and the kanji is not itself part of a date (「5月2日」, a date unit, see
    /// `markDatesAndRanges`) or a time (「平日8:30」 stays free before the time).
    private static let frequencyPrefixes: Set<Unicode.Scalar> = Set("月週年毎".unicodeScalars)
    private static let frequencyCounts: Set<Unicode.Scalar> = Set("回度日時".unicodeScalars)

    private static func bindFrequencyPrefixes(_ metrics: [ClusterMetrics], _ clusters: [TextCluster],
                                              _ kinds: inout [BreakKind]) {
        for i in 1..<metrics.count where isDigit(metrics[i])
            && metrics[i - 1].isText(in: frequencyPrefixes, text: clusters[i - 1].text)
            && (i < 2 || !isDigit(metrics[i - 2])) {
            var end = i
            while end < metrics.count && isDigit(metrics[end]) { end += 1 }
            if end < metrics.count && metrics[end].isText(in: frequencyCounts, text: clusters[end].text) {
                kinds[i] = .never
            }
        }
    }

    // MARK: - Era names

    private static let eraNames: [String] = ["令和", "平成", "昭和", "大正", "明治"]
    /// The era names by their two kanji, for clusters compared by scalar: five pairs compared
    /// directly (this runs for every pair of clusters; hashing an array per pair cost 1 % of a batch).
    private static let eraNamePairs: [UInt64] = eraNames.map {
        let scalars = Array($0.unicodeScalars)
        return pair(scalars[0], scalars[1])
    }

    private static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt64 {
        UInt64(first.value) << 32 | UInt64(second.value)
    }

    /// Whether the clusters `i` and `i + 1` spell an era name. Two plain clusters spell one only
    /// as its two kanji (each kanji is decomposition-free, so neither cluster can stand for part of one).
    private static func isEraName(_ i: Int, _ metrics: [ClusterMetrics], _ clusters: [TextCluster]) -> Bool {
        if let first = metrics[i].plain, let second = metrics[i + 1].plain {
            return eraNamePairs.contains(pair(first, second))
        }
        return eraNames.contains(clusters[i].text + clusters[i + 1].text)
    }

    private static func bindEraNames(_ metrics: [ClusterMetrics], _ clusters: [TextCluster],
                                     _ kinds: inout [BreakKind]) {
        guard metrics.count > 2 else { return }
        for i in 0..<(metrics.count - 2) {
            guard isEraName(i, metrics, clusters) else { continue }
            var next = i + 2
            if metrics[next].isWesternSpace, next + 1 < metrics.count { next += 1 }
            guard isDigit(metrics[next]) || metrics[next].isText("元", text: clusters[next].text) else { continue }
            for j in (i + 1)...next { kinds[j] = .never }
        }
    }

    // MARK: - Dates, times and ranges

    /// 2025年6月15日, 令和7年5月, 8:30〜17:15: the breaks after 年/月 and around 〜 are inside the unit.
    private static func markDatesAndRanges(_ metrics: [ClusterMetrics], _ clusters: [TextCluster],
                                           _ kinds: inout [BreakKind]) {
        for i in 1..<metrics.count where kinds[i] == .free {
            let a = metrics[i - 1], b = metrics[i]
            // 年|6月, 月|15日: a date component ends and the next number starts.
            if (a.isText("年", text: clusters[i - 1].text) || a.isText("月", text: clusters[i - 1].text)),
               i >= 2, isDigit(metrics[i - 2]), isDigit(b) {
                kinds[i] = .insideUnit
            }
            // 8:30〜|17:15, 4月〜|6月: a range joins two numbers or dated units.
            if a.jlreqClass == .hyphen, i >= 2, isDigit(b),
               isDigit(metrics[i - 2]) || metrics[i - 2].isText(in: dateEnds, text: clusters[i - 2].text) {
                kinds[i] = .insideUnit
            }
        }
    }

    private static let dateEnds: Set<Unicode.Scalar> = ["日", "月", "年", "時", "分"]

    // MARK: - URLs and e-mail addresses

    /// Characters after which a long URL may break (no hyphen is added).
    private static let urlBreakAfter: Set<String> = ["/", ".", "?", "&", "=", "-", "@", "_", "#"]

    private static func markURLs(_ metrics: [ClusterMetrics], _ clusters: [TextCluster], _ kinds: inout [BreakKind]) {
        var i = 0
        while i < metrics.count {
            guard metrics[i].isWesternRunMember else { i += 1; continue }
            var end = i
            while end < metrics.count && metrics[end].isWesternRunMember && (end == i || kinds[end] != .free) {
                end += 1
            }
            let texts = clusters[i..<end].map(\.text)
            // Never inside the scheme: the first break is after "://".
            let schemeEnd = Self.schemeLength(texts)
            if schemeEnd > 0 || isAddressWithoutScheme(texts) {
                for j in (i + 1)..<end where j - i >= max(schemeEnd, 1) {
                    let before = clusters[j - 1].text
                    if urlBreakAfter.contains(before), !urlBreakAfter.contains(clusters[j].text) {
                        kinds[j] = .insideUnit
                    }
                }
            }
            i = end
        }
    }

    /// Clusters up to and including the "://" of a scheme, or 0.
    private static func schemeLength(_ texts: [String]) -> Int {
        guard texts.count >= 3 else { return 0 }
        for j in 0..<(texts.count - 2) where texts[j] == ":" && texts[j + 1] == "/" && texts[j + 2] == "/" {
            return j + 3
        }
        return 0
    }

    /// A run's clusters that spell an address with no scheme (a run with "://" is one): a leading
    /// "www.", or an "@" with a "." (mail). Asked of the clusters themselves: joining them and
    /// searching the string went through Foundation's search for every Western run of every
    /// paragraph.
    private static func isAddressWithoutScheme(_ texts: [String]) -> Bool {
        texts.starts(with: ["w", "w", "w", "."]) || (texts.contains("@") && texts.contains("."))
    }
}
