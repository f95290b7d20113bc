import Testing
@testable import YorisoiText

/// JLREQ Appendix A classes, in context where it matters.
@Suite struct LineBreakingClassTests {
    @Test(arguments: [
        ("「", JLREQClass.openingBracket), ("）", .closingBracket), ("”", .closingBracket),
        ("〜", .hyphen), ("？", .dividingPunctuation), ("・", .middleDot), ("。", .fullStop),
        ("、", .comma), ("…", .inseparable), ("々", .iterationMark), ("ー", .prolongedSoundMark),
        ("っ", .smallKana), ("ャ", .smallKana), ("¥", .prefixedAbbreviation), ("%", .postfixedAbbreviation),
        ("\u{3000}", .ideographicSpace), ("あ", .hiragana), ("カ", .katakana), ("漢", .ideographic),
        ("𠮷", .ideographic), ("葛\u{E0100}", .ideographic), ("7", .groupedNumeral), (" ", .westernSpace),
        ("A", .westernCharacter), ("é", .westernCharacter),
    ])
    func contextFreeClass(text: String, expected: JLREQClass) {
        #expect(JLREQClass(cluster: text) == expected)
    }

    @Test func commaAndPointInsideANumberAreGroupedNumerals() {
        #expect(JLREQClass.classify(",", before: "1", after: "2") == .groupedNumeral)
        #expect(JLREQClass.classify(".", before: "4", after: "5") == .groupedNumeral)
        #expect(JLREQClass.classify(",", before: "a", after: "2") == .comma)
        #expect(JLREQClass.classify(".", before: "5", after: nil) == .fullStop)
    }

    @Test func kinsokuProperties() {
        #expect(JLREQClass.openingBracket.label == "cl-01")
        #expect(JLREQClass.westernCharacter.label == "cl-27")
        #expect(!JLREQClass.openingBracket.mayEndLine)
        #expect(JLREQClass.openingBracket.mayStartLine)
        let noStart: [JLREQClass] = [.closingBracket, .hyphen, .dividingPunctuation, .middleDot, .fullStop,
                                     .comma, .iterationMark, .prolongedSoundMark, .smallKana]
        #expect(noStart.allSatisfy { !$0.mayStartLine })
        #expect(JLREQClass.allCases.filter { !$0.mayStartLine }.count == noStart.count)
    }

    /// `classOf` answers the kana and full-width blocks from tables and CJK ideographs by range;
    /// for every scalar it must give what the member table and the block ranges give.
    @Test func theShortcutsAgreeWithTheTableForEveryScalar() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if JLREQClass.classOf(scalar) != JLREQClass.classByTable(scalar) { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).map { String($0, radix: 16) })")
    }
}
