import Foundation
import Testing
import YorisoiCase
@testable import YorisoiTemplates

/// The consent sentence the family signs is each municipality's own (profile data), never a
/// template's, and the shipped profiles keep the meaning of the town's form.
@Suite struct ShippedConsentTests {
    static let planTemplates = [
        "national/support-plan.xml", "045012-涌谷町/support-plan.xml", "082244-守谷市/support-plan.xml",
        "082244-守谷市/support-plan-child.xml", "122297-袖ケ浦市/support-plan.xml",
    ]

    /// A template that words the consent itself would print that wording for every municipality
    /// that uses it, whatever the municipality approved.
    @Test(arguments: planTemplates)
    func planTemplatesPrintTheProfilesSentenceAndNoneOfTheirOwn(file: String) throws {
        let text = try String(contentsOf: Fixtures.templatesRoot.appendingPathComponent(file), encoding: .utf8)
        #expect(text.contains("{{ profile.consent.statement }}"))
        #expect(!text.contains("同意します"), "a consent sentence written into \(file)")
    }

    @Test(arguments: ["045012", "082244", "122297", "990019"])
    func everyShippedProfileStatesItsConsent(code: String) throws {
        let profile = try Fixtures.library().municipality(code).profile
        let statement = try #require(profile.valueTree.resolve(pointer: ProfileRequirements.consentStatement)?.scalarText)
        #expect(statement.hasSuffix("同意します。"))
        #expect(statement.contains("共有"))
    }

    /// 涌谷町's form: 「妊娠前から子育て期にわたる切れ目のない支援のため…」. 「妊娠期から」 would narrow
    /// what the family agrees to.
    @Test func wakuyaSharesFromBeforePregnancy() throws {
        let profile = try Fixtures.library().municipality("045012").profile
        let statement = profile.valueTree.resolve(pointer: "/consent/statement")?.scalarText ?? ""
        #expect(statement.contains("妊娠前から"))
        #expect(!statement.contains("妊娠期から"))
    }

    static let profileWithoutConsent = """
    code: "990019"
    name: 見本市
    centre: {name: 見本市こども家庭センター, address: 見本県見本市架空町1-1, phone: "0000-00-0000", office_hours: "月～金"}
    head: {title: 見本市長, name: 見本 花子}
    date_style: 西暦
    document_number_prefix: 見こ家
    appeal: {authority: 見本市長, defendant: 見本市, representative: 見本市長}
    """

    @Test func aPlanIsRefusedWhenTheProfileHasNoConsentSentence() throws {
        let root = try Fixtures.scratchTemplates(["990019-見本市/municipality.yaml": Self.profileWithoutConsent])
        let library = try TemplateLibrary(root: root)
        // Notices print no consent and still resolve.
        _ = try library.template(municipality: "990019", kind: "recommendation")
        let error = try #require(throws: TemplateError.self) { try library.template(municipality: "990019", kind: "support-plan") }
        #expect(error.code == .profileLacksField)
        #expect(error.pointer == "/consent/statement")
        #expect(error.location.file == "990019-見本市/municipality.yaml")
        // The こども版 (守谷市's only, so not in this scratch folder) asks for the same sentence.
        #expect(ProfileRequirements.requiredFields(kind: "support-plan-child") == ["/consent/statement"])
    }
}
