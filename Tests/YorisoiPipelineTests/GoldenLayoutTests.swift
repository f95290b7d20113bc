import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiDisplayList
import YorisoiLayout
import YorisoiPipeline
import YorisoiText

/// Golden layout tests, SILE-style: each fixed input is laid out and its display list dumped as
/// text (`DisplayListDump`, one line per item), then compared with the expected file in
/// Tests/Fixtures/layout-golden/. Where the PDF hashes only say *that* a layout changed, a
/// failing dump says *where*: the first differing lines are printed like a unified diff.
///
/// After a change that alters layout on purpose, `scripts/update-layout-golden` rewrites the
/// files (this suite with YORISOI_UPDATE_LAYOUT_GOLDEN=1); review `git diff` and commit them.
@Suite struct GoldenLayoutTests {
    static let root = TestPaths.repositoryRoot
    static let folder = root.appendingPathComponent("Tests/Fixtures/layout-golden")
    static let locator = ResourceLocator(root: root)
    static let fonts: FontLibrary = try! FontLibrary(configurationFile: locator.fontConfiguration)
    static let renderer: Renderer = try! Renderer(locator: locator, fonts: fonts)

    static var updating: Bool { ProcessInfo.processInfo.environment["YORISOI_UPDATE_LAYOUT_GOLDEN"] == "1" }

