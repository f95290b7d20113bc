/// Word boundaries for labels and headings (`LineBreakOptions.keepsWords`) when MeCab's dictionary
/// is not installed (`WordSegmenter.shared` is nil), by a small set of rules (docs/typesetting.md,
/// "Words"): labels are short, written by template authors, and built from a few shapes — kanji
/// compounds (役割, 支援機関), an honorific prefix on a kanji word (お手伝い, ご家族), a kanji stem
/// with its okurigana (手伝い), and bracketed glosses (「（意向）」). Inside those a line may end only
/// when the word is wider than the cell (`BreakKind.insideWord`); between them breaks stay free.
/// The bracket rule applies with the segmenter too.
enum LabelWords {
    /// Hiragana that follow a kanji word as particles, not as its okurigana: a break after the
    /// kanji is a word boundary (意向|が, 支援|の).
    static let particles: Set<Unicode.Scalar> = Set("がのをにへとではもやかよ".unicodeScalars)
    /// お and ご before a kanji word are part of it (お手伝い, ご家族).
    static let honorifics: Set<Unicode.Scalar> = Set("おご".unicodeScalars)

    /// Hiragana words that labels are made of (できること, すること, したい): without a
    /// dictionary a run of hiragana has no visible boundary, so the few that forms use are listed.
    /// Longest first, so 「できること」 is taken before 「こと」.
    static let hiraganaWords: [[Unicode.Scalar]] = [
        "できること", "すること", "いること", "できる", "している", "したい", "ように", "ための",
        "について", "こと", "とき", "もの", "ため", "する", "いる", "ある", "ない", "たい",
    ].map { Array($0.unicodeScalars) }

    static func bind(_ metrics: [ClusterMetrics], _ clusters: [TextCluster], _ kinds: inout [BreakKind]) {
        bindHiraganaWords(metrics, clusters, &kinds)
        func isKanji(_ i: Int) -> Bool {
            metrics[i].jlreqClass == .ideographic || metrics[i].jlreqClass == .iterationMark
        }
        func isHiragana(_ i: Int) -> Bool { metrics[i].jlreqClass == .hiragana }
        func bindWord(_ i: Int) { if kinds[i] == .free || kinds[i] == .relaxable { kinds[i] = .insideWord } }

        for i in metrics.indices.dropFirst() {
            if isKanji(i - 1) && isKanji(i) {
                bindWord(i)                                           // 役|割
            } else if isHiragana(i - 1) && isKanji(i) && metrics[i - 1].isText(in: honorifics, text: clusters[i - 1].text)
                        && (i < 2 || !isKanji(i - 2)) {
                bindWord(i)                                           // お|手
            } else if isKanji(i - 1) && isHiragana(i) && !metrics[i].isText(in: particles, text: clusters[i].text) {
                bindWord(i)                                           // 伝|い (not 向|が)
            }
        }
        bindBrackets(metrics, &kinds)
    }

    /// A bracketed gloss stays whole (「（意向）」「（思い）」): every break from the opening to the
    /// closing bracket is inside a word. Applied with the segmenter's phrases too.
    static func bindBrackets(_ metrics: [ClusterMetrics], _ kinds: inout [BreakKind]) {
        func bindWord(_ i: Int) { if kinds[i] == .free || kinds[i] == .relaxable || kinds[i] == .insidePhrase || kinds[i] == .insideWordRelaxable { kinds[i] = .insideWord } }
        var open: Int?
        for i in metrics.indices {
            switch metrics[i].jlreqClass {
            case .openingBracket: open = i
            case .closingBracket:
                if let start = open { for j in (start + 1)...i { bindWord(j) } }
                open = nil
            default: break
            }
        }
    }

    /// Binds each listed hiragana word found in a run of hiragana, scanning left to right and
    /// taking the longest word at each position.
    private static func bindHiraganaWords(_ metrics: [ClusterMetrics], _ clusters: [TextCluster],
                                          _ kinds: inout [BreakKind]) {
        let scalars: [Unicode.Scalar?] = clusters.map { $0.text.unicodeScalars.count == 1 ? $0.text.unicodeScalars.first : nil }
        var i = 0
        while i < scalars.count {
            guard metrics[i].jlreqClass == .hiragana else { i += 1; continue }
            let word = hiraganaWords.first { word in
                i + word.count <= scalars.count && word.indices.allSatisfy { scalars[i + $0] == word[$0] }
            }
            guard let word else { i += 1; continue }
            for j in (i + 1)..<(i + word.count) where kinds[j] == .free || kinds[j] == .relaxable { kinds[j] = .insideWord }
            i += word.count
        }
    }
}
