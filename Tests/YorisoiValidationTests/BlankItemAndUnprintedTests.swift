import Testing
import YorisoiCase
import YorisoiTemplates
import YorisoiValidation

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
