import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiTemplates
import YorisoiValidation

/// アセスメントシート answers against the item catalogue (E603–E606, W602–W603).
@Suite struct AssessmentItemRuleTests {
    static let nationalCatalogue = TestPaths.repositoryRoot.appendingPathComponent("Templates/national/assessment-items.yaml")

    /// Profiles for the sample codes plus a national folder holding `catalogue` (the shipped one
    /// unless given), or none at all.
    static func context(catalogue: String?? = .none) throws -> ValidationContext {
        let root = try TemporaryTemplates.make()
        let national = root.appendingPathComponent("national", isDirectory: true)
        try FileManager.default.createDirectory(at: national, withIntermediateDirectories: true)
        let text: String? = try catalogue ?? String(contentsOf: nationalCatalogue, encoding: .utf8)
        if let text { try text.write(to: national.appendingPathComponent("assessment-items.yaml"), atomically: true, encoding: .utf8) }
        return ValidationContext(municipalities: TemplatesFolder(root: root))
    }

    /// A case with one sheet whose answers are the given one-line YAML maps (from line 12 on).
    static func assessment(_ answers: [String]) -> String {
        """
        version: 1
        id: "T-1"
        municipality: "990019"
        created: 2025-02-20
        child: {name: 架空 ゆい}
        assessment:
          sheets:
            - agency: 架空保育園
              assessor: 架空 一郎
              date: 2025-02-18
              answers:
        \(answers.map { "        - " + $0 }.joined(separator: "\n"))

        """
    }

    func codes(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code.rawValue) \($0.path)" }
    }

    @Test func knownItemsAnsweredOncePass() throws {
        let diagnostics = Validate.yaml(Self.assessment(["{item: safety.injury, domain: safety, answer: いいえ}", "{item: connections.relatives, answer: 不明, note: 聞き取り中}"]), kind: .assessment, context: try Self.context())
        #expect(diagnostics.isEmpty, "\(codes(diagnostics))")
    }

    @Test func unknownItemIsAnErrorAtTheId() throws {
        let diagnostics = Validate.yaml(Self.assessment(["{item: safety.injury, answer: いいえ}", "{item: safety.bruises, answer: はい}"]), kind: .assessment, context: try Self.context())
        #expect(codes(diagnostics) == ["E604 /assessment/sheets/0/answers/1/item"])
        #expect(diagnostics.first?.position.line == 13)
        #expect(diagnostics.first?.message.contains("bruises") == false)
    }

    @Test func repeatsMissingIdsAnswersAndDomainsAreReported() throws {
        let diagnostics = Validate.yaml(Self.assessment(["{item: safety.injury, answer: いいえ}", "{item: safety.injury, answer: はい}", "{answer: はい}", "{item: guardian.fatigue, note: 迎えの時に疲れた様子}", "{item: guardian.health, domain: family, answer: 不明}"]), kind: .assessment, context: try Self.context())
        #expect(Set(codes(diagnostics)) == ["E605 /assessment/sheets/0/answers/1/item", "E603 /assessment/sheets/0/answers/2/item",
                                            "W602 /assessment/sheets/0/answers/3/answer", "W603 /assessment/sheets/0/answers/4/domain"])
    }

    @Test func withoutACatalogueIdsAreNotChecked() throws {
        let diagnostics = Validate.yaml(Self.assessment(["{item: anything.goes, answer: はい}"]), kind: .assessment, context: try Self.context(catalogue: .some(nil)))
        #expect(diagnostics.isEmpty, "\(codes(diagnostics))")
    }

    @Test func brokenCatalogueIsAConfigurationProblem() throws {
        let broken = "domains:\n  - id: safety\n    label: 安全\n    items:\n      - {id: injury, label: けが}\n"
        let diagnostics = Validate.yaml(Self.assessment(["{item: safety.injury, answer: はい}"]), kind: .assessment, context: try Self.context(catalogue: .some(broken)))
        #expect(codes(diagnostics) == ["E606 /assessment"])
        #expect(diagnostics.first?.code.isConfigurationProblem == true)
        #expect(diagnostics.first?.message.contains("/domains/0/items/0/id") == true)
    }

    @Test func shippedCatalogueHasSixDomainsOfFourToSixItems() throws {
        let catalogue = try AssessmentCatalogueLoader.load(Self.nationalCatalogue, displayName: "national/assessment-items.yaml")
        #expect(catalogue.domains.map(\.id) == ["safety", "development", "guardian", "family", "living", "connections"])
        #expect(catalogue.domains.allSatisfy { (4...6).contains($0.items.count) })
    }

    /// The sheets print no guardian: a case that names one is told so (W604), once, at /guardians,
    /// without the name; a case without a named guardian is not.
    @Test func namedGuardianIsWarnedAsNotPrinted() throws {
        let withGuardian = Self.assessment(["{item: safety.injury, answer: いいえ}"])
            .replacingOccurrences(of: "child: {name: 架空 ゆい}", with: "child: {name: 架空 ゆい}\nguardians: [{name: 架空 はる}, {relation: 父}]")
        let diagnostics = Validate.yaml(withGuardian, kind: .assessment, context: try Self.context())
        #expect(codes(diagnostics) == ["W604 /guardians"])
        #expect(diagnostics.allSatisfy { !$0.message.contains("架空 はる") })

        let without = Validate.yaml(Self.assessment(["{item: safety.injury, answer: いいえ}"]), kind: .assessment, context: try Self.context())
        #expect(!codes(without).contains { $0.hasPrefix("W604") })
    }
}
