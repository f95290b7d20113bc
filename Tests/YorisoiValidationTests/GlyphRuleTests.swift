import Testing
import YorisoiCase
import YorisoiText
import YorisoiValidation

@Suite struct GlyphRuleTests {
    static let plan = """
    version: 1
    id: "G-1"
    municipality: "990019"
    child:
      name: NAME
    plan:
      intent: {guardian: 相談したい。}
      issues: [{text: 課題}]
      supports: [{service: 養育支援訪問事業, content: 訪問する。}]
    recommendation: {reason: "\u{E001}"}
    """

    func errors(_ name: String, coverage: (any GlyphCoverage)?, kind: DocumentKind = .supportPlan) -> [Diagnostic] {
        Validate.yaml(Self.plan.replacingOccurrences(of: "NAME", with: name), kind: kind,
                      context: ValidationContext(glyphCoverage: coverage)).filter(\.isError)
    }

    @Test func uncoveredCharacterNamesFieldAndCodePoint() throws {
        let found = errors("𠮷田 つむぎ", coverage: FakeCoverage(missing: [0x20BB7]))
        let error = try #require(found.first)
        #expect(found.count == 1)
        #expect(error.code == .e401 && error.path == "/child/name" && error.line == 5)
        #expect(error.message.contains("U+20BB7") && error.message.contains("𠮷"))
        #expect(!error.message.contains("つむぎ"))
    }

    /// Glyph rules walk every value of a printed section, unknown keys included; their pointers
    /// name such a key by its place, never by its text (it may be a name typed as a key).
    @Test func aFindingUnderAnUnknownKeyNamesTheKeyByPlace() throws {
        let found = errors("例野 つむぎ\n  Hanako Yamada: \"\u{E000}\"", coverage: nil)
        let error = try #require(found.first)
        #expect(error.code == .e402 && error.path == "/child/~unknown1", "\(error.path)")
        #expect(!error.path.contains("Hanako") && !error.message.contains("Hanako") && !error.messageEN.contains("Hanako"))
    }

    @Test func aRepeatedCharacterIsReportedOncePerField() {
        #expect(errors("𠮷𠮷𠮷", coverage: FakeCoverage(missing: [0x20BB7])).count == 1)
    }

    @Test func privateUseCharacterExplainsGaijiEvenWithoutFonts() throws {
        let error = try #require(errors("例野 \u{E000}子", coverage: nil).first)
        #expect(error.code == .e402)
        #expect(error.message.contains("外字") && error.message.contains("IVS") && error.message.contains("U+E000"))
        #expect(!error.message.contains("\u{E000}"))
        // With coverage too, it stays one E402, not an extra E401.
        #expect(errors("例野 \u{E000}子", coverage: FakeCoverage(missing: [])).map(\.code) == [.e402])
    }

    @Test func ideographicVariationSequenceIsNotAnError() {
        #expect(errors("葛\u{E0100}城 和子", coverage: FakeCoverage(missing: [])).isEmpty)
    }

    @Test func onlyPrintedSectionsAreChecked() {
        // The recommendation's 外字 is not printed on a サポートプラン, but is on the notice.
        #expect(errors("例野", coverage: nil).isEmpty)
        #expect(errors("例野", coverage: nil, kind: .recommendation).contains { $0.code == .e402 && $0.path == "/recommendation/reason" })
    }

    @Test func codePointLabelsArePadded() {
        #expect(UncoveredCharacter(codePoint: 0x9AD9, offset: 0, isPrivateUse: false).codePointLabel == "U+9AD9")
        #expect(UncoveredCharacter(codePoint: 0x41, offset: 0, isPrivateUse: false).codePointLabel == "U+0041")
        #expect(PrivateUseArea.contains(0xF0000) && PrivateUseArea.contains(0xE000) && !PrivateUseArea.contains(0xE0100))
    }
}
