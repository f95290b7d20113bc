import Testing
import YorisoiCase
import YorisoiValidation

/// The rules of the centre's other papers (issue #28): each finding with its code and pointer.
@Suite struct CentreDocumentRuleTests {
    static func found(_ text: String, _ kind: DocumentKind, context: ValidationContext = ValidationContext()) -> [String] {
        Validate.yaml(text, kind: kind, context: context).map { "\($0.code.rawValue) \($0.path)" }
    }

    // MARK: セルフプラン

    static let selfPlan = """
    version: 1
    id: "SP-1"
    municipality: "990019"
    guardians: [{name: 架空 みらい}]
    self_plan: {date: 2025-05-01, due_date: 2025-11-01}
    staff: {maternal_health: {name: 見本 保子}}
    """

    @Test func aCompleteSelfPlanHasNoFinding() {
        #expect(Self.found(Self.selfPlan, .selfPlan) == [])
    }

    @Test func aSelfPlanNeedsItsSectionItsDueDateAndHerName() {
        #expect(Self.found("version: 1\nid: x\nmunicipality: \"990019\"\n", .selfPlan) == ["E801 /self_plan"])
        let noDue = Self.selfPlan.replacingOccurrences(of: ", due_date: 2025-11-01", with: "")
        #expect(Self.found(noDue, .selfPlan) == ["E802 /self_plan/due_date"])
        let noName = Self.selfPlan.replacingOccurrences(of: "guardians: [{name: 架空 みらい}]", with: "guardians: [{kana: かくう}]")
        #expect(Self.found(noName, .selfPlan) == ["E803 /guardians/0/name"])
        let nobody = Self.selfPlan.replacingOccurrences(of: "guardians: [{name: 架空 みらい}]\n", with: "")
        #expect(Self.found(nobody, .selfPlan) == ["E803 /guardians"])
    }

    @Test func aSelfPlanWarnsOfAMissingDateADueDateBeforeItAndNoNurse() {
        let undated = Self.selfPlan.replacingOccurrences(of: "date: 2025-05-01, ", with: "")
        #expect(Self.found(undated, .selfPlan) == ["W801 /self_plan/date"])
        let born = Self.selfPlan.replacingOccurrences(of: "due_date: 2025-11-01", with: "due_date: 2025-04-01")
        #expect(Self.found(born, .selfPlan) == ["W802 /self_plan/due_date"])
        let noNurse = Self.selfPlan.replacingOccurrences(of: "staff: {maternal_health: {name: 見本 保子}}", with: "")
        #expect(Self.found(noNurse, .selfPlan) == ["W803 /staff/maternal_health/name"])
    }

    // MARK: 事業者への事前共有

    static let brief = """
    version: 1
    id: "PB-1"
    municipality: "990019"
    child: {name: 架空 そら}
    measure:
      date: 2025-03-01
      services: [{service: 子育て世帯訪問支援事業, content: 家事支援, provider: 架空NPO, from: 2025-03-10, to: 2025-06-30}]
    provider_brief: {provider: 架空NPO, date: 2025-03-05, consent: {agreed: true, date: 2025-03-04}}
    """

    @Test func aConsentedBriefForTheMeasuresProviderHasNoFinding() {
        #expect(Self.found(Self.brief, .providerBrief) == [])
    }

    @Test(arguments: ["{agreed: false, date: 2025-03-04}", "{date: 2025-03-04}"])
    func aBriefWithoutTheFamilysConsentIsRefused(_ consent: String) {
        let text = Self.brief.replacingOccurrences(of: "{agreed: true, date: 2025-03-04}", with: consent)
        #expect(Self.found(text, .providerBrief) == ["E812 /provider_brief/consent/agreed"])
        let noConsent = Self.brief.replacingOccurrences(of: ", consent: {agreed: true, date: 2025-03-04}", with: "")
        #expect(Self.found(noConsent, .providerBrief) == ["E812 /provider_brief/consent/agreed"])
    }

