import Foundation
import Testing
import TestSupport
@testable import YorisoiTemplates

/// Broken templates are refused with file:line:column and a specific code.
@Suite struct TemplateErrorTests {
    private let file = "990019-見本市/support-plan.xml"

    private func template(_ body: String, attributes: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<template kind=\"support-plan\"\(attributes)>\n\(body)\n</template>\n"
    }

    @Test func validStandAloneTemplateLoads() throws {
        #expect(try Fixtures.loadError(template("  <text>こんにちは{{ child.name | sama }}</text>")) == nil)
    }

    @Test func unknownElementIsReportedAtItsPosition() throws {
        let error = try #require(try Fixtures.loadError(template("  <block name=\"a\">\n    <bogus/>\n  </block>")))
        #expect(error.code == .schemaViolation)
        #expect(error.location == TemplateLocation(file: file, line: 4, column: 5))
    }

    @Test func badAttributeValueIsReportedAtTheAttribute() throws {
        let xml = template("""
          <table>
            <col width="*"/>
            <row><cell valign="center">x</cell></row>
          </table>
        """)
        let error = try #require(try Fixtures.loadError(xml))
        #expect(error.code == .badAttribute)
        #expect(error.location == TemplateLocation(file: file, line: 5, column: 16))
        #expect(error.detail.contains("top, middle, bottom"))
    }

    @Test func unknownAttributeIsASchemaError() throws {
        let error = try #require(try Fixtures.loadError(template("  <text colour=\"red\">x</text>")))
        #expect(error.code == .schemaViolation)
        #expect(error.location.line == 3)
        #expect(error.location.column == 3 || error.location.column == 9)
    }

    @Test func badLengthIsReportedAtTheAttribute() throws {
        let error = try #require(try Fixtures.loadError(template("  <spacer height=\"3cm\"/>")))
        #expect(error.code == .badAttribute)
        #expect(error.location == TemplateLocation(file: file, line: 3, column: 11))
    }

    @Test func expressionErrorsPointInsideTheText() throws {
        let error = try #require(try Fixtures.loadError(template("  <text>氏名：{{ child.name | nosuch }}</text>")))
        #expect(error.code == .unknownFilter)
        // <text> at column 3, content at 9, 「氏名：」 3 columns, "{{ child.name | " 16 more.
        #expect(error.location == TemplateLocation(file: file, line: 3, column: 28))
    }

    @Test func expressionErrorsPointInsideTheAttribute() throws {
        let error = try #require(try Fixtures.loadError(template("  <if test=\"plan.review ==\">x</if>")))
        #expect(error.code == .expressionSyntax)
        #expect(error.location == TemplateLocation(file: file, line: 3, column: 27))
    }

    @Test func unclosedSlotIsAnError() throws {
        let error = try #require(try Fixtures.loadError(template("  <text>a{{ child.name</text>")))
        #expect(error.code == .expressionSyntax)
        #expect(error.location == TemplateLocation(file: file, line: 3, column: 10))
    }

    @Test func duplicateBlockNamesAreRefused() throws {
        let error = try #require(try Fixtures.loadError(template("  <block name=\"a\"/>\n  <block name=\"a\"/>")))
        #expect(error.code == .duplicateName)
        #expect(error.location == TemplateLocation(file: file, line: 4, column: 10))
    }

    @Test func kindMustMatchTheFileName() throws {
        let error = try #require(try Fixtures.loadError(template("  <text>x</text>"), name: "assessment.xml"))
        #expect(error.code == .kindMismatch)
        #expect(error.location.line == 2)
    }

    @Test func cellsMayNotSpanMoreColumnsThanDeclared() throws {
        let xml = template("  <table><col width=\"*\"/><row><cell colspan=\"2\"/></row></table>")
        #expect(try Fixtures.loadError(xml)?.code == .badAttribute)
    }

    @Test(arguments: [
        "../national/support-plan.xml", "/etc/passwd.xml", "national/../../secret.xml",
        "./support-plan-base.xml", "national//support-plan.xml", "..\\x.xml",
    ])
    func escapingReferencesAreRefused(reference: String) throws {
        let xml = template("", attributes: " extends=\"\(reference)\"")
        let error = try #require(try Fixtures.loadError(xml))
        #expect(error.code == .referenceRefused || error.code == .schemaViolation)
        #expect(error.location.line == 2)
    }

