import Foundation
import Testing
@testable import YorisoiTemplates

/// Issue #28's profile settings: the セルフプラン's paper and the 減免 bands, each checked at load
/// with an error naming the field.
@Suite struct CentreDocumentProfileTests {
    private func error(_ yaml: String) -> TemplateError? {
        do { _ = try ProfileLoader.parse(yaml, file: "p.yaml"); return nil } catch { return error }
    }

    @Test func theSelfPlanPaperIsA4OrA5() throws {
        let a5 = try ProfileLoader.parse(ProfileTests.valid + "\nself_plan_paper: A5\n", file: "p.yaml")
        #expect(a5.selfPlanPaper == .a5)
        #expect(try ProfileLoader.parse(ProfileTests.valid, file: "p.yaml").selfPlanPaper == nil)
        let b4 = try #require(error(ProfileTests.valid + "\nself_plan_paper: B4\n"))
        #expect(b4.code == .profile)
        #expect(b4.pointer == "/self_plan_paper")
    }

    @Test func eachBandHasItsNameAndFee() throws {
        let bands = "\nfee_reduction:\n  bands:\n    - {name: 非課税世帯, fee: 無料}\n    - {name: その他の世帯}\n"
        let missing = try #require(error(ProfileTests.valid + bands))
        #expect(missing.pointer == "/fee_reduction/bands/1/fee")
        let complete = try ProfileLoader.parse(ProfileTests.valid + bands.replacingOccurrences(of: "{name: その他の世帯}",
                                                                                               with: "{name: その他の世帯, fee: 1回 500円}"),
                                               file: "p.yaml")
        #expect(complete.feeBandNames == ["非課税世帯", "その他の世帯"])
        #expect(try ProfileLoader.parse(ProfileTests.valid, file: "p.yaml").feeBandNames == nil)
    }

    @Test func aGuidanceNeedsTheProfilesBands() throws {
        let profile = try ProfileLoader.parse(ProfileTests.valid, file: "p.yaml")
        #expect(throws: TemplateError.self) { try ProfileRequirements.check(profile, kind: "fee-reduction") }
        #expect(ProfileRequirements.requiredFields(kind: "fee-reduction") == ["/fee_reduction/bands/0/name"])
    }
}
