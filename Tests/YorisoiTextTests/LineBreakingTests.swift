import Testing
@testable import YorisoiText

/// 禁則, 分離禁止, justification priorities, alignment and hard breaks (1 em = 10 pt, Latin ½ em).
@Suite struct LineBreakingTests {
    typealias F = LineBreakingFixture

    struct BreakCase: Sendable, CustomTestStringConvertible {
        var text: String
        var width: Double
        var lines: [String]
        var testDescription: String { text }
    }

    static let breakCases: [BreakCase] = [
        // 。 may not start a line and cannot be squeezed in: お goes down with it, and since 「お。」
        // would end the paragraph on one character, え comes along (pushedDownLine… tests the rest).
        BreakCase(text: "あいうえお。", width: 50, lines: ["あいう", "えお。"]),
        // 「 may not end a line.
        BreakCase(text: "あいうえ「お」", width: 50, lines: ["あいうえ", "「お」"]),
        // Small kana may not start a line (strict).
        BreakCase(text: "あいうちょっと", width: 40, lines: ["あいう", "ちょっと"]),
        // ー may not start a line.
        BreakCase(text: "あいうコーヒー", width: 40, lines: ["あいう", "コーヒー"]),
        // …… is one unit.
        BreakCase(text: "あいう……", width: 40, lines: ["あいう", "……"]),
        // A number with its separators is one unit; 和欧間 before it.
        BreakCase(text: "価格は1,234.5円", width: 50, lines: ["価格は", "1,234.5円"]),
        // ￥ + number is one unit.
        BreakCase(text: "あいう￥1,000", width: 45, lines: ["あいう", "￥1,000"]),
        // Number + % is one unit.
        BreakCase(text: "あいうえ50%", width: 50, lines: ["あいうえ", "50%"]),
        // A Latin word is pushed down whole.
        BreakCase(text: "ああああYorisoi", width: 70, lines: ["ああああ", "Yorisoi"]),
        // Western words break at spaces; the space stays at the end of the first line.
        BreakCase(text: "Yorisoi renders PDF", width: 60, lines: ["Yorisoi ", "renders PDF"]),
        // A word longer than the line is never split: it stays whole on an overfull line, for the
        // caller to shrink or report.
        BreakCase(text: "Supercalifragilisticexpialidocious", width: 100,
                  lines: ["Supercalifragilisticexpialidocious"]),
        BreakCase(text: "これはSupercalifragilisticexpialidociousです", width: 100,
                  lines: ["これは", "Supercalifragilisticexpialidocious", "です"]),
    ]

