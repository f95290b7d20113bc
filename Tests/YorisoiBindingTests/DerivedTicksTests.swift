import Foundation
import Testing
import TestSupport
import YorisoiBinding
import YorisoiCase
import YorisoiLayout
import YorisoiTemplates

/// Boxes a form ticks from what the plan already says, so staff do not tick them twice and
/// cannot forget: the catalogue from the plan's services (by name or alias), the national
/// form's 対象時期 from the child's age.
@Suite struct DerivedTicksTests {
    /// Every check item of the bound document: its label (as printed) and whether it is ticked.
    static func ticks(_ blocks: [Block]) -> [(label: String, checked: Bool)] {
        blocks.flatMap { block -> [(label: String, checked: Bool)] in
            switch block {
            case .checkList(let list): return list.items.map { ($0.label, $0.checked) }
            case .table(let table): return table.rows.flatMap(\.cells).flatMap { ticks($0.content) }
            case .group(let group): return ticks(group.blocks)
            default: return []
            }
        }
    }

    static func bind(_ code: String, yaml: String) throws -> [(label: String, checked: Bool)] {
        let resolved = try DocumentBinderTests.library.template(municipality: code, kind: "support-plan")
        let root = try #require(CaseLoader().load(data: Data(yaml.utf8), format: .yaml, displayName: "c.yaml").first?.root)
        let document = try DocumentBinder(fonts: DocumentBinderTests.fonts, template: resolved.template,
                                          defaults: DocumentBinderTests.shipped).bind(scope: resolved.scope(for: root))
        return ticks(document.body)
    }

    /// The two 対象時期 boxes, by the start of their label (the age follows 子育て期).
    static func periods(_ items: [(label: String, checked: Bool)]) -> [(label: String, checked: Bool)] {
        items.compactMap { item in
            ["出産前後", "子育て期"].first { item.label.hasPrefix($0) }.map { ($0, item.checked) }
        }
    }

    static func ticked(_ items: [(label: String, checked: Bool)]) -> [String] {
        items.filter(\.checked).map(\.label)
    }

    @Test func wakuyasCatalogueTicksTheServicesThePlanUses() throws {
        let items = try Self.bind("045012", yaml: """
        version: 1
        id: T-1
        municipality: "045012"
        created: 2025-02-03
        child: {name: 試野 はると, birthdate: 2016-09-21}
        plan:
          supports:
            - {service: 児童育成支援拠点事業, content: 放課後の居場所}
            - {service: 子育てひろば, content: 親子で通う}
            - {service: 近所の見守り, content: 声かけ}
        """)
        // 子育てひろば is an alias of 地域子育て支援拠点; 近所の見守り is on no list and is not
        // written into その他 (only selected_services are).
        let ticked = Self.ticked(items)
        #expect(ticked.contains("児童育成支援拠点事業"))
        #expect(ticked.contains("地域子育て支援拠点"))
        #expect(!ticked.contains { $0.hasPrefix("その他") })
        #expect(!items.contains { $0.label.contains("近所の見守り") })
    }

    @Test(arguments: [("2025-06-15", "出産前後"), ("2024-08-20", "出産前後"), ("2024-01-19", "子育て期"), ("2019-05-03", "子育て期")])
    func theNationalFormsPeriodFollowsTheChildsAge(birthdate: String, period: String) throws {
        // Made 2025-01-20: unborn, five months, a year and a day, five years.
        let items = try Self.bind("990019", yaml: """
        version: 1
        id: T-2
        municipality: "990019"
        created: 2025-01-20
        child: {name: 見本 ゆい, birthdate: \(birthdate)}
        """)
        let periods = Self.periods(items)
        #expect(periods.map(\.label) == ["出産前後", "子育て期"])
        #expect(Self.ticked(periods) == [period], "\(birthdate)")
    }

    @Test func theCaseSaysThePeriodWhenItKnowsBetter() throws {
        let items = try Self.bind("990019", yaml: """
        version: 1
        id: T-3
        municipality: "990019"
        created: 2025-01-20
        child: {name: 見本 ゆい, birthdate: 2024-10-01}
        plan: {target_period: 子育て期}
        """)
        #expect(Self.ticked(Self.periods(items)) == ["子育て期"])
    }
}
