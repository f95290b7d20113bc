import Foundation
import Testing
import YorisoiCase
@testable import YorisoiTemplates

/// The templates and profiles in the repository load, validate and resolve.
@Suite struct ShippedTemplatesTests {
    @Test func libraryListsEveryMunicipalityAndKind() throws {
        let library = try Fixtures.library()
        #expect(library.municipalities.map(\.profile.code.rawValue) == ["045012", "082244", "122297", "990019"])
        // national/ grows with new kinds (the notices, …); these must be among them.
        #expect(Set(["support-plan", "recommendation", "measure"]).isSubset(of: library.nationalKinds))
        let moriya = try library.municipality("082244")
        #expect(moriya.kinds.filter { $0.source == .municipality }.map(\.kind) == ["support-plan", "support-plan-child"])
        let sample = try library.municipality("990019")
        #expect(sample.kinds.contains(KindEntry(kind: "support-plan", source: .national, file: "national/support-plan.xml")))
        #expect(sample.kinds.allSatisfy { $0.source == .national })
    }

    @Test(arguments: [
        ("990019", "support-plan"), ("122297", "support-plan"), ("045012", "support-plan"),
        ("082244", "support-plan"), ("082244", "support-plan-child"),
    ])
    func everyTemplateLoadsAndResolves(code: String, kind: String) throws {
        let resolved = try Fixtures.library().template(municipality: code, kind: kind)
        #expect(resolved.template.kind == kind)
        #expect(!resolved.template.body.isEmpty)
        // Every check list ends up with options (catalogues resolved from the profile).
        for list in checklists(in: resolved.template.body) { #expect(!list.groups.isEmpty) }
    }

    @Test func nationalTemplateIsPortraitA4WithAllReplaceableBlocks() throws {
        let template = try Fixtures.loader().load(Fixtures.templatesRoot.appendingPathComponent("national/support-plan.xml"))
        #expect(template.page.size == .a4 && template.page.orientation == .portrait)
        #expect(blockNames(in: template.body) == ["header", "greeting", "persons", "situation", "plan", "supports",
                                                  "catalogue", "contacts", "consent"])
    }

    @Test func sodegauraExtendsNationalAndFillsItsCatalogue() throws {
        let resolved = try Fixtures.library().template(municipality: "122297", kind: "support-plan")
        #expect(resolved.template.sources == ["122297-袖ケ浦市/support-plan.xml", "national/support-plan.xml"])
        #expect(resolved.template.title == "サポートプラン（乳幼児 学齢児等）")
        // Inherited from the base: page setup.
        #expect(resolved.template.page.size == .a4)
        let lists = checklists(in: resolved.template.body)
        #expect(lists.count == 1)
        #expect(lists[0].groups.count == 7)
        #expect(lists[0].groups[0].label == "心配・不安なこと\n相談したい")
        #expect(lists[0].groups[0].options.count == 12)
        #expect(lists[0].groups.last?.options.last == ChecklistOption(label: "その他", isWriteIn: true))
    }

    @Test func wakuyaIsLandscapeWithNineColumnPlanTable() throws {
        let resolved = try Fixtures.library().template(municipality: "045012", kind: "support-plan")
        #expect(resolved.template.page.orientation == .landscape)
        let tables = self.tables(in: resolved.template.body)
        #expect(tables.contains { $0.columns.count == 9 })
        #expect(resolved.profile.contacts.map(\.name) == ["子育て支援課", "健康課健康づくり班"])
    }

    @Test func moriyaUsesTheProfileFontOverride() throws {
        let resolved = try Fixtures.library().template(municipality: "082244", kind: "support-plan")
        #expect(resolved.template.style.family == .gothic)
        let scales = allItems(resolved.template.body).compactMap { item -> Scale? in
            if case .scale(let s) = item { return s } else { return nil }
        }
        #expect(scales.first?.ticks == [0, 25, 50, 75, 100])
    }

    @Test func profilesCarryContractFields() throws {
        let library = try Fixtures.library()
        let sodegaura = try library.municipality("122297").profile
        #expect(sodegaura.name == "袖ケ浦市")
        #expect(sodegaura.dateStyle == .wareki)
        #expect(sodegaura.appeal?.authority == "袖ケ浦市長")
        #expect(sodegaura.documentNumberPrefix == "袖こ家")
        #expect(try library.municipality("990019").profile.dateStyle == .seireki)
        for entry in library.municipalities {
            #expect(entry.profile.centre.address.contains("架空"))
            #expect(entry.profile.centre.phone.hasPrefix("0000-"))
        }
    }

    @Test func unknownMunicipalityAndKindAreReported() throws {
        let library = try Fixtures.library()
        #expect(throws: TemplateError.self) { try library.template(municipality: "131016", kind: "support-plan") }
        do {
            _ = try library.template(municipality: "990019", kind: "support-plan-child")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownKind)
        }
    }

    @Test(arguments: ["122297", "045012", "082244", "131016", "990019"])
    func checkDigitsOfKnownCodes(code: String) {
        #expect(LocalGovernmentCode(code) != nil)
    }

    @Test func checkDigitRules() {
        #expect(LocalGovernmentCode.checkDigit([9, 9, 0, 0, 1]) == 9)
        #expect(LocalGovernmentCode("122296") == nil)
        #expect(LocalGovernmentCode("12229") == nil)
        #expect(LocalGovernmentCode("１２２２９７") == nil)
    }

    // MARK: helpers

    private func allItems(_ items: [FlowItem]) -> [FlowItem] {
        items.flatMap { item -> [FlowItem] in
            switch item {
            case .block(let b): return [item] + allItems(b.content)
            case .repeating(let r): return [item] + allItems(r.content)
            case .conditional(let c): return [item] + allItems(c.content)
            case .table(let t): return [item] + t.rows.flatMap(cells).flatMap { allItems($0.content) }
            default: return [item]
            }
        }
    }

    private func cells(_ row: TableRowItem) -> [TemplateTableCell] {
        switch row {
        case .row(let r): return r.cells
        case .repeating(let r): return r.content.flatMap(cells)
        case .conditional(let c): return c.content.flatMap(cells)
        }
    }

    private func checklists(in items: [FlowItem]) -> [TemplateChecklist] {
        allItems(items).compactMap { if case .checklist(let c) = $0 { return c } else { return nil } }
    }

    private func tables(in items: [FlowItem]) -> [Table] {
        allItems(items).compactMap { if case .table(let t) = $0 { return t } else { return nil } }
    }

    private func blockNames(in items: [FlowItem]) -> [String] {
        items.compactMap { if case .block(let b) = $0 { return b.name } else { return nil } }
    }
}
