import Testing
@testable import YorisoiText

/// 約物 collapse, line-edge trims and 和欧間 with exact glyph origins (1 em = 10 pt, Latin ½ em).
@Suite struct LineBreakingPunctuationTests {
    typealias F = LineBreakingFixture

    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var positions: [Double]
        var width: Double
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        // 。」 → 。 solid, half after 」.
        Case(text: "あ。」い", positions: [0, 10, 15, 25], width: 35),
        // 」』 → solid, half after the last.
        Case(text: "あ」』い", positions: [0, 10, 15, 25], width: 35),
        // 」「 → only a half between (「's origin is half an em before its ink).
        Case(text: "あ」「い", positions: [0, 10, 15, 25], width: 35),
        // 、「 → half.
        Case(text: "あ、「い", positions: [0, 10, 15, 25], width: 35),
        // 「「 at line start: the first trimmed flush, the second solid.
        Case(text: "「「あ", positions: [-5, 0, 10], width: 20),
        // ・ keeps a quarter each side, also next to brackets: 」 half + ・ quarter.
        Case(text: "あ」・「い", positions: [0, 10, 20, 30, 40], width: 50),
        // Line-start （ trimmed, line-end ）。 solid.
        Case(text: "（あ）。", positions: [-5, 5, 15, 20], width: 25),
        // Mid-line 。 keeps its half.
        Case(text: "あ。い", positions: [0, 10, 20], width: 30),
        // 和欧間 四分アキ on both sides of a Latin run.
        Case(text: "あA1い", positions: [0, 12.5, 17.5, 25], width: 35),
        Case(text: "2025年", positions: [0, 5, 10, 15, 22.5], width: 32.5),
        // No 和欧間 next to brackets.
        Case(text: "「A」", positions: [-5, 5, 10], width: 15),
        // A Western space is kept between words; no 和欧間 next to it.
        Case(text: "あ Ab", positions: [0, 10, 12.5, 17.5], width: 22.5),
    ]

    @Test(arguments: cases)
    func collapseAndTrim(_ example: Case) {
        let (_, lines) = F.set(example.text, width: 1000, alignment: .start)
        #expect(lines.count == 1)
        guard let line = lines.first else { return }
        #expect(F.areClose(line.positions, example.positions), "got \(line.positions)")
        #expect(F.isClose(line.width, example.width), "got width \(line.width)")
    }

    @Test func squeezingTakesMiddleDotQuartersBeforeBracketHalves() throws {
        // Natural 75 in a 70 measure; 、 may not start a line, so the line is squeezed (追い込み):
        // the ・ quarters go first, the half after 」 stays.
        let (_, lines) = F.set("あ・い」うえお、", width: 70)
        try #require(lines.count >= 1)
        #expect(lines.count == 1)
        #expect(F.areClose(lines[0].positions, [0, 7.5, 15, 25, 35, 45, 55, 65]), "got \(lines[0].positions)")
        #expect(F.isClose(lines[0].width, 70))
    }

    @Test func squeezeRemovesBracketHalfToAvoidFullStopAtLineStart() throws {
        // 「あい」うえ fills 55 exactly; 。 may not start the next line, so 」's half is squeezed out.
        let (clusters, lines) = F.set("「あい」うえ。かき", width: 55)
        try #require(lines.count >= 2)
        #expect(lines.map(\.clusterRange) == [0..<7, 7..<9])
        #expect(F.areClose(lines[0].positions, [-5, 5, 15, 25, 30, 40, 50]), "got \(lines[0].positions)")
        #expect(F.isClose(lines[0].width, 55))
        #expect(F.text(of: lines[1], in: clusters) == "かき")
    }

    @Test func halfAfterMidLineFullStopIsNeverSqueezed() throws {
        // Fitting 、 would need the half after 。, which is never removed: お is pushed down (追い出し)
        // and the short line is justified by even inter-character spacing.
        let (_, lines) = F.set("あ。いうえお、", width: 60, balancesLastLine: false)
        try #require(lines.count >= 2)
        #expect(lines.map(\.clusterRange) == [0..<5, 5..<7])
        #expect(F.areClose(lines[0].positions, [0, 12.5, 25, 37.5, 50]), "got \(lines[0].positions)")
        #expect(F.isClose(lines[0].width, 60))
        #expect(F.areClose(lines[1].positions, [0, 10]))
        #expect(F.isClose(lines[1].width, 15))
    }
}
