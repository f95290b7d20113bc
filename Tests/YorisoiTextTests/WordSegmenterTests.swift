import Testing
@testable import YorisoiText

/// Word boundaries from MeCab with Debian's IPAdic (docs/typesetting.md, "Words"): phrases for
/// labels and headings, whole katakana words in running text. `scripts/setup` installs the
/// dictionary; without it these fail rather than pass on the fallback rules.
@Suite struct WordSegmenterTests {
    typealias F = LineBreakingFixture

    static func segmenter() throws -> WordSegmenter {
        try #require(WordSegmenter.shared, "MeCab's IPAdic is not at \(WordSegmenter.dictionaryDirectory): run scripts/setup")
    }

    /// The text cut at its phrase boundaries.
    static func phrases(_ text: String) throws -> [String] {
        let boundaries = try segmenter().boundaries(text)
        var result: [String] = []
        for (scalar, boundary) in zip(text.unicodeScalars, boundaries) {
            if boundary == .phrase || result.isEmpty { result.append("") }
            result[result.count - 1].unicodeScalars.append(scalar)
        }
        return result
    }

    @Test(arguments: [
        ("お手伝いできること", ["お手伝い", "できること"]),
        ("こどもが望んでいること", ["こどもが", "望んでいること"]),
        ("支援機関の役割", ["支援機関の", "役割"]),
        ("子育て短期支援事業を利用する", ["子育て短期支援事業を", "利用する"]),
    ])
    func phrasesAreWhatAReaderTakesInAtOnce(text: String, expected: [String]) throws {
        #expect(try Self.phrases(text) == expected)
    }

    @Test func insideAWordIsInsideAndEachAnswerIsCached() throws {
        let segmenter = try Self.segmenter()
        let boundaries = segmenter.boundaries("センターに行く")
        #expect(boundaries.count == 7)
        #expect(Array(boundaries[1..<4]) == [.inside, .inside, .inside])
        #expect(boundaries[4] == .morpheme)                      // ター|に: the particle rides on the word
        #expect(boundaries[5] == .phrase)                        // に|行く
        #expect(segmenter.boundaries("センターに行く") == boundaries)
        // Hard breaks start a phrase and keep one boundary per scalar.
        #expect(segmenter.boundaries("センター\nです").count == 7)
        #expect(segmenter.boundaries("センター\nです")[4] == .phrase)
    }

    /// Running text asks only where a morpheme goes on, found without reading the dictionary's
    /// parts of speech: exactly the scalars `boundaries` calls `.inside`, short text or long,
    /// across hard breaks, decomposed kana and an ideographic variation sequence.
    @Test func morphemeInteriorsAreWhatBoundariesCallInside() throws {
        let segmenter = try Self.segmenter()
        let texts = [
            "センターに行く",
            "ファミリー・サポート・センターの利用を\nショートステイと合わせて検討します。",
            "カ\u{3099}イドブックとパンフレットを渡邉\u{E0104}さんに手交した。",
            String(repeating: "ヘルパーの派遣（週2回）とLINEでの連絡を続ける。", count: 20),
        ]
        for text in texts {
            let interiors = segmenter.morphemeInteriors(text)
            #expect(interiors == segmenter.boundaries(text).map { $0 == .inside }, "\(text.prefix(12))")
            #expect(segmenter.morphemeInteriors(text) == interiors)      // and cached
        }
    }

