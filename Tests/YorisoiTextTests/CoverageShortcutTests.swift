import Testing
@testable import YorisoiText

/// `FontChain.uncoveredCharacters(in:)` answers most texts by scalar on the first face and walks
/// clusters only when that is not enough. Both ways must report the very same characters.
@Suite struct CoverageShortcutTests {
    static let texts: [String] = [
        "", "\n", "\r\n\t", "山田花子（やまだ はなこ）", "令和7年5月1日 〜 8:30", "Yorisoi 1.0 https://example.jp/a?b=c",
        "𠮷田", "葛\u{E0100}飾", "葛\u{FE00}", "\u{E000}外字", "👨\u{200D}👩\u{200D}👧", "か\u{3099}", "e\u{301}",
        "\u{4E22}", "山\u{E000}田\u{1F9A9}\n", "\r\u{301}", "\u{200C}", "①②③㈱℡", "ｶﾞｷﾞｸﾞ", "𩸽の塩焼き\u{2028}次",
    ]

    @Test(arguments: ["mincho", "gothic", "gothic-only", "pgothic"])
    func theShortcutReportsWhatTheClusterWalkReports(family: String) throws {
        let chain = try sharedFonts.chain(family: family)
        for text in Self.texts {
            #expect(try chain.uncoveredCharacters(in: text) == chain.uncoveredByCluster(in: text), "\(text.unicodeScalars.map { $0.value })")
        }
        // Kana and CJK punctuation whole, every 7th character of the rest of the BMP, alone and
        // after a combining mark.
        for value in Array(UInt32(0x3000)...0x30FF) + Array(stride(from: UInt32(0x20), through: 0xFFFF, by: 7)) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(Character(scalar)), "\u{301}" + String(Character(scalar))] {
                let fast = try chain.uncoveredCharacters(in: text)
                let walk = try chain.uncoveredByCluster(in: text)
                if fast != walk { Issue.record("U+\(String(value, radix: 16)): \(fast) vs \(walk)") }
            }
        }
    }
}
