import Testing
@testable import YorisoiText

/// Words stay whole in labels and headings (issue #26): 「お手／伝いできること」「役／割」
/// 「（意／向）」 and, in any text, a frequency split from its number 「（月／2回）」.
@Suite struct LabelWordsTests {
    typealias F = LineBreakingFixture

    static func lines(_ text: String, width: Double, keepsWords: Bool = true) -> [String] {
        var options = LineBreakOptions(width: width, alignment: .start)
        options.keepsWords = keepsWords
        let clusters = F.clusters(text)
        return JapaneseLineBreaker.breakLines(clusters, options: options).map { F.text(of: $0, in: clusters) }
    }

    @Test(arguments: [
        ("お手伝いできること", 50.0, ["お手伝い", "できること"]),
        ("支援者の役割", 50.0, ["支援者の", "役割"]),
        ("どうしたいか（意向）", 80.0, ["どうしたいか", "（意向）"]),
        ("見直し時期", 40.0, ["見直し", "時期"]),
    ])
    func labelsBreakBetweenWords(text: String, width: Double, expected: [String]) {
        #expect(Self.lines(text, width: width) == expected)
    }

    /// Body text is not held to label words: it fills its lines.
    @Test func bodyTextStillFillsItsLines() {
        #expect(Self.lines("お手伝いできること", width: 50, keepsWords: false) == ["お手伝いで", "きること"])
    }

    /// A word wider than the cell still breaks, where it fills the line, rather than overfill.
    @Test func aWordWiderThanTheCellBreaks() {
        #expect(Self.lines("子育て世帯訪問支援事業", width: 40).allSatisfy { $0.count <= 4 })
    }

    @Test(arguments: [false, true])
    func aFrequencyKeepsItsNumber(keepsWords: Bool) {
        #expect(Self.lines("面談する（月2回）", width: 60, keepsWords: keepsWords) == ["面談する", "（月2回）"])
        #expect(Self.lines("訪問する（週1回）", width: 60, keepsWords: keepsWords) == ["訪問する", "（週1回）"])
    }

    /// 均等割り spreads the label, not its bracketed gloss: 「意　向（思い）」.
    @Test func distributeLeavesABracketedPartSolid() {
        let clusters = F.clusters("意向（思い）")
        let natural = JapaneseLineBreaker.distribute(clusters, width: 0.001).positions.map { $0 / JapaneseLineBreaker.distribute(clusters, width: 0.001).scale }
        let spread = JapaneseLineBreaker.distribute(clusters, width: 120).positions
        #expect(spread[1] - spread[0] > natural[1] - natural[0] + 1)
        for i in 3..<6 {
            #expect(abs((spread[i] - spread[i - 1]) - (natural[i] - natural[i - 1])) < 0.01, "gap before \(i)")
        }
    }
}
