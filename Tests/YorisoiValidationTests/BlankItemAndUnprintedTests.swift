import Foundation
import TestSupport
import Testing
import YorisoiCase
import YorisoiTemplates
@testable import YorisoiValidation

/// W022 (a blank list item is skipped, not refused) and W120 (a filled value the form does not print).
@Suite struct BlankItemAndUnprintedTests {
    static let plan = """
    version: 1
    id: "T-1"
    municipality: "990019"
    plan:
      intent: {guardian: 相談したい。}
      issues:
        - {text: 課題}
        - {text: "", solution: ""}
      supports:
        - {service: 養育支援訪問事業, content: 訪問する。}
        - {service: , content: , frequency: "　"}
    family:
      - {name: 見本 そら, relation: 兄}
    """

    @Test func aWhollyBlankItemIsSkippedWithAWarningNotAnError() {
        let diagnostics = Validate.yaml(Self.plan, kind: .supportPlan)
        #expect(!diagnostics.hasErrors, "\(diagnostics.filter(\.isError).map { "\($0.code.rawValue) \($0.path)" })")
        let blank = diagnostics.filter { $0.code == .w022 }.map(\.path)
        #expect(blank == ["/plan/issues/1", "/plan/supports/1"])
        // The skipped support is not asked for its frequency either.
        #expect(!diagnostics.contains { $0.path.hasPrefix("/plan/supports/1/") })
    }

    @Test func aPartlyFilledItemIsStillAnErrorAtItsPointer() {
        let text = Self.plan.replacingOccurrences(of: "{text: \"\", solution: \"\"}", with: "{text: \"\", solution: 見守る}")
        let errors = Validate.yaml(text, kind: .supportPlan).filter(\.isError).map { "\($0.code.rawValue) \($0.path)" }
        #expect(errors == ["E106 /plan/issues/1/text"])
    }

    @Test func onlyBlankItemsCountAsNone() {
        let text = """
        version: 1
        id: "T-1"
        municipality: "990019"
        plan:
          intent: {guardian: 相談したい。}
          issues: [{text: ""}]
          supports: [{service: 養育支援訪問事業, content: 訪問する。}]
        """
        let codes = Validate.yaml(text, kind: .supportPlan).map(\.code)
        #expect(codes.contains(.e102))
        #expect(codes.contains(.w022))
        #expect(!codes.contains(.e106))
    }

    @Test func eachFilledValueAFormDoesNotPrintIsWarnedAtItsPointer() throws {
        let declared = [
            UnprintedValue(path: try #require(CasePathPattern("family")), reason: "家族欄がない", location: .file("t.xml")),
            UnprintedValue(path: try #require(CasePathPattern("plan.supports[].frequency")), reason: "頻度の欄がない",
                           location: .file("t.xml")),
            UnprintedValue(path: try #require(CasePathPattern("plan.goals")), reason: "目標の欄がない", location: .file("t.xml")),
        ]
        let context = ValidationContext(unprinted: declared)
        let found = Validate.yaml(Self.plan, kind: .supportPlan, context: context).filter { $0.code == .w120 }
        // /family holds a member; the blank support's "　" frequency and the absent goals are nothing.
        #expect(found.map(\.path) == ["/family"])
        #expect(found.first?.message.contains("家族欄がない") == true)
        #expect(found.first?.message.contains("見本") == false)
        // Without a template (no declarations) there is nothing to warn about.
        #expect(!Validate.yaml(Self.plan, kind: .supportPlan).contains { $0.code == .w120 })
    }

    /// The W120 walk only follows the parts of a case some declaration can reach. What it finds
    /// must be what visiting every value found (the reference below): every shipped template's
    /// declarations — list steps, `[1:]`, `except-index` — against every sample case, every kind,
    /// and the measure sample with its addressee moved to each guardian and to none.
    @Test func theWalkFindsWhatVisitingEveryValueFinds() throws {
        let root = TestPaths.repositoryRoot
        let library = try TemplateLibrary(root: root.appendingPathComponent("Templates"))
        let samples = try FileManager.default.contentsOfDirectory(
            at: root.appendingPathComponent("samples/cases"), includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        var cases = samples.flatMap { CaseLoader().load(contentsOf: $0) }
        let measure = try String(contentsOf: root.appendingPathComponent("samples/cases/recommendation-measure.yaml"), encoding: .utf8)
        #expect(measure.contains("addressee: 1"))
        for moved in ["addressee: 0", "addressee: 2", "addressee: 5", ""] {
            cases += CaseLoader().load(data: Data(measure.replacingOccurrences(of: "addressee: 1", with: moved).utf8),
                                       format: .yaml, displayName: "measure.yaml")
        }
        var compared = 0, warned = 0
        for loaded in cases {
            guard let tree = loaded.root else { continue }
            for kind in DocumentKind.allCases {
                guard let declared = try? library.template(municipality: "990019", kind: kind.rawValue).template.unprinted,
                      !declared.isEmpty else { continue }
                let found = Validator().validate(loaded, kind: kind, context: ValidationContext(unprinted: declared))
                    .filter { $0.code == .w120 }.map(\.path)
                let expected = Self.everyValueWalk(tree, kind: kind, declared: declared)
                #expect(found == expected, "\(loaded.source) \(kind.rawValue)")
                compared += 1
                warned += found.count
            }
        }
        #expect(compared > 50 && warned > 20, "\(compared) comparisons, \(warned) warnings")
    }

    /// The walk as it was: every value of every printed section, each asked against every declaration.
    static func everyValueWalk(_ root: CaseNode, kind: DocumentKind, declared: [UnprintedValue]) -> [String] {
        var found: [String] = []
        func covers(_ declaration: UnprintedValue, _ tokens: [String]) -> Bool {
            guard declaration.path.covers(tokens) else { return false }
            guard let except = declaration.exceptIndex?.plainPointer,
                  let index = declaration.path.firstItemIndex(in: tokens),
                  case .integer(let printed)? = root.resolve(pointer: except)?.value else { return true }
            return index != printed
        }
        func visit(_ node: CaseNode, _ tokens: [String]) {
            if declared.contains(where: { covers($0, tokens) }) {
                if node.holdsValue { found.append("/" + tokens.joined(separator: "/")) }
                return
            }
            switch node.value {
            case .array(let items): for (index, item) in items.enumerated() { visit(item, tokens + [String(index)]) }
            case .object(let members): for member in members { visit(member.node, tokens + [member.key]) }
            default: break
            }
        }
        guard case .object(let members) = root.value else { return [] }
        let sections = GlyphRules.printedSections(for: kind)
        for member in members where sections.contains(member.key) { visit(member.node, [member.key]) }
        return found
    }

    /// Issue #22: a recommended item the chosen form does not print is not asked for (no W103
    /// for 状況 when the form has no place for it); a form that prints it still asks.
    @Test func aRecommendedItemTheFormLeavesOutIsNotAskedFor() throws {
        let declared = [UnprintedValue(path: try #require(CasePathPattern("child.situation")), reason: "状況の欄がない",
                                       location: .file("t.xml"))]
        let without = Validate.yaml(Self.plan, kind: .supportPlan, context: ValidationContext(unprinted: declared)).map(\.code)
        #expect(!without.contains(.w103))
        #expect(without.contains(.w105), "other recommended items are still asked for")
        #expect(Validate.yaml(Self.plan, kind: .supportPlan).map(\.code).contains(.w103))
    }
}
