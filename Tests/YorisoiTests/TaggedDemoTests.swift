import Foundation
import Testing
import TestSupport
import Yorisoi

/// Every PDF the demo writes is tagged (PDF/UA-1), proven with readers that are not ours:
/// poppler says Tagged: yes and reads the structure tree with every printed word in it (running
/// footers and page numbers aside, which are artifacts), in the template's order, check boxes
/// announcing their state; and the independent checker `pdfua` (PyPI, on pikepdf; installed by
/// scripts/setup) finds nothing. docs/tagged-pdf.md says what is checked and what is not.
@Suite(.serialized) struct TaggedDemoTests {
    /// The demo's PDFs, written to a temporary folder once for the whole suite (nil: rendering
    /// failed, which GoldenPDFTests reports with its reason).
    static let files: [String: URL]? = try? {
        let dir = try TestPaths.makeTemporaryDirectory("tagged-demo")
        var files: [String: URL] = [:]
        for (name, pdf) in try GoldenPDFTests.rendered() {
            let url = dir.appendingPathComponent(name)
            try Data(pdf).write(to: url)
            files[name] = url
        }
        return files
    }()

    static func written() throws -> [String: URL] {
        try #require(files, "the demo's PDFs could not be rendered")
    }

    /// The quoted texts of `pdfinfo -struct-text`, in tree order.
    static func structureTexts(_ url: URL) throws -> [String] {
        let result = try ExternalTool.run("pdfinfo", ["-struct-text", url.path])
        guard result.status == 0 else { throw ToolFailure(tool: "pdfinfo -struct-text", output: result.stderr) }
        return result.stdout.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.count >= 2, trimmed.hasPrefix("\""), trimmed.hasSuffix("\"") else { return nil }
            return String(trimmed.dropFirst().dropLast())
        }
    }

    struct ToolFailure: Error, CustomStringConvertible {
        var tool: String
        var output: String
        var description: String { "\(tool): \(output)" }
    }

    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    @Test func everyDemoPDFIsTaggedAndPassesPDFUACheck() throws {
        let files = try Self.written()
        #expect(files.count >= 17)
        for (name, url) in files.sorted(by: { $0.key < $1.key }) {
            let info = try ExternalTool.run("pdfinfo", [url.path]).stdout
            #expect(info.contains("Tagged:          yes"), "\(name)")
            #expect(try ExternalTool.qpdfCheck(url).status == 0, "\(name)")
        }
        // One run over all files; exit status 0 means no finding at any severity.
        let check = try ExternalTool.run("pdfua", ["check"] + files.values.map(\.path).sorted())
        #expect(check.status == 0, "pdfua check found problems (is pdfua installed? scripts/setup):\n\(check.stdout)\(check.stderr)")
    }

    /// Every word pdftotext finds is in the structure text, except the running furniture: lines
    /// on every page of a document (the footer's centre name, a packet's 取扱注意 line) and page
    /// numbers 「1 / 2」.
    @Test func everyPrintedWordIsInTheStructureText() throws {
        let files = try Self.written()
        for (name, url) in files.sorted(by: { $0.key < $1.key }) {
            let structure = Self.squeezed(try Self.structureTexts(url).joined())
            let pages = try ExternalTool.pdftotext(url).split(separator: "\u{0C}", omittingEmptySubsequences: false)
                .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
                .filter { !$0.isEmpty }
            let furniture: Set<String> = pages.count > 1
                ? pages.dropFirst().reduce(Set(pages[0])) { $0.intersection($1) } : []
            var missing: [String] = []
            for line in pages.joined() where !furniture.contains(line) {
                if line.wholeMatch(of: /\d+ \/ \d+/) != nil { continue }
                for word in line.split(separator: " ") where !structure.contains(String(word)) {
                    missing.append(String(word))
                }
            }
            #expect(missing.isEmpty, "\(name): printed but not in the structure: \(missing.prefix(10))")
        }
    }

    /// Reading order is the template's: labels before their values, a table row by row, each
    /// check box's state before its label, ticks included.
    @Test(arguments: [
        ("moriya-support-plan-support-plan-child.pdf",
         ["きになることリスト（こども）", "こどもの名前", "仮名こはる", "生年月日", "平成26年12月1日",
          "保護者の名前", "仮名まなみ", "作成日", "令和7年3月11日", "プランID", "M-0311",
          "じぶんのこと", "チェックなし", "からだやこころのこと", "チェックなし", "べんきょうやしんろのこと",
          "そのほか", "チェックあり", "（ともだちのこと、がっこうのこと）"]),
        ("sodegaura-notices-measure.pdf",
         ["袖こ家第142号", "令和7年6月23日", "仮野みのり　様", "袖ケ浦市長　架空一郎",
          "家庭支援事業の利用に係る措置の決定について（通知）", "記", "事業の名称", "子育て世帯訪問支援事業",
          "頻度", "週1回（1回2時間程度）", "期間", "令和7年7月1日から令和7年9月30日まで", "以上", "教示"]),
    ])
    func readingOrderIsTheTemplates(file: String, expected: [String]) throws {
        let url = try #require(try Self.written()[file])
        let texts = try Self.structureTexts(url).map(Self.squeezed)
        var position = texts.startIndex
        for wanted in expected.map(Self.squeezed) {
            guard let found = texts[position...].firstIndex(where: { $0.contains(wanted) }) else {
                Issue.record("\(file): 「\(wanted)」 not found after position \(position) of the structure text")
                return
            }
            position = found + (texts[found] == wanted ? 1 : 0)
        }
    }

    /// The roles a screen reader navigates by are there: a heading, tables with header cells
    /// and their scope, lists of check boxes, a figure with its description.
    @Test func rolesAreThere() throws {
        let files = try Self.written()
        let child = try ExternalTool.run("pdfinfo", ["-struct-text", try #require(files["moriya-support-plan-support-plan-child.pdf"]).path]).stdout
        for role in ["H1 (block)", "Table (block)", "TR", "TH", "TD", "/Scope /Row", "/Scope /Column",
                     "L (block)", "LI (block)", "Lbl (block)", "LBody (block)", "Figure"] {
            #expect(child.contains(role), "\(role)")
        }
        let measure = try ExternalTool.run("pdfinfo", ["-struct-text", try #require(files["sodegaura-notices-measure.pdf"]).path]).stdout
        #expect(measure.contains("H1 (block)\n    \"家庭支援事業の利用に係る措置の決定について（通知）\""), "the template's role=\"h1\"")
    }
}