    /// The cache keys texts by their bytes: a decomposed text, canonically equal to a composed
    /// one already answered, gets boundaries of its own — one per scalar of its own — short or long.
    @Test func aDecomposedTextIsNotAnsweredWithTheComposedOnesBoundaries() throws {
        let segmenter = try Self.segmenter()
        for repeats in [1, 40] {
            let composed = String(repeating: "ガイドブックを読む。", count: repeats)
            let decomposed = String(String.UnicodeScalarView(composed.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
                scalar == "ガ" ? ["カ", "\u{3099}"] : scalar == "ブ" ? ["フ", "\u{3099}"] : [scalar]
            }))
            #expect(composed == decomposed)                                   // canonically equal
            #expect(segmenter.boundaries(composed).count == composed.unicodeScalars.count)
            #expect(segmenter.boundaries(decomposed).count == decomposed.unicodeScalars.count)
        }
    }

    static func lines(_ text: String, width: Double, keepsWords: Bool) -> [String] {
        var options = LineBreakOptions(width: width, alignment: .start)
        options.keepsWords = keepsWords
        let clusters = F.clusters(text)
        return JapaneseLineBreaker.breakLines(clusters, options: options).map { F.text(of: $0, in: clusters) }
    }

    /// Running text: 「センタ／ー」 never, though a line may end between the words of a katakana
    /// compound; a katakana word longer than the line still breaks where it fills it.
    @Test func runningTextKeepsKatakanaWordsWhole() throws {
        _ = try Self.segmenter()
        #expect(Self.lines("地域のファミリーサポートセンターを利用する", width: 8 * F.em, keepsWords: false)
                == ["地域のファミリー", "サポートセンター", "を利用する"])
        let split = Self.lines("こども家庭センターに相談する", width: 8 * F.em, keepsWords: false)
        #expect(split.first == "こども家庭", "\(split)")
        #expect(Self.lines("トランスポーテーション", width: 4 * F.em, keepsWords: false).allSatisfy { $0.count <= 4 })
    }

    /// A katakana word breaks the same wherever it stands: MeCab is asked about the run of
    /// katakana alone (`bindBodyKatakanaWords`), not the paragraph, so the sentence around it
    /// cannot change its breaks. (Asked about whole paragraphs it answered the same for these
    /// words in these sentences; the 401 PDFs of `scripts/compare-output` and every demo PDF are
    /// byte-identical either way.) A run goes on across a 中黒 between katakana, as the paragraph
    /// did: 「フードバンク・フードロス」 is read as one listing (MeCab takes it as one unknown
    /// word), so neither name is split, while a line may still end after the 中黒 — and
    /// 「フードロス」 alone is two words a line may end between.
    @Test func aKatakanaRunBreaksTheSameInAnySentence() throws {
        _ = try Self.segmenter()
        func insideKinds(_ text: String, run: String) throws -> [BreakKind] {
            let clusters = F.clusters(text)
            let kinds = BreakRules.compute(ClusterMetrics.analyse(clusters), clusters, keepsWords: false).kinds
            let joined = clusters.map(\.text)
            let start = try #require((0...(joined.count - run.count)).first { joined[$0..<($0 + run.count)].joined() == run })
            return Array(kinds[(start + 1)..<(start + run.count)])
        }
        for run in ["フードロス", "ファミリーサポートセンター", "ショートステイ", "コミュニケーション"] {
            let alone = try insideKinds(run, run: run)
            #expect(alone.contains(.insideWord), "\(run): \(alone)")
            for sentence in ["\(run)を減らす", "地域の\(run)に相談した。", "（\(run)）", "米の\(run)"] {
                #expect(try insideKinds(sentence, run: run) == alone, "\(sentence)")
            }
        }
        let listing = try insideKinds("フードバンク・フードロス", run: "フードバンク・フードロス")
        #expect(listing[6] != .insideWord && listing[6] != .insideWordRelaxable)   // ・|フ: a line may end here
        #expect(try !insideKinds("フードバンク・フードロス", run: "フードロス").contains(.free))
        #expect(try insideKinds("フードロス", run: "フードロス").contains(.free))   // フード|ロス
    }

    /// Labels break between phrases, and a phrase wider than the cell between its words first.
    @Test func labelsBreakBetweenPhrasesThenWords() throws {
        _ = try Self.segmenter()
        #expect(Self.lines("こどもが望んでいること", width: 7 * F.em, keepsWords: true) == ["こどもが", "望んでいること"])
        #expect(Self.lines("子育て短期支援事業", width: 5 * F.em, keepsWords: true) == ["子育て短期", "支援事業"])
    }
}