    @Test func symlinkOutOfTheFolderIsRefused() throws {
        let outside = try TestPathsHelper.writeOutsideTemplate()
        let root = try Fixtures.scratchTemplates([
            "990019-見本市/support-plan.xml": template("", attributes: " extends=\"base.xml\""),
        ])
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("990019-見本市/base.xml"),
                                                   withDestinationURL: outside)
        let loader = try TemplateLoader(templatesRoot: root)
        do {
            _ = try loader.load(root.appendingPathComponent("990019-見本市/support-plan.xml"))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == .referenceRefused)
            #expect(error.location.line == 2)
        }
    }

    @Test func missingBaseIsReported() throws {
        let error = try #require(try Fixtures.loadError(template("", attributes: " extends=\"national/nothing.xml\"")))
        #expect(error.code == .referenceMissing)
    }

    @Test func inheritanceReplacesTheNamedBlockOnly() throws {
        let root = try Fixtures.scratchTemplates([
            "990019-見本市/support-plan.xml": template(
                "  <block name=\"greeting\"><text>差し替えた挨拶</text></block>",
                attributes: " extends=\"national/support-plan.xml\" orientation=\"landscape\""),
        ])
        let loader = try TemplateLoader(templatesRoot: root)
        let merged = try loader.load(root.appendingPathComponent("990019-見本市/support-plan.xml"))
        let base = try loader.load(root.appendingPathComponent("national/support-plan.xml"))
        #expect(merged.page.orientation == .landscape)
        #expect(merged.sources == ["990019-見本市/support-plan.xml", "national/support-plan.xml"])
        #expect(merged.body.count == base.body.count)
        for (m, b) in zip(merged.body, base.body) {
            guard case .block(let mb) = m, case .block(let bb) = b else { continue }
            #expect(mb.name == bb.name)
            if mb.name == "greeting" {
                #expect(mb != bb)
                guard case .paragraph(let p) = mb.content.first, case .text(let t, _) = p.content.first else {
                    Issue.record("expected replaced paragraph")
                    continue
                }
                #expect(t.literalText == "差し替えた挨拶")
            } else {
                #expect(mb == bb)
            }
        }
    }

    @Test func replacingAnUnknownBlockIsAnError() throws {
        let xml = template("  <block name=\"nonexistent\"/>", attributes: " extends=\"national/support-plan.xml\"")
        let error = try #require(try Fixtures.loadError(xml))
        #expect(error.code == .inheritance)
        #expect(error.location == TemplateLocation(file: file, line: 3, column: 3))
    }

    @Test func extendingTemplatesHoldOnlyNamedBlocks() throws {
        let xml = template("  <text>x</text>", attributes: " extends=\"national/support-plan.xml\"")
        #expect(try Fixtures.loadError(xml)?.code == .schemaViolation)
    }

    @Test func unknownCatalogueIsReportedAtTheChecklist() throws {
        let root = try Fixtures.scratchTemplates([
            "990019-見本市/support-plan.xml": template("  <checklist catalogue=\"nothing\"/>"),
            "990019-見本市/municipality.yaml": try String(
                contentsOf: Fixtures.templatesRoot.appendingPathComponent("990019-見本市/municipality.yaml"), encoding: .utf8),
        ])
        let library = try TemplateLibrary(root: root)
        do {
            _ = try library.template(municipality: "990019", kind: "support-plan")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownCatalogue)
            #expect(error.location == TemplateLocation(file: file, line: 3, column: 3))
        }
    }
}

enum TestPathsHelper {
    /// A valid template file outside any Templates folder, for symlink escapes.
    static func writeOutsideTemplate() throws -> URL {
        let url = try TestPaths.makeTemporaryDirectory("yorisoi-outside").appendingPathComponent("outside.xml")
        try Data("<template kind=\"support-plan\"><text>outside</text></template>".utf8).write(to: url)
        return url
    }
}
