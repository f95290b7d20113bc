import Testing
@testable import YorisoiText

/// A paragraph does not end on one character, and a 。 after it is no company (「した／い。」).
@Suite struct LoneLastCharacterTests {
    typealias F = LineBreakingFixture

    static func lines(_ text: String, width: Double, keepsWords: Bool = false) -> [String] {
        var options = LineBreakOptions(width: width, alignment: .justify)
        options.keepsWords = keepsWords
        let clusters = F.clusters(text)
        return JapaneseLineBreaker.breakLines(clusters, options: options).map { F.text(of: $0, in: clusters) }
    }

    @Test func oneCharacterAndAFullStopIsStillALoneLastLine() {
        let lines = Self.lines("毎晩学校の話をしたい。", width: 90)
        #expect(lines.count == 2)
        #expect(lines.last != "い。", "\(lines)")
        #expect((lines.last?.count ?? 0) >= 3, "\(lines)")
        // In a label the words stay whole too.
        #expect(Self.lines("毎晩学校の話をしたい。", width: 90, keepsWords: true) == ["毎晩学校の話を", "したい。"])
    }

    @Test func twoCharactersAreCompanyEnough() {
        #expect(Self.lines("毎晩学校の話をした。", width: 80) == ["毎晩学校の話をし", "た。"] || Self.lines("毎晩学校の話をした。", width: 80).count == 2)
    }
}
