import Synchronization

/// What lies between two characters of a text, for line breaking (docs/typesetting.md, "Words").
enum WordBoundary: UInt8, Sendable, BitwiseCopyable {
    /// Between two phrases (文節): a line may end here as JLREQ allows.
    case phrase
    /// Between two morphemes of one phrase: 手伝い|できる is two phrases, でき|る|こと one
    /// (a verb, its 助動詞 and a 形式名詞 ride on the word before), 支援|機関 one (a compound).
    case morpheme
    /// Inside one morpheme (セン|ター, 役|割).
    case inside
}

/// Japanese word boundaries from MeCab with IPAdic (Debian's `mecab-ipadic-utf8`), grouped into
/// phrases the way a reader takes them in, and cached per text.
///
/// The dictionary is the one Debian ships under a fixed path, never whatever a mecabrc or the
/// `mecab-dictionary` alternative points at, so the same text always breaks the same way. When
/// it is not installed `shared` is nil and the breaker falls back to `LabelWords`' rules.
final class WordSegmenter: Sendable {
    static let dictionaryDirectory = "/var/lib/mecab/dic/ipadic-utf8"
    static let shared: WordSegmenter? = MeCabTagger(dictionaryDirectory: dictionaryDirectory).map(WordSegmenter.init)

    /// Texts up to `maxCachedLength` scalars are kept, at most `capacity` of them (labels and
    /// headings repeat on every page and every case); once full the cache stops taking new ones.
    static let maxCachedLength = 256
    static let capacity = 8_192
    /// Longer texts (a case's free text) are laid out again at each trial size of their cell and
    /// page, so the last few are kept too: at most `recentLongCapacity` of up to
    /// `maxRecentLongLength` scalars, the oldest going first — memory stays bounded in a batch of
    /// any number of cases, where every case brings texts of its own.
    static let recentLongCapacity = 16
    static let maxRecentLongLength = 8_192

    /// Shared with ruby, which asks the same dictionary for readings (`RubyAnnotator`).
    let tagger: MeCabTagger
    private let phrases = AnswerCache<WordBoundary>()
    private let interiors = AnswerCache<Bool>()

    init(tagger: MeCabTagger) {
        self.tagger = tagger
    }

    /// `result[s]`: the boundary before the text's scalar `s` (`result[0]` is `.phrase`); one per
    /// scalar. A hard break "\n" and what follows start a new phrase.
    func boundaries(_ text: String) -> [WordBoundary] {
        phrases.answer(text) { line in lineBoundaries(line) } separator: { .phrase }
    }

    /// `result[s]`: the text's scalar `s` lies inside a morpheme, after its first scalar (what
    /// `boundaries` calls `.inside`); one per scalar. Running text needs no more than this, and
    /// it is found without reading the dictionary's parts of speech (`MeCabTagger.spans`).
    func morphemeInteriors(_ text: String) -> [Bool] {
        interiors.answer(text) { line in lineInteriors(line) } separator: { false }
    }

    /// One kind of answer per text, cached by exact bytes: a `String` key hashes and compares
    /// canonically, which cost more than MeCab's whole answer for a long text found in the cache.
    private final class AnswerCache<Element: Sendable>: Sendable {
        private let short = Mutex<[ExactText: [Element]]>([:])
        private let recentLong = Mutex<[(text: ExactText, answer: [Element])]>([])

        /// The answer for `text`: each line (split at "\n") answered by `line`, joined with
        /// `separator`'s value for each "\n" itself.
        func answer(_ text: String, line: (String) -> [Element], separator: () -> Element) -> [Element] {
            func compute() -> [Element] {
                var result: [Element] = []
                result.reserveCapacity(text.unicodeScalars.count)
                // Split by scalar, not by Character: grapheme breaking every character of a long
                // text cost a quarter of the segmentation. (A "\r\n" pair is one Character but two
                // scalars; the answer is one per scalar either way.)
                for (index, part) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    if index > 0 { result.append(separator()) }          // the "\n" itself
                    result.append(contentsOf: line(String(part)))
                }
                return result
            }
            let count = text.unicodeScalars.count
            let key = ExactText(text)
            if count <= WordSegmenter.maxCachedLength {
                if let hit = short.withLock({ $0[key] }) { return hit }
                let result = compute()
                short.withLock { entries in
                    if entries.count < WordSegmenter.capacity { entries[key] = result }
                }
                return result
            }
            guard count <= WordSegmenter.maxRecentLongLength else { return compute() }
            if let hit = recentLong.withLock({ $0.first { $0.text == key }?.answer }) { return hit }
            let result = compute()
            recentLong.withLock { entries in
                if entries.count == WordSegmenter.recentLongCapacity { entries.removeFirst() }
                entries.append((key, result))
            }
            return result
        }
    }

    private func lineInteriors(_ line: String) -> [Bool] {
        guard !line.isEmpty else { return [] }
        let scalarAt = MeCabTagger.scalarIndexByByte(of: line)
        var result = [Bool](repeating: false, count: scalarAt[line.utf8.count])
        for bytes in tagger.spans(of: line) {
            guard let scalars = MeCabTagger.scalarRange(of: bytes, scalarAt) else { continue }
            for s in scalars.dropFirst() { result[s] = true }
        }
        return result
    }

    private func lineBoundaries(_ line: String) -> [WordBoundary] {
        guard !line.isEmpty else { return [] }
        let scalarAt = MeCabTagger.scalarIndexByByte(of: line)

        var result = [WordBoundary](repeating: .phrase, count: scalarAt[line.utf8.count])
        var previous: MeCabTagger.Morpheme?
        for morpheme in tagger.morphemes(of: line) {
            guard let scalars = MeCabTagger.scalarRange(of: morpheme.bytes, scalarAt) else { continue }
            if let previous, !Self.startsPhrase(morpheme, after: previous) { result[scalars.lowerBound] = .morpheme }
            for s in scalars.dropFirst() { result[s] = .inside }
            previous = morpheme
        }
        return result
    }

    /// Whether `morpheme` begins a phrase (文節) after `previous`: IPAdic's parts of speech, the
    /// usual approximation — 付属語 (助詞, 助動詞) and 非自立/接尾 words ride on the word before,
    /// a 接頭詞 on the word after, nouns join into a compound, and a サ変 noun keeps its する.
    /// Symbols always stand apart: brackets and punctuation follow JLREQ's 禁則 instead.
    static func startsPhrase(_ morpheme: MeCabTagger.Morpheme, after previous: MeCabTagger.Morpheme) -> Bool {
        if morpheme.partOfSpeech == .symbol || previous.partOfSpeech == .symbol { return true }
        if previous.partOfSpeech == .prefix { return false }
        switch morpheme.partOfSpeech {
        case .particle, .auxiliaryVerb: return false
        default: break
        }
        if morpheme.subclass == .suffix || morpheme.subclass == .nonIndependent { return false }
        if morpheme.partOfSpeech == .noun && previous.partOfSpeech == .noun && morpheme.subclass != .number
            && previous.subclass != .number { return false }
        // 支援する is one phrase; お手伝い|できること stays two, where a label may break.
        if morpheme.partOfSpeech == .verb && previous.subclass == .sahenConnection && morpheme.isSuru { return false }
        return true
    }
}
