import Foundation
import Testing
@testable import YorisoiTemplates

/// Check boxes tick against the catalogue; leftovers go to 「その他（　）」, never silently dropped.
@Suite struct ChecklistBindingTests {
    @Test func sodegauraCatalogueTicksAndWritesIn() throws {
        let resolved = try Fixtures.library().template(municipality: "122297", kind: "support-plan")
        let list = try #require(firstChecklist(resolved.template.body))
        let state = ChecklistState.bind(list, selected: ["こども食堂", "ベビーシッター（民間）", "謎の支援", "近所の見守り"])
        let ticked = state.groups.flatMap(\.options).filter(\.isChecked).map(\.label)
        #expect(ticked == ["こども食堂", "ベビーシッター(民間)", "その他"])
        let other = try #require(state.groups.flatMap(\.options).first(where: { $0.isWriteIn }))
        #expect(other.writeIn == "謎の支援、近所の見守り")
        #expect(state.unmatched.isEmpty)
    }

    @Test func withoutWriteInLeftoversAreReturned() {
        let list = TemplateChecklist(bind: nil, catalogue: nil,
                             groups: [ChecklistGroup(label: nil, options: [ChecklistOption(label: "あ")])],
                             layout: .inline, columns: 1, groupHeading: nil, optionsHeading: nil,
                             location: .file("t.xml"))
        let state = ChecklistState.bind(list, selected: ["あ", "い"])
        #expect(state.groups[0].options[0].isChecked)
        #expect(state.unmatched == ["い"])
    }

    @Test func bindsThroughAScope() throws {
        let resolved = try Fixtures.library().template(municipality: "082244", kind: "support-plan-child")
        let list = try #require(firstChecklist(resolved.template.body))
        let root = try YAMLValueTree.parse("plan: {checklist: {child: [おこられる, ねむれない]}}", file: "c.yaml")
        let state = try ChecklistState.bind(list, in: resolved.scope(for: root))
        #expect(state.groups.flatMap(\.options).filter(\.isChecked).map(\.label) == ["おこられる", ""])
        // A value matching no option goes to 「そのほか」, not into じぶんのこと's blank line.
        #expect(state.groups.last?.label == "そのほか")
        #expect(state.groups.last?.options.last?.writeIn == "ねむれない")
        #expect(state.groups[0].options.last?.writeIn == "")
    }

    @Test func guardianSheetLeftoversGoToTheOtherGroupNotTheFirst() throws {
        let resolved = try Fixtures.library().template(municipality: "082244", kind: "support-plan")
        let list = try #require(firstChecklist(resolved.template.body))
        let state = ChecklistState.bind(list, selected: ["料理", "近所づきあい"])
        #expect(state.groups[0].label == "家事・育児")
        #expect(state.groups[0].options.allSatisfy { $0.writeIn.isEmpty })
        let other = try #require(state.groups.first { $0.label == "その他" })
        #expect(other.options.last?.writeIn == "近所づきあい")
        #expect(other.options.last?.isChecked == true)
    }

    private func firstChecklist(_ items: [FlowItem]) -> TemplateChecklist? {
        for item in items {
            switch item {
            case .checklist(let c): return c
            case .block(let b): if let c = firstChecklist(b.content) { return c }
            default: continue
            }
        }
        return nil
    }
}