    @Test(arguments: breakCases)
    func breaks(_ example: BreakCase) {
        let (clusters, lines) = F.set(example.text, width: example.width)
        #expect(lines.map { F.text(of: $0, in: clusters) } == example.lines)
        for line in lines.dropLast() {
            // Justified, or set flush where filling would add more than ½ em between two characters.
            #expect(F.isClose(line.width, example.width) || F.isClose(line.width, line.naturalWidth),
                    "not justified: \(F.text(of: line, in: clusters))")
        }
    }

    @Test func pushedDownLineThatCannotBeFilledIsSetFlush() throws {
        // Filling 「ああああ」 to 70 would open every gap by 1 em: set flush instead.
        let (_, lines) = F.set("ああああYorisoi", width: 70)
        try #require(lines.count >= 1)
        #expect(F.areClose(lines[0].positions, [0, 10, 20, 30]))
    }

    @Test func pushedDownLineIsJustifiedWithinAQuarterEm() throws {
        // 「あいうえおか」 before 「き。」 at 70: 10 pt over five gaps, ⅕ em each.
        let (_, lines) = F.set("あいうえおかき。", width: 70, balancesLastLine: false)
        try #require(lines.count >= 1)
        #expect(F.areClose(lines[0].positions, [0, 12, 24, 36, 48, 60]))
        // 「あいうえ」 before 「お。」 at 50 would need ⅓ em each: set flush.
        let (_, narrow) = F.set("あいうえお。", width: 50, balancesLastLine: false)
        try #require(narrow.count >= 1)
        #expect(F.areClose(narrow[0].positions, [0, 10, 20, 30]))
    }

    @Test func longWordIsKeptWholeAndNotLetterSpaced() throws {
        let (_, lines) = F.set("Supercalifragilisticexpialidocious", width: 102)
        try #require(lines.count == 1)
        #expect(lines[0].clusterRange == 0..<34)
        #expect(F.isClose(lines[0].naturalWidth, 170))
        #expect(F.isClose(lines[0].positions[19], 95))
    }

    @Test func longWordAfterKanaGetsItsOwnLine() throws {
        let (_, lines) = F.set("これはSupercalifragilisticexpialidociousです", width: 100)
        try #require(lines.count >= 1)
        #expect(F.areClose(lines[0].positions, [0, 10, 20]))
    }

    @Test func expansionWidensWesternSpacesFirstThenEvenly() throws {
        // Line "あ AB い" is 35 natural. To 37: the two spaces take 1 each.
        let (_, at37) = F.set("あ AB いうえ", width: 37)
        try #require(at37.count >= 1)
        #expect(at37[0].clusterRange == 0..<6)
        #expect(F.areClose(at37[0].positions, [0, 10, 13.5, 18.5, 23.5, 27]), "got \(at37[0].positions)")
        // To 42: spaces reach ½ em (5 each) and 2 pt are still missing; the only gaps left touch a
        // space or lie inside the word, which take no letter spacing: the line is set flush.
        let (_, at42) = F.set("あ AB いうえ", width: 42)
        try #require(at42.count >= 1)
        #expect(at42[0].clusterRange == 0..<6)
        #expect(F.areClose(at42[0].positions, [0, 10, 12.5, 17.5, 22.5, 25]), "got \(at42[0].positions)")
    }

    @Test func expansionWidensMixedScriptSpaceBeforeInterCharacterSpace() throws {
        // "あAい" is 30 natural with two 和欧間 quarters; to 33 each grows by 1.5.
        let (_, lines) = F.set("あAいうえ", width: 33)
        try #require(lines.count >= 1)
        #expect(lines[0].clusterRange == 0..<3)
        #expect(F.areClose(lines[0].positions, [0, 14, 23]), "got \(lines[0].positions)")
    }

    @Test func westernSpacesStretchBeforeMixedScriptSpace() throws {
        // "あA Bい" is 37.5 natural with a space and two 和欧間 quarters; to 40 only the space grows.
        let (_, lines) = F.set("あA Bいうえ", width: 40)
        try #require(lines.count >= 1)
        #expect(lines[0].clusterRange == 0..<5)
        #expect(F.areClose(lines[0].positions, [0, 12.5, 17.5, 22.5, 30]), "got \(lines[0].positions)")
    }

    @Test func centreAndEndShiftTheLine() throws {
        let (_, centred) = F.set("あい", width: 100, alignment: .center)
        try #require(centred.count >= 1)
        #expect(F.areClose(centred[0].positions, [40, 50]))
        let (_, ended) = F.set("あい", width: 100, alignment: .end)
        try #require(ended.count >= 1)
        #expect(F.areClose(ended[0].positions, [80, 90]))
        #expect(F.isClose(ended[0].width, 100))
        let (_, started) = F.set("あい", width: 100, alignment: .start)
        try #require(started.count >= 1)
        #expect(F.areClose(started[0].positions, [0, 10]))
        #expect(F.isClose(started[0].naturalWidth, 20))
    }

    @Test func lastLineOfJustifiedParagraphIsStartAligned() throws {
        let (_, lines) = F.set("あいうえお", width: 30)
        try #require(lines.count >= 2)
        #expect(lines.map(\.clusterRange) == [0..<3, 3..<5])
        #expect(F.areClose(lines[1].positions, [0, 10]))
        #expect(lines[1].endsParagraph)
    }

    @Test func firstLineIndent() throws {
        let (_, lines) = F.set("あいうえお", width: 30, indent: 10)
        try #require(lines.count >= 2)
        #expect(lines.map(\.clusterRange) == [0..<2, 2..<5])
        #expect(F.areClose(lines[0].positions, [10, 20]))
        #expect(F.areClose(lines[1].positions, [0, 10, 20]))
    }

    @Test func hardBreaksEndParagraphsAndStayWithTheirLine() throws {
        let (_, lines) = F.set("あい\nうえ\n\nお", width: 100)
        try #require(lines.count >= 1)
        #expect(lines.map(\.clusterRange) == [0..<3, 3..<6, 6..<7, 7..<8])
        #expect(lines.allSatisfy { $0.endsParagraph })
        #expect(F.areClose(lines.map(\.width), [20, 20, 0, 10]))
        // Not justified, the "\n" sits at the right edge.
        #expect(F.areClose(lines[0].positions, [0, 10, 20]))
    }

    @Test func hardBreakInsideAWrappedParagraph() throws {
        let (_, lines) = F.set("あいうえお\nか", width: 30, indent: 10)
        try #require(lines.count >= 3)
        #expect(lines.map(\.clusterRange) == [0..<2, 2..<6, 6..<7])
        #expect(lines.map(\.endsParagraph) == [false, true, true])
        // Each paragraph's first line is indented.
        #expect(F.areClose(lines[2].positions, [10]))
    }

    @Test func trailingHardBreakMakesNoEmptyLine() {
        let (_, lines) = F.set("あ\n", width: 100)
        #expect(lines.map(\.clusterRange) == [0..<2])
        #expect(JapaneseLineBreaker.breakLines([], options: LineBreakOptions(width: 100)).isEmpty)
    }

    @Test func distributeAlignmentSpreadsEveryLine() throws {
        let (_, lines) = F.set("氏名", width: 40, alignment: .distribute)
        try #require(lines.count >= 1)
        #expect(F.areClose(lines[0].positions, [0, 30]))
        #expect(F.isClose(lines[0].width, 40))
        let (_, single) = F.set("印", width: 40, alignment: .distribute)
        try #require(single.count >= 1)
        #expect(F.areClose(single[0].positions, [15]))
    }
}
