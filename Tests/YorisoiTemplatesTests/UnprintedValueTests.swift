import Foundation
import Testing
@testable import YorisoiTemplates

/// `<unprinted>`: the values a form deliberately does not print, with reasons.
@Suite struct UnprintedValueTests {
    private func template(_ unprinted: String, kind: String = "support-plan") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<template kind=\"\(kind)\">\n<unprinted>\n\(unprinted)\n</unprinted>\n<text>x</text>\n</template>\n"
    }

    @Test func patternsCoverTheirValueAndWhatIsInside() throws {
        let family = try #require(CasePathPattern("family"))
        #expect(family.covers(pointer: "/family"))
        #expect(family.covers(pointer: "/family/1/name"))
        #expect(!family.covers(pointer: "/familyname"))
        #expect(!family.covers(pointer: "/guardians/0"))
        let later = try #require(CasePathPattern("guardians[1:]"))
        #expect(!later.covers(pointer: "/guardians/0/name"))
        #expect(later.covers(pointer: "/guardians/1/name"))
        #expect(later.covers(pointer: "/guardians/2"))
        let status = try #require(CasePathPattern("plan.supports[].status"))
        #expect(status.covers(pointer: "/plan/supports/0/status"))
        #expect(!status.covers(pointer: "/plan/supports/0/service"))
        for bad in ["", "plan.", ".plan", "plan[x]", "plan[-1:]", "計画", "plan..x"] {
            #expect(CasePathPattern(bad) == nil, "\(bad)")
        }
    }

    @Test func declarationsLoadWithTheirReasons() throws {
        let root = try Fixtures.scratchTemplates(["990019-見本市/support-plan.xml": template("""
          <value path="family" reason="家族欄がない"/>
          <value path="plan.supports[].status" reason="達成状況の欄がない"/>
        """)])
        let loaded = try TemplateLoader(templatesRoot: root).load(root.appendingPathComponent("990019-見本市/support-plan.xml"))
        #expect(loaded.unprinted.map(\.path.description) == ["family", "plan.supports[].status"])
        #expect(loaded.unprinted.map(\.reason) == ["家族欄がない", "達成状況の欄がない"])
        #expect(loaded.unprintedDeclaration(for: "/family/0/name")?.reason == "家族欄がない")
        #expect(loaded.unprintedDeclaration(for: "/plan/supports/0/content") == nil)
    }

    @Test(arguments: ["plan", "plan.intent", "plan.intent.guardian", "plan.issues", "plan.issues[]",
                      "plan.issues[].text", "plan.supports[].service", "plan.supports[].content", "plan.supports[1:]"])
    func mandatoryItemsCannotBeDeclaredOnASupportPlan(path: String) throws {
        let error = try #require(try Fixtures.loadError(template("<value path=\"\(path)\" reason=\"r\"/>")))
        #expect(error.code == .unprintedMandatory)
        #expect(error.location.line == 4)
    }

    @Test func otherPlanValuesMayBeDeclared() throws {
        #expect(try Fixtures.loadError(template("<value path=\"plan.issues[].solution\" reason=\"r\"/>")) == nil)
        #expect(try Fixtures.loadError(template("<value path=\"plan.supports[].status\" reason=\"r\"/>")) == nil)
    }

    @Test func aBadPathIsABadAttribute() throws {
        let error = try #require(try Fixtures.loadError(template("<value path=\"plan..x\" reason=\"r\"/>")))
        #expect(error.code == .badAttribute || error.code == .schemaViolation)
    }

    @Test func shippedSupportPlansDeclareWithReasonsAndInheritOrReplace() throws {
        let library = try Fixtures.library()
        let national = try library.template(municipality: "990019", kind: "support-plan").template
        #expect(national.unprinted.contains { $0.path.description == "family" })
        // 袖ケ浦市 prints 家族 rows from family[]: its own list replaces the national one.
        let sodegaura = try library.template(municipality: "122297", kind: "support-plan").template
        #expect(!sodegaura.unprinted.contains { $0.path.description == "family" })
        #expect(sodegaura.unprintedDeclaration(for: "/family/0/name") == nil)
        for template in [national, sodegaura] {
            #expect(template.unprinted.allSatisfy { !$0.reason.isEmpty })
        }
    }
}