    /// Compares `document`'s dump with `name`.txt, or rewrites that file when updating.
    static func check(_ document: PDFDocument, against name: String) throws {
        let actual = DisplayListDump.text(of: document)
        let file = folder.appendingPathComponent(name + ".txt")
        if updating {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        if let difference = LayoutDiff.firstDifference(expected: expected, actual: actual, name: name) {
            Issue.record(Comment(rawValue: difference + "\nif the change is on purpose, run scripts/update-layout-golden"))
        }
    }

    @Test func specimen() throws {
        try Self.check(try Specimen(fonts: Self.fonts).document(), against: "specimen")
    }

    @Test func supportPlan() throws {
        let file = Self.root.appendingPathComponent("samples/cases/mihon-national-support-plan.yaml")
        let loaded = try #require(CaseLoader().load(contentsOf: file).first)
        let laid = try Self.renderer.layOut(loaded, kind: .supportPlan)
        #expect(!laid.hasErrors)
        let result = try #require(laid.layout)
        let info = try #require(laid.info)
        try Self.check(result.pdfDocument(info: info), against: "support-plan-mihon-national")
    }

    /// A recommendation without its 文書番号: the blank 「袖こ家第　　号」 and the 見本 mark drawn
    /// first on the page (the numbered notice is pinned by the PDF hashes).
    @Test func draftRecommendation() throws {
        let file = Self.root.appendingPathComponent("samples/cases/sodegaura-notices.yaml")
        let source = try String(contentsOf: file, encoding: .utf8)
        let draft = source.replacingOccurrences(of: "  number: 袖こ家第87号\n", with: "")
        #expect(draft != source)
        let loaded = try #require(CaseLoader().load(data: Data(draft.utf8), format: .yaml, displayName: "draft.yaml").first)
        let laid = try Self.renderer.layOut(loaded, kind: .recommendation)
        #expect(!laid.hasErrors)
        let result = try #require(laid.layout)
        let info = try #require(laid.info)
        try Self.check(result.pdfDocument(info: info), against: "recommendation-draft-sodegaura")
    }

    /// Label cells two and three characters wide holding longer text: the shrink-to-fit and
    /// 均等割り paths of table layout, without a template.
    @Test func narrowCells() throws {
        let mincho = try Self.fonts.chain(family: "mincho")
        let style = TextStyle(chain: mincho, size: 10.5)
        func cell(_ text: String, alignment: TextAlignment = .justify, background: Double? = nil) -> TableCell {
            TableCell([.paragraph(ParagraphBlock(text, style: style, alignment: alignment))],
                      style: CellStyle(background: background))
        }
        let rows = [
            TableRow(cells: [cell("氏名", alignment: .distribute, background: 0.9), cell("山﨑　髙橋"),
                             cell("続柄", alignment: .distribute, background: 0.9), cell("長女")]),
            TableRow(cells: [cell("心配していること", background: 0.9),
                             cell("夜ねむれない日が週に三日ほどあり、朝起きられずに登校できないことがある。"),
                             cell("連絡先", alignment: .distribute, background: 0.9),
                             cell("0438-00-0000（平日8:30〜17:15）")]),
            TableRow(cells: [cell("URL", background: 0.9),
                             cell("https://www.example.jp/kosodate/shien/form.html?id=123&lang=ja"),
                             cell("時期", alignment: .distribute, background: 0.9), cell("令和7年5月頃")]),
        ]
        let table = TableBlock(columns: [.points(3 * 10.5 + 6), .fraction(2), .points(2 * 10.5 + 6), .points(5 * 10.5 + 6)],
                               rows: rows, width: 300)
        let document = LayoutDocument(defaultStyle: style, body: [.table(table)], title: "狭いセル")
        let result = try Layout.run(document)
        // The phone number is set smaller to fit its cell (a note), nothing is an error.
        #expect(result.diagnostics.count == 1)
        #expect(!result.diagnostics.contains { $0.severity == .error })
        try Self.check(result.pdfDocument(info: DocumentInfo(date: try PDFDate(year: 2025, month: 1, day: 17))),
                       against: "narrow-cells")
    }

    /// The meeting packet: cover, 進行管理表 and each case's documents, every page carrying the
    /// confidentiality line and page number of the packet overlay.
    @Test func packet() throws {
        let file = Self.root.appendingPathComponent("samples/meetings/mihon-progress-review.yaml")
        let loaded = MeetingLoader().load(contentsOf: file, displayName: file.lastPathComponent)
        let meeting = try #require(loaded.meeting)
        let laid = try PacketBuilder(renderer: Self.renderer, jobs: 1).layOut(meeting, meetingFile: file.lastPathComponent)
        let document = try #require(laid.document)
        try Self.check(document, against: "packet-mihon-progress-review")
    }

    @Test func diffPointsAtTheFirstDifferingLine() {
        let expected = "page 1\n1 a\n1 b\n1 c\n1 d\n"
        let actual = "page 1\n1 a\n1 B\n1 c\n1 d\n1 e\n"
        let text = LayoutDiff.firstDifference(expected: expected, actual: actual, name: "x")
        #expect(text?.contains("@@ line 3 @@") == true)
        #expect(text?.contains("-1 b\n-1 c\n-1 d\n+1 B\n+1 c\n+1 d\n+1 e") == true)
        #expect(text?.contains(" 1 a") == true)
        #expect(LayoutDiff.firstDifference(expected: expected, actual: expected, name: "x") == nil)
    }
}

/// Where two dumps part: a header, up to three lines of shared context, then the expected (-)
/// and actual (+) lines of the differing stretch, at most twelve of each.
enum LayoutDiff {
    static func firstDifference(expected: String, actual: String, name: String) -> String? {
        guard expected != actual else { return nil }
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var first = 0
        while first < old.count, first < new.count, old[first] == new[first] { first += 1 }
        // The stretch ends where the two agree again (same line at the same offset from the end).
        var oldEnd = old.count, newEnd = new.count
        while oldEnd > first, newEnd > first, old[oldEnd - 1] == new[newEnd - 1] { oldEnd -= 1; newEnd -= 1 }
        var lines = ["--- \(name).txt (expected)", "+++ \(name).txt (actual)", "@@ line \(first + 1) @@"]
        lines += old[max(0, first - 3)..<first].map { " " + $0 }
        lines += old[first..<min(oldEnd, first + 12)].map { "-" + $0 }
        if oldEnd - first > 12 { lines.append("-… \(oldEnd - first - 12) more") }
        lines += new[first..<min(newEnd, first + 12)].map { "+" + $0 }
        if newEnd - first > 12 { lines.append("+… \(newEnd - first - 12) more") }
        lines.append("(\(old.count) lines expected, \(new.count) actual)")
        return lines.joined(separator: "\n")
    }
}
