import Testing
import YorisoiCase
import YorisoiValidation

@Suite struct NoticeRuleTests {
    static let recommendation = """
    version: 1
    id: "N-1"
    municipality: "990019"
    guardians: [{name: 架空 あかり, address: 架空町}]
    recommendation:
      date: 2025-02-01
      addressee: 0
      services: [{service: SERVICE, content: 支援する。}]
      reason: 理由
    """

    @Test func serviceOutsideTheSixNeedsTheCatalogue() {
        let text = Self.recommendation.replacingOccurrences(of: "SERVICE", with: "こども食堂")
        #expect(Validate.yaml(text, kind: .recommendation).map(\.code) == [.w301])
        let context = ValidationContext(serviceCatalogue: ["こども食堂"])
        #expect(Validate.yaml(text, kind: .recommendation, context: context).isEmpty)
    }

    @Test(arguments: FamilySupportServices.all)
    func theSixFamilySupportServicesAreAlwaysAccepted(_ service: String) {
        let text = Self.recommendation.replacingOccurrences(of: "SERVICE", with: service)
        #expect(Validate.yaml(text, kind: .recommendation).isEmpty)
    }

    @Test func addresseeWithoutAddressIsAWarning() {
        let text = Self.recommendation.replacingOccurrences(of: "SERVICE", with: "一時預かり事業")
            .replacingOccurrences(of: ", address: 架空町", with: "")
        let diagnostics = Validate.yaml(text, kind: .recommendation)
        #expect(diagnostics.map { "\($0.code.rawValue) \($0.path)" } == ["W302 /guardians/0/address"])
    }

    @Test func emptyRecommendationListsEveryMissingPart() {
        let text = "version: 1\nid: x\nmunicipality: \"990019\"\nrecommendation: {services: [{provider: 事業者}]}\n"
        let codes = Set(Validate.yaml(text, kind: .recommendation).filter(\.isError).map(\.code))
        #expect(codes == [.e302, .e305, .e306, .e307, .e308])
    }

    @Test func measureOnTheSameDayAsTheRecommendationIsRefused() {
        let text = Self.recommendation.replacingOccurrences(of: "SERVICE", with: "一時預かり事業") + """

        measure:
          date: 2025-02-01
          difficulty: 困難
          services: [{service: 一時預かり事業, content: 預かる。, from: 2025-02-10, to: 2025-02-10}]
        """
        #expect(Validate.yaml(text, kind: .measure).filter(\.isError).map(\.code) == [.e313])
        #expect(!Validate.yaml(text.replacingOccurrences(of: "  date: 2025-02-01\n  difficulty", with: "  date: 2025-02-02\n  difficulty"),
                               kind: .measure).hasErrors)
    }

    @Test func measureNeedsTheRecommendationsDateAndAddressee() {
        let text = """
        version: 1
        id: x
        municipality: "990019"
        recommendation: {reason: 理由}
        measure:
          date: 2025-03-01
          difficulty: 困難
          services: [{service: 一時預かり事業, content: 預かる。, from: 2025-03-10, to: 2025-04-10}]
        """
        let errors = Validate.yaml(text, kind: .measure).filter(\.isError).map { "\($0.code.rawValue) \($0.path)" }
        #expect(Set(errors) == ["E308 /recommendation/date", "E302 /recommendation/addressee"])
    }
}

@Suite struct TypeErrorsAreNotRepeatedAsMissingTests {
    @Test func anInvalidDateIsOneErrorNotTwo() {
        let text = NoticeRuleTests.recommendation.replacingOccurrences(of: "SERVICE", with: "一時預かり事業")
            .replacingOccurrences(of: "date: 2025-02-01", with: "date: 2025-02-30")
            .replacingOccurrences(of: "addressee: 0", with: "addressee: 母")
        let codes = Validate.yaml(text, kind: .recommendation).map(\.code)
        #expect(codes == [.e021, .e020])
    }

    @Test func anInvalidCreationDateIsNotAlsoMissing() {
        let text = SupportPlanRuleTests.minimal + "\ncreated: 2025-02-30\n"
        let codes = Validate.yaml(text, kind: .supportPlan).map(\.code)
        #expect(codes.contains(.e021) && !codes.contains(.w101))
    }
}
