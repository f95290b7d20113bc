import Testing
import YorisoiCase
import YorisoiValidation

@Suite struct SupportPlanRuleTests {
    static let minimal = """
    version: 1
    id: "T-1"
    municipality: "990019"
    plan:
      intent: {guardian: 相談したい。}
      issues: [{text: 課題}]
      supports: [{service: 養育支援訪問事業, content: 訪問する。}]
    """

    @Test func minimalPlanHasNoErrorsButWarnsForEveryRecommendedItem() {
        let diagnostics = Validate.yaml(Self.minimal, kind: .supportPlan)
        #expect(!diagnostics.hasErrors)
        let warnings = Set(diagnostics.map { "\($0.code.rawValue) \($0.path)" })
        #expect(warnings == [
            "W101 /created", "W102 /child/name", "W103 /child/situation", "W104 /guardians", "W105 /plan/worries",
            "W106 /plan/wishes", "W107 /plan/actions/family", "W108 /plan/supports/0/frequency", "W109 /plan/review",
            "W110 /consent", "W201 /category",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func missingPlanGivesAllThreeMandatoryErrors() {
        let diagnostics = Validate.yaml("version: 1\nid: x\nmunicipality: \"990019\"\n", kind: .supportPlan)
        let errors = diagnostics.filter(\.isError).map { "\($0.code.rawValue) \($0.path)" }
        #expect(errors == ["E101 /plan/intent", "E102 /plan/issues", "E103 /plan/supports"])
    }

    @Test func aFullWidthSpaceIsStillBlank() {
        let text = Self.minimal.replacingOccurrences(of: "{guardian: 相談したい。}", with: "{child: \"　\", guardian: \" \"}")
        #expect(Validate.yaml(text, kind: .supportPlan).filter(\.isError).map(\.code) == [.e101])
    }

    @Test func eitherSideOfIntentIsEnough() {
        let text = Self.minimal.replacingOccurrences(of: "{guardian: 相談したい。}", with: "{child: 遊びたい。}")
        #expect(!Validate.yaml(text, kind: .supportPlanChild).hasErrors)
    }

    @Test func everyIncompleteSupportIsReported() {
        let text = Self.minimal.replacingOccurrences(
            of: "[{service: 養育支援訪問事業, content: 訪問する。}]",
            with: "[{service: 養育支援訪問事業, content: 訪問する。}, {content: 見守る。}, {service: 一時預かり事業}]")
        let errors = Validate.yaml(text, kind: .supportPlan).filter(\.isError).map { "\($0.code.rawValue) \($0.path)" }
        #expect(errors == ["E104 /plan/supports/1/service", "E105 /plan/supports/2/content"])
    }

    @Test func unbornChildOfASpecificExpectantMotherMayHaveALaterBirthdate() {
        let base = Self.minimal + "\ncreated: 2025-01-10\nchild: {birthdate: 2025-06-01}\n"
        #expect(Validate.yaml(base, kind: .supportPlan).map(\.code).contains(.e202))
        #expect(!Validate.yaml(base + "category: 特定妊婦\n", kind: .supportPlan).map(\.code).contains(.e202))
    }

    @Test func reviewInTheCreationMonthIsAccepted() {
        let text = Self.minimal + "\ncreated: 2025-04-17\n"
        #expect(!Validate.yaml(text.replacingOccurrences(of: "plan:\n", with: "plan:\n  review: 2025-04\n"), kind: .supportPlan).hasErrors)
        #expect(Validate.yaml(text.replacingOccurrences(of: "plan:\n", with: "plan:\n  review: 2025-04-16\n"), kind: .supportPlan)
            .map(\.code).contains(.e201))
    }

    @Test func unparsedCaseGetsOnlyTheLoaderFinding() {
        #expect(Validate.yaml("plan: [", kind: .supportPlan).map(\.code) == [.e004])
    }
}
