import Foundation
import Testing
@testable import YorisoiTemplates

/// Profile errors name the field (a JSON Pointer) and its line.
@Suite struct ProfileTests {
    static let valid = """
    code: "990019"
    name: 見本市
    centre:
      name: 見本市こども家庭センター
      address: 架空
      phone: "0000-00-0000"
      office_hours: 平日
    head: {title: 見本市長, name: 見本 花子}
    date_style: 西暦
    document_number_prefix: 見こ家
    appeal: {authority: 見本市長, defendant: 見本市, representative: 見本市長}
    catalogues:
      services:
        groups:
          - label: 相談
            items: [窓口, {label: その他, write_in: true}]
    """

    private func error(_ yaml: String) -> TemplateError? {
        do { _ = try ProfileLoader.parse(yaml, file: "p.yaml"); return nil } catch { return error }
    }

    @Test func validProfileLoads() throws {
        let profile = try ProfileLoader.parse(Self.valid, file: "p.yaml")
        #expect(profile.code.rawValue == "990019")
        #expect(profile.dateStyle == .seireki)
        #expect(profile.catalogues["services"]?.groups[0].options
                == [ChecklistOption(label: "窓口"), ChecklistOption(label: "その他", isWriteIn: true)])
    }

    @Test func missingFieldIsNamed() throws {
        let e = try #require(error(Self.valid.replacingOccurrences(of: "  phone: \"0000-00-0000\"\n", with: "")))
        #expect(e.code == .profile)
        #expect(e.pointer == "/centre/phone")
        #expect(e.location.line == 4)   // the centre mapping
        #expect(e.description.contains("/centre/phone"))
    }

    @Test func badValuesAreNamed() throws {
        #expect(error(Self.valid.replacingOccurrences(of: "date_style: 西暦", with: "date_style: 旧暦"))?.pointer == "/date_style")
        let unquoted = try #require(error(Self.valid.replacingOccurrences(of: "code: \"990019\"", with: "code: 990019")))
        #expect(unquoted.pointer == "/code")
        #expect(unquoted.detail.contains("quotes"))
        #expect(error(Self.valid.replacingOccurrences(of: "\"990019\"", with: "\"990018\""))?.pointer == "/code")
        let item = try #require(error(Self.valid.replacingOccurrences(of: "{label: その他, write_in: true}", with: "{write_in: no}")))
        #expect(item.pointer == "/catalogues/services/groups/0/items/1/write_in")
        #expect(item.location.line == 16)
    }

    @Test func yamlSyntaxErrorsHaveALine() throws {
        let e = try #require(error("code: \"990019\"\nname: [unclosed\n"))
        #expect(e.code == .profile)
        #expect(e.location.line >= 2)
    }

    @Test func folderCodeMustMatchProfile() throws {
        let root = try Fixtures.scratchTemplates(["990018-違う市/municipality.yaml": Self.valid])
        #expect(throws: TemplateError.self) { try TemplateLibrary(root: root) }
    }
}
