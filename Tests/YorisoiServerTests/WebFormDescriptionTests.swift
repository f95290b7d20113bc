import Foundation
import Testing
import TestSupport
import Yorisoi
@testable import YorisoiServer

/// The form description the page builds its form from, for the real Templates/ folder.
@Suite struct WebFormDescriptionTests {
    /// The façade's form operation, as the server holds it (fonts and templates loaded once).
    static let engine = Result { try DocumentEngine(root: TestPaths.repositoryRoot) }
    let builder: FormDescriptions

    init() throws {
        builder = try Self.engine.get().forms
    }

    @Test func nationalPlanHasTheRequiredPlanFields() throws {
        let form = try builder.description(municipality: "990019", kind: "support-plan")
        #expect(form.municipality.name == "見本市")
        #expect(form.municipality.dateStyle == "西暦")
        let fields = form.sections.flatMap(\.fields)
        #expect(fields.contains { $0.pointer == "/plan/intent/guardian" })
        let supports = try #require(fields.first { $0.pointer == "/plan/supports" })
        #expect(supports.type == .repeating)
        #expect(supports.fields?.map(\.pointer).contains("/service") == true)
        // The national form prints no municipality catalogue.
        #expect(!form.sections.contains { $0.id == "checklists" })
        #expect(form.kinds.map(\.kind) == ["support-plan", "recommendation", "measure", "self-plan", "provider-brief", "fee-reduction",
                                           "explanation"])
    }

    /// Issue #22: the form's fields and labels are the schema's (`x-yorisoi-form`, titles,
    /// `x-form`), not a list of the server's own; a shared definition is labelled per use.
    @Test func theFormIsReadFromTheCaseSchema() throws {
        let catalogue = try FormCatalogue(root: TestPaths.repositoryRoot)
        #expect(catalogue.kinds == ["support-plan", "support-plan-child", "recommendation", "measure", "self-plan", "provider-brief",
                                    "fee-reduction", "explanation"])
        let fields = Dictionary(uniqueKeysWithValues: try #require(catalogue.sections(for: "measure")).flatMap(\.fields)
            .map { ($0.pointer, $0) })
        #expect(fields["/staff/maternal_health/phone"]?.label == "母子保健機能の担当者の連絡先")
        #expect(fields["/staff/child_welfare/name"]?.label == "児童福祉機能の担当者")
        #expect(fields["/measure/services"]?.type == .repeating)
        #expect(fields["/measure/services"]?.fields?.first { $0.pointer == "/from" }?.type == .date)
        #expect(fields["/recommendation/addressee"]?.type == .guardianIndex)
        #expect(fields["/category"]?.options == ["要保護児童", "要支援児童", "特定妊婦", "その他"])
        let plan = Dictionary(uniqueKeysWithValues: try #require(catalogue.sections(for: "support-plan")).flatMap(\.fields)
            .map { ($0.pointer, $0) })
        #expect(plan["/plan/goals/long/from"]?.label == "長期目標の対象時期（から）")
        #expect(plan["/plan/goals/long/from"]?.type == .dateOrMonth)
        #expect(plan["/plan/goals/long/from"]?.hint == "例：令和7年4月 または 2025-04")
        #expect(plan["/plan/worries/child"]?.label == "気になること（こども）")
        #expect(plan["/plan/review"]?.type == .month)
        #expect(plan["/child/birthdate"]?.hint == "例：令和7年4月1日 または 2025-04-01")
        #expect(plan["/plan/satisfaction"].map { ($0.type, $0.min, $0.max) } ?? (.text, nil, nil) == (.number, 0, 100))
        #expect(plan["/measure/date"] == nil, "a section belongs to the kinds it names")
        #expect(FormCatalogue.title(of: "measure") == "家庭支援事業 利用措置決定通知書")
    }

    @Test func aFormFieldTheSchemaDoesNotHaveIsAnInstallationError() throws {
        let folder = try TestPaths.makeTemporaryDirectory("yorisoi-form-schema")
        let schema = folder.appendingPathComponent("case.schema.json")
        try Data("""
            {"properties": {"id": {"title": "ID"}, "child": {"properties": {"name": {}}}},
             "x-yorisoi-form": {"sections": [{"id": "a", "title": "A", "kinds": ["support-plan"], "fields": ["/id", "/nowhere"]}]}}
            """.utf8).write(to: schema)
        #expect(throws: FormCatalogue.Failure.badField("/nowhere")) { try FormCatalogue(schema: schema) }
        try Data("""
            {"properties": {"id": {"title": "ID"}, "child": {"properties": {"name": {}}}},
             "x-yorisoi-form": {"sections": [{"id": "a", "title": "A", "kinds": ["support-plan"], "fields": ["/child/name"]}]}}
            """.utf8).write(to: schema)
        #expect(throws: FormCatalogue.Failure.badField("/child/name"), "a field needs a title") { try FormCatalogue(schema: schema) }
    }

    /// Issue #22: each town's form asks only for what its template prints. Every value a sample
    /// plan fills that the engine reports as not printed (W120) is a value the form would have
    /// asked for in vain: none of them may be a field of that town's form. And the 見本市 plan,
    /// which fills 次回の連絡 and a guardian's 続柄 that the national form does not print, loses those fields.
    @Test(arguments: ["mihon-national-support-plan.yaml", "moriya-support-plan.yaml", "sodegaura-support-plan.yaml",
                      "wakuya-support-plan.yaml", "long-text-eight-supports.yaml"])
    func theFormAsksForNothingTheTownsFormLeavesUnprinted(sample: String) throws {
        let engine = try Self.engine.get()
        let bytes = try [UInt8](Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("samples/cases/\(sample)")))
        let loaded = engine.load(bytes, format: .yaml)
        let municipality = try #require(loaded.typed?.municipality)
        let unprinted = try engine.validate(loaded, kind: .supportPlan, municipality: nil).filter { $0.code == .w120 }.map(\.path)
        let form = try builder.description(municipality: municipality, kind: "support-plan")
        let asked = Set(Self.pointers(form.sections.flatMap(\.fields), under: ""))
        for pointer in unprinted {
            // A row's field is asked for as in the first row.
            let normalised = pointer.replacingOccurrences(of: #"/\d+(/|$)"#, with: "/0$1", options: .regularExpression)
            #expect(!asked.contains(normalised), "\(sample): the form asks for \(pointer), which W120 says is not printed")
        }
        if sample.hasPrefix("mihon") {
            #expect(unprinted.contains("/plan/next_contact"), "the sample still fills a value the national form leaves out")
            #expect(!asked.contains("/plan/next_contact/method"))
            #expect(!asked.contains("/guardians/0/relation"))
            #expect(asked.contains("/plan/intent/guardian"))
        }
    }

    static func pointers(_ fields: [FormDescription.Field], under parent: String) -> [String] {
        fields.flatMap { field -> [String] in
            let pointer = parent + field.pointer
            guard let rows = field.fields else { return [pointer] }
            return [pointer] + pointers(rows, under: pointer + "/0")
        }
    }

    /// Issue #22: 「（必須）」 marks come from the rules (the façade probes them), exactly where
    /// they refuse: not on 作成日 or 区分 (they only warn), but on a 措置's 事業 内容 and dates.
    @Test func requiredMarksAreExactlyWhereTheRulesRefuse() throws {
        func marked(_ municipality: String, _ kind: String) throws -> Set<String> {
            let form = try builder.description(municipality: municipality, kind: kind)
            return Set(Self.fieldsWithPointers(form.sections.flatMap(\.fields), under: "").filter { $0.1.required }.map(\.0))
        }
        #expect(try marked("990019", "support-plan") == ["/id", "/plan/intent/child", "/plan/intent/guardian", "/plan/issues",
                                                         "/plan/issues/0/text", "/plan/supports", "/plan/supports/0/service",
                                                         "/plan/supports/0/content"])
        let measure = try marked("990019", "measure")
        for pointer in ["/measure/date", "/measure/difficulty", "/measure/services/0/content", "/measure/services/0/from",
                        "/measure/services/0/to", "/recommendation/date"] {
            #expect(measure.contains(pointer), "\(pointer)")
        }
        #expect(!measure.contains("/measure/services/0/frequency"))
        #expect(!(try marked("122297", "support-plan")).contains("/created"))
    }

    static func fieldsWithPointers(_ fields: [FormDescription.Field], under parent: String) -> [(String, FormDescription.Field)] {
        fields.flatMap { field -> [(String, FormDescription.Field)] in
            let pointer = parent + field.pointer
            return [(pointer, field)] + fieldsWithPointers(field.fields ?? [], under: pointer + "/0")
        }
    }

    @Test func municipalityCatalogueBecomesAChecklist() throws {
        let form = try builder.description(municipality: "122297", kind: "support-plan")
        let lists = try #require(form.sections.first { $0.id == "checklists" }).fields
        let services = try #require(lists.first { $0.pointer == "/plan/selected_services" })
        #expect(services.type == .checklist)
        #expect(services.label == "袖ケ浦市の子どもや保護者のサポート・事業")
        let options = (services.groups ?? []).flatMap(\.options)
        #expect(options.contains { $0.label == "ファミリーサポートセンター" })
        #expect(options.contains { $0.label == "その他" && $0.writeIn })
    }

    @Test func checklistsWrittenInTheTemplateAreFound() throws {
        let form = try builder.description(municipality: "082244", kind: "support-plan")
        let pointers = form.sections.flatMap(\.fields).filter { $0.type == .checklist }.map(\.pointer)
        #expect(pointers.contains("/plan/checklist/guardian"))
        #expect(pointers.contains("/plan/checklist/solutions"))
    }

    @Test func noticeKindsCarryTheirSections() throws {
        let measure = try builder.description(municipality: "990019", kind: "measure")
        let ids = measure.sections.map(\.id)
        #expect(ids.contains("recommendation") && ids.contains("measure"))
        let addressee = try #require(measure.sections.flatMap(\.fields).first { $0.pointer == "/recommendation/addressee" })
        #expect(addressee.type == .guardianIndex)
    }

    @Test func unknownMunicipalityAndKindAreRefused() {
        #expect(throws: FormDescriptionBuilder.Failure.unknownMunicipality("999999")) {
            try builder.description(municipality: "999999", kind: "support-plan")
        }
        #expect(throws: FormDescriptionBuilder.Failure.unknownKind("assessment")) {
            try builder.description(municipality: "990019", kind: "assessment")
        }
        #expect(throws: FormDescriptionBuilder.Failure.unknownKind("support-plan-child")) {
            try builder.description(municipality: "990019", kind: "support-plan-child")
        }
    }

    /// 袖ケ浦市's profile has no 減免 bands: its page neither offers the guidance nor answers 500
    /// for it (schemathesis found `GET /api/v1/forms/122297/fee-reduction` → broken_template).
    @Test func aKindTheProfileCannotPrintIsNotOffered() throws {
        #expect(throws: FormDescriptionBuilder.Failure.unknownKind("fee-reduction")) {
            try builder.description(municipality: "122297", kind: "fee-reduction")
        }
        let sodegaura = try builder.description(municipality: "122297", kind: "support-plan").kinds.map(\.kind)
        #expect(!sodegaura.contains("fee-reduction") && sodegaura.contains("measure"))
        #expect(try builder.description(municipality: "990019", kind: "support-plan").kinds.map(\.kind).contains("fee-reduction"))
        #expect(try builder.description(municipality: "990019", kind: "fee-reduction").kind == "fee-reduction")
    }

    @Test func encodedDescriptionIsStableJSON() throws {
        let form = try builder.description(municipality: "122297", kind: "support-plan")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try encoder.encode(form)
        let b = try encoder.encode(try builder.description(municipality: "122297", kind: "support-plan"))
        #expect(a == b)
        let object = try #require(try JSONSerialization.jsonObject(with: a) as? [String: Any])
        #expect(object["kind"] as? String == "support-plan")
        #expect((object["municipality"] as? [String: Any])?["date_style"] as? String == "和暦")
    }

    /// The served page is the repo's Web/Assets folder as SwiftPM copied it, and every module a
    /// module imports is served (a module missing from the bundle would leave the page blank).
    @Test func servedAssetsAreTheFilesInTheRepoAndEveryImportIsServed() throws {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("Sources/YorisoiServer/Web/Assets")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mjs") || $0.hasSuffix(".css") }
        #expect(Set(WebAssets.named.keys) == Set(files))
        for name in files {
            #expect(WebAssets.named[name]?.text == (try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)), "\(name)")
        }
        #expect(WebAssets.page.text.contains("<script type=\"module\" src=\"/assets/main.mjs\">"))
        let imports = try NSRegularExpression(pattern: #"from '\./([a-z]+\.mjs)'"#)
        for (name, asset) in WebAssets.named where name.hasSuffix(".mjs") {
            let text = asset.text
            for match in imports.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let imported = String(text[Range(match.range(at: 1), in: text)!])
                #expect(WebAssets.named[imported] != nil, "\(name) imports \(imported), which is not served")
            }
        }
    }

    /// The page loads nothing from outside its own server.
    @Test func pageUsesNoOutsideResources() {
        for text in [WebAssets.page.text] + WebAssets.named.values.map(\.text) {
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"))
            #expect(!text.contains("localStorage.set") && !text.contains("sessionStorage.set"))
        }
    }
}
