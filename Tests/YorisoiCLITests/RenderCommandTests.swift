import Foundation
import Testing
import TestSupport

/// `yorisoi render` end to end, through the real executable, proven with poppler and qpdf.
@Suite struct RenderCommandTests {
    static let samples = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")

    func render(_ arguments: [String], environment: [String: String]? = nil) throws -> ExternalTool.Result {
        try ExternalTool.run(TestPaths.yorisoiExecutable.path, ["render"] + arguments,
                             currentDirectory: TestPaths.repositoryRoot, environment: environment)
    }

    /// Text without the layout's spaces and line breaks, so a value split across lines or set
    /// with 和欧間 spacing is still found.
    func squeezed(_ text: String) -> String {
        text.filter { !$0.isWhitespace }
    }

    /// The five templates: national (through 見本市), 袖ケ浦市, 涌谷町, 守谷市 保護者版 and こども版,
    /// with the case sections each form prints. The 守谷市 sheets are check lists with goals and
    /// supports; like the paper form they have no name or 意向 fields.
    static let templateCases: [(sample: String, kind: String, sections: [String])] = [
        ("mihon-national-support-plan.yaml", "support-plan", ["guardians", "intent", "issues", "supports"]),
        ("sodegaura-support-plan.yaml", "support-plan", ["child", "guardians", "intent", "issues", "supports"]),
        ("wakuya-support-plan.yaml", "support-plan", ["child", "guardians", "intent", "issues", "supports"]),
        ("moriya-support-plan.yaml", "support-plan", ["goals", "supports"]),
        ("moriya-support-plan.yaml", "support-plan-child", ["child"]),
    ]

    @Test(arguments: 0..<5)
    func eachTemplateRendersItsSample(index: Int) throws {
        let (sample, kind, sections) = Self.templateCases[index]
        let folder = try TestPaths.makeTemporaryDirectory()
        let pdf = folder.appendingPathComponent("out.pdf")
        let result = try render([Self.samples.appendingPathComponent(sample).path, "--kind", kind, "-o", pdf.path])
        #expect(result.status == 0, "\(sample) \(kind): \(result.stderr)")
        #expect(try ExternalTool.qpdfCheck(pdf).status == 0)
        let fonts = try ExternalTool.pdffonts(pdf)
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode })
        // Every value of the sections this form prints must be in the text. -raw keeps the
        // drawing order, which is cell by cell, so neighbouring cells do not interleave.
        let text = squeezed(try ExternalTool.pdftotext(pdf, extraArguments: ["-raw"]))
        let values = try BoundValues.printedValues(of: Self.samples.appendingPathComponent(sample), sections: sections)
        #expect(!values.isEmpty)
        for value in values {
            #expect(text.contains(squeezed(value)), "\(sample) \(kind): missing a value of \(value.count) characters")
        }
    }

    @Test func longCaseFlowsOntoFurtherPagesWithHeaderRowsRepeated() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let pdf = folder.appendingPathComponent("long.pdf")
        let result = try render([Self.samples.appendingPathComponent("long-text-eight-supports.yaml").path,
                                 "--kind", "support-plan", "-o", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try ExternalTool.run("pdfinfo", [pdf.path]).stdout
            .split(separator: "\n").first { $0.hasPrefix("Pages:") }
        let count = Int(pages?.split(separator: " ").last ?? "") ?? 0
        #expect(count >= 2)
        // The header row of the supports table (今 現在 / 将来 未来) repeats on every page it continues on.
        var pagesWithHeader = 0
        for page in 1...count {
            let text = squeezed(try ExternalTool.pdftotext(pdf, extraArguments: ["-raw", "-f", "\(page)", "-l", "\(page)"]))
            if text.contains("今現在") && text.contains("将来未来") { pagesWithHeader += 1 }
        }
        #expect(pagesWithHeader >= 2)
        // Nothing drawn outside the page's printable area (pdftotext -bbox gives every word's box).
        let boxes = try ExternalTool.run("pdftotext", ["-bbox", pdf.path, "-"]).stdout
        let words = try TextBoxes.parse(boxes)
        #expect(!words.isEmpty)
        for word in words {
            #expect(word.xMin >= 20 && word.xMax <= 595.3 - 20 && word.yMin >= 14 && word.yMax <= 841.9 - 14,
                    "a word lies outside the margins on page \(word.page)")
        }
    }

    @Test func invalidCaseExitsOneAndWritesNothing() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let source = try String(contentsOf: Self.samples.appendingPathComponent("sodegaura-support-plan.yaml"), encoding: .utf8)
        // Remove ② 課題: a plan without issues must not be printed.
        let broken = source.replacingOccurrences(of: "  issues:", with: "  issues_removed:")
        let input = folder.appendingPathComponent("broken.yaml")
        try broken.write(to: input, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("broken.pdf")
        let result = try render([input.path, "--kind", "support-plan", "-o", pdf.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("/plan/issues"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["broken.yaml"])
    }

    @Test func fixedCellWithTooMuchTextIsAnOverflowDiagnostic() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let template = folder.appendingPathComponent("tiny.xml")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <template kind="support-plan" title="欄あふれ" page="A4" orientation="portrait" margin="15mm" font="mincho" size="10pt">
          <table>
            <col width="40mm"/>
            <row><cell height="8mm" overflow="shrink" min-size="8pt">{{ child.situation }}</cell></row>
          </table>
        </template>
        """.write(to: template, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("tiny.pdf")
        let result = try render([Self.samples.appendingPathComponent("long-text-eight-supports.yaml").path,
                                 "--kind", "support-plan", "--template", template.path, "-o", pdf.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("E501"))
        #expect(result.stderr.contains("/child/situation"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    @Test(arguments: [
        ("xxe", #"<?xml version="1.0"?><!DOCTYPE t [<!ENTITY e SYSTEM "file:///etc/passwd">]><template kind="support-plan">&e;</template>"#),
        ("laughs", #"<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><template kind="support-plan">&c;</template>"#),
        ("xinclude", #"<?xml version="1.0"?><template kind="support-plan" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd" parse="text"/></template>"#),
        ("malformed", "<?xml version=\"1.0\"?>\n<template kind=\"support-plan\">\n  <table>\n</template>"),
        ("unknown-element", "<?xml version=\"1.0\"?>\n<template kind=\"support-plan\" title=\"x\">\n  <marquee/>\n</template>"),
    ])
    func hostileOrBrokenTemplatesAreRefusedWithAPosition(name: String, xml: String) throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let template = folder.appendingPathComponent("\(name).xml")
        try xml.write(to: template, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("out.pdf")
        let result = try render([Self.samples.appendingPathComponent("sodegaura-support-plan.yaml").path,
                                 "--kind", "support-plan", "--template", template.path, "-o", pdf.path])
        #expect(result.status == 2, "\(name): \(result.stderr)")
        #expect(result.stderr.range(of: "\(name).xml:[0-9]+", options: .regularExpression) != nil, "\(name): \(result.stderr)")
        #expect(!result.stderr.contains("root:x:0:0"))
        #expect(!result.stdout.contains("root:x:0:0"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }
}