    @Test func aBriefGoesOnlyToAProviderTheMeasureNames() {
        let other = Self.brief.replacingOccurrences(of: "provider: 架空NPO, date", with: "provider: 別の事業者, date")
        #expect(Self.found(other, .providerBrief) == ["E814 /provider_brief/provider"])
        let none = Self.brief.replacingOccurrences(of: "provider: 架空NPO, date", with: "date")
        #expect(Self.found(none, .providerBrief) == ["E813 /provider_brief/provider"])
        let noMeasure = Self.brief.replacingOccurrences(of: "measure:\n  date: 2025-03-01\n", with: "old_measure:\n  date: 2025-03-01\n")
        #expect(Self.found(noMeasure, .providerBrief).filter { $0.hasPrefix("E") } == ["E311 /measure"])
        #expect(Self.found("version: 1\nid: x\nmunicipality: \"990019\"\n", .providerBrief) == ["E811 /provider_brief"])
    }

    @Test func aBriefWarnsOfMissingDates() {
        let text = Self.brief.replacingOccurrences(of: "date: 2025-03-05, ", with: "")
            .replacingOccurrences(of: "{agreed: true, date: 2025-03-04}", with: "{agreed: true}")
        #expect(Set(Self.found(text, .providerBrief)) == ["W811 /provider_brief/consent/date", "W812 /provider_brief/date"])
    }

    // MARK: 減免制度の案内

    static let guidance = """
    version: 1
    id: "FR-1"
    municipality: "990019"
    guardians: [{name: 架空 はるか, address: 架空町}]
    recommendation:
      date: 2025-04-01
      addressee: 0
      services: [{service: 一時預かり事業, content: 預かる。}]
    fee_reduction: {date: 2025-04-01, band: 非課税世帯}
    """

    @Test func theBandMustBeOneOfTheProfiles() {
        let context = ValidationContext(feeBands: ["生活保護世帯", "非課税世帯"])
        #expect(Self.found(Self.guidance, .feeReduction, context: context) == [])
        let other = ValidationContext(feeBands: ["生活保護世帯"])
        #expect(Self.found(Self.guidance, .feeReduction, context: other) == ["E822 /fee_reduction/band"])
        let unknown = Self.guidance.replacingOccurrences(of: ", band: 非課税世帯", with: "")
        #expect(Self.found(unknown, .feeReduction, context: other) == [], "no band: the guidance says staff will tell")
    }

    @Test func theGuidanceGoesWithARecommendation() {
        let alone = Self.guidance.replacingOccurrences(of: "recommendation:", with: "old_recommendation:")
        #expect(Self.found(alone, .feeReduction).filter { $0.hasPrefix("E") } == ["E301 /recommendation"])
        let noAddressee = Self.guidance.replacingOccurrences(of: "  addressee: 0\n", with: "")
        #expect(Self.found(noAddressee, .feeReduction) == ["E302 /recommendation/addressee"])
        let noServices = Self.guidance.replacingOccurrences(of: "  services: [{service: 一時預かり事業, content: 預かる。}]\n", with: "")
        #expect(Self.found(noServices, .feeReduction) == ["E304 /recommendation/services"])
        #expect(Self.found("version: 1\nid: x\nmunicipality: \"990019\"\n", .feeReduction) == ["E821 /fee_reduction"])
        let undated = Self.guidance.replacingOccurrences(of: "date: 2025-04-01, band", with: "band")
        #expect(Self.found(undated, .feeReduction) == ["W821 /fee_reduction/date"])
    }

    // MARK: サポートプラン説明用紙

    @Test func theExplanationNeedsItsSectionAndWarnsWithoutStaff() {
        let base = "version: 1\nid: x\nmunicipality: \"990019\"\n"
        #expect(Self.found(base, .explanation) == ["E831 /explanation"])
        #expect(Self.found(base + "explanation: {date: 2025-06-01}\n", .explanation) == ["W831 /staff"])
        #expect(Self.found(base + "explanation: {date: 2025-06-01}\nstaff: {child_welfare: {name: 試田 福男}}\n", .explanation) == [])
    }
}
