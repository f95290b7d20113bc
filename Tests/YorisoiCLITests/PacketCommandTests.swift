import Foundation
import Testing
import TestSupport

/// `yorisoi packet` end to end: the outline, the page labels, the copy numbers and the
/// confidentiality line are read back with qpdf and poppler, never from our own bytes.
@Suite struct PacketCommandTests {
    static let cases = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")

    func packet(_ arguments: [String]) throws -> ExternalTool.Result {
        try ExternalTool.run(TestPaths.yorisoiExecutable.path, ["packet"] + arguments,
                             currentDirectory: TestPaths.repositoryRoot)
    }

    /// A meeting file in a fresh folder, listing sample cases by absolute path.
    func meeting(kind: String, cases: [(file: String, agenda: String, documents: String?)],
                 in folder: URL, extra: String = "") throws -> URL {
        var text = """
            version: 1
            municipality: "990019"
            meeting: {kind: \(kind), title: テスト用の会議, date: 2025-02-14, place: 架空会議室\(extra)}
            documents: [support-plan]
            cases:

            """
        for item in cases {
            let path = item.file.hasPrefix("/") ? item.file : Self.cases.appendingPathComponent(item.file).path
            text += "  - {file: \"\(path)\", agenda: \(item.agenda)"
                + (item.documents.map { ", documents: [\($0)]" } ?? "") + "}\n"
        }
        let url = folder.appendingPathComponent("meeting.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The outline as (depth, title, page from 1), in order.
    func outline(_ pdf: URL) throws -> [(depth: Int, title: String, page: Int)] {
        let json = try ExternalTool.run("qpdf", ["--json", "--json-key=outlines", pdf.path]).stdout
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        var found: [(Int, String, Int)] = []
        func walk(_ items: [[String: Any]], _ depth: Int) {
            for item in items {
                found.append((depth, item["title"] as? String ?? "", item["destpageposfrom1"] as? Int ?? 0))
                walk(item["kids"] as? [[String: Any]] ?? [], depth + 1)
            }
        }
        walk(root?["outlines"] as? [[String: Any]] ?? [], 0)
        return found
    }

    /// Page label ranges as (first page index, prefix).
    func pageLabels(_ pdf: URL) throws -> [(index: Int, prefix: String)] {
        let json = try ExternalTool.run("qpdf", ["--json", "--json-key=pagelabels", pdf.path]).stdout
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (root?["pagelabels"] as? [[String: Any]] ?? []).map { range in
            let label = range["label"] as? [String: Any]
            let prefix = (label?["/P"] as? String ?? "").replacingOccurrences(of: "u:", with: "")
            return (range["index"] as? Int ?? -1, prefix)
        }
    }

    /// Each page's text in drawing order (pdftotext separates pages with form feeds), spaces
    /// removed. Drawing order keeps a 均等割り label such as 「次　第」 in one piece.
    func pageTexts(_ pdf: URL) throws -> [String] {
        let text = try ExternalTool.pdftotext(pdf, extraArguments: ["-raw"])
        return text.split(separator: "\u{0C}", omittingEmptySubsequences: false).dropLast()
            .map { $0.filter { !$0.isWhitespace } }
    }

    @Test func samplePacketHasCoverTableCasesOutlineAndConfidentialityOnEveryPage() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let pdf = folder.appendingPathComponent("packet.pdf")
        let result = try packet(["samples/meetings/mihon-progress-review.yaml", "-o", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try ExternalTool.qpdfCheck(pdf).status == 0)

        // One subset per font for the whole packet, every one embedded with ToUnicode.
        let fonts = try ExternalTool.pdffonts(pdf)
        #expect(fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode })
        let families = fonts.map { String($0.name.drop { $0 != "+" }.dropFirst()) }
        #expect(Set(families).count == families.count, "a font is embedded more than once: \(families)")

        let pages = try pageTexts(pdf)
        try #require(pages.count >= 5)
        for (index, text) in pages.enumerated() {
            #expect(text.contains("取扱注意"), "page \(index + 1) has no confidentiality line")
            #expect(text.contains("児童福祉法第25条の5"), "page \(index + 1) has no basis")
            #expect(text.contains("\(index + 1)/\(pages.count)"), "page \(index + 1) has no n / N")
        }
        #expect(pages[0].contains("令和7年度第3回進行管理会議"))
        #expect(pages[0].contains("次第"))
        #expect(pages[1].contains("進行管理表"))

        // The outline: cover, table, then one entry per case, 協議 before 情報共有.
        let entries = try outline(pdf).filter { $0.depth == 0 }
        try #require(entries.count == 6)
        #expect(entries.map(\.title) == ["表紙・次第", "進行管理表", "MH-0002（協議）", "MH-0004（協議）",
                                         "MH-0001（情報共有）", "MH-0003（情報共有）"])
        #expect(entries.map(\.page) == entries.map(\.page).sorted())
        // The case's first page carries its document, and the 進行管理表 points there.
        let firstCase = entries[2].page
        try #require((1...pages.count).contains(firstCase))
        #expect(pages[firstCase - 1].contains("サポートプラン"))
        #expect(pages[1].contains("MH-0002"))

        #expect(try pageLabels(pdf).map(\.index) == [0])
    }

    @Test func copiesAreNumberedLabelledAndOutlinedOnePerCopy() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let meetingFile = try meeting(kind: "実務者会議", cases: [
            ("mihon-national-support-plan.yaml", "情報共有", nil), ("rare-names.yaml", "協議", nil),
        ], in: folder)
        let single = folder.appendingPathComponent("one.pdf")
        let triple = folder.appendingPathComponent("three.pdf")
        #expect(try packet([meetingFile.path, "-o", single.path]).status == 0)
        let result = try packet([meetingFile.path, "-o", triple.path, "--copies", "3"])
        #expect(result.status == 0, "\(result.stderr)")

        let perCopy = try pageTexts(single).count
        let pages = try pageTexts(triple)
        try #require(perCopy > 0 && pages.count == 3 * perCopy)
        for (index, text) in pages.enumerated() {
            let copy = index / perCopy + 1
            #expect(text.contains("配布番号\(copy)/3"), "page \(index + 1) should be copy \(copy)")
            #expect(text.contains("\(index % perCopy + 1)/\(perCopy)"))
        }
        #expect(try pageLabels(triple).map(\.index) == [0, perCopy, 2 * perCopy])
        #expect(try pageLabels(triple).map(\.prefix) == ["配布1-", "配布2-", "配布3-"])

        let top = try outline(triple).filter { $0.depth == 0 }
        #expect(top.map(\.title) == ["配布番号 1 / 3", "配布番号 2 / 3", "配布番号 3 / 3"])
        #expect(top.map(\.page) == [1, perCopy + 1, 2 * perCopy + 1])
        // 協議 first, whatever the order in the meeting file.
        let cases = try outline(triple).filter { $0.depth == 1 && $0.title.contains("（") }.prefix(2)
        #expect(cases.map(\.title) == ["MH-0002（協議）", "MH-0001（情報共有）"])
    }

    /// 合同ケース会議 and 個別ケース検討会議 print only what the family agreed to share; the
    /// 実務者会議 and 進行管理会議 review every registered case; a council meeting may opt in.
    @Test func withoutConsentACaseIsLeftOutOfTheCaseMeetingsUnlessTheCouncilOptsIn() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        // MH-0003 records no consent.
        let cases: [(String, String, String?)] = [("mihon-national-support-plan.yaml", "協議", nil),
                                                 ("recommendation-measure.yaml", "協議", nil)]

        for kind in ["合同ケース会議", "個別ケース検討会議"] {
            let pdf = folder.appendingPathComponent("left-out.pdf")
            let result = try packet([try meeting(kind: kind, cases: cases, in: folder).path, "-o", pdf.path])
            #expect(result.status == 0, "\(kind): \(result.stderr)")
            #expect(result.stderr.contains("W701"), "\(kind)")
            let titles = try outline(pdf).map(\.title)
            #expect(titles.contains("MH-0001（協議）"), "\(kind)")
            #expect(!titles.contains { $0.hasPrefix("MH-0003") }, "\(kind): \(titles)")
            let cover = try #require(try pageTexts(pdf).first)
            #expect(cover.contains("載せていないケース（1件）") || cover.contains("載せていないケース(1件)"), "\(kind)")
            #expect(cover.contains("MH-0003"), "\(kind)")
            #expect(cover.contains(kind == "合同ケース会議" ? "地方公務員法第34条" : "児童福祉法第25条の5"), "\(kind)")
        }

        for (kind, extra) in [("実務者会議", ""), ("個別ケース検討会議", ", include_unconsented: true")] {
            let pdf = folder.appendingPathComponent("council.pdf")
            let file = try meeting(kind: kind, cases: cases, in: folder, extra: extra)
            #expect(try packet([file.path, "-o", pdf.path]).status == 0, "\(kind)")
            #expect(try outline(pdf).map(\.title).contains("MH-0003（協議）"), "\(kind)")
            #expect(try pageTexts(pdf).first?.contains("要保護児童対策地域協議会の協議として載せているケース") == true, "\(kind)")
        }

        // Only a council meeting may print a case without consent.
        let refused = try meeting(kind: "合同ケース会議", cases: cases, in: folder, extra: ", include_unconsented: true")
        let pdf = folder.appendingPathComponent("refused.pdf")
        let result = try packet([refused.path, "-o", pdf.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("E702 /meeting/include_unconsented"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    @Test func aBrokenCaseIsListedOnTheCoverAndTheRestIsStillPrinted() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let sample = try String(contentsOf: Self.cases.appendingPathComponent("mihon-national-support-plan.yaml"), encoding: .utf8)
        // No ② 課題: the plan must not be printed.
        var broken = sample.replacingOccurrences(of: "id: \"MH-0001\"", with: "id: \"MH-0901\"")
        broken = broken.replacingOccurrences(of: "  issues:", with: "  old_issues:")
        let brokenFile = folder.appendingPathComponent("broken.yaml")
        try broken.write(to: brokenFile, atomically: true, encoding: .utf8)
        // Not YAML at all: at the centre's own meeting it must still be listed as not made,
        // not quietly left out as a case without consent.
        let unreadable = folder.appendingPathComponent("unreadable.yaml")
        try "id: [R6-0999\n".write(to: unreadable, atomically: true, encoding: .utf8)
        let meetingFile = try meeting(kind: "合同ケース会議", cases: [
            ("mihon-national-support-plan.yaml", "協議", nil), (brokenFile.path, "協議", nil),
            (unreadable.path, "情報共有", nil),
        ], in: folder)
        let pdf = folder.appendingPathComponent("packet.pdf")
        let result = try packet([meetingFile.path, "-o", pdf.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("E102"))
        #expect(try ExternalTool.qpdfCheck(pdf).status == 0)
        let cover = try #require(try pageTexts(pdf).first)
        #expect(cover.contains("作成できなかった書類"))
        #expect(cover.contains("MH-0901サポートプラン(E102") || cover.contains("MH-0901サポートプラン（E102"))
        #expect(!cover.contains("協議会の協議として載せている"))
        #expect(cover.contains("unreadableサポートプラン(E004") || cover.contains("unreadableサポートプラン（E004"))
        #expect(try outline(pdf).map(\.title).contains("MH-0001（協議）"))
    }

    @Test func meetingFileProblemsNameTheFieldAndWriteNothing() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let bad = folder.appendingPathComponent("bad.yaml")
        try """
            version: 1
            meeting: {kind: 夕方の会議, date: 2025-02-30}
            cases:
              - {file: nowhere.yaml}
            """.write(to: bad, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("packet.pdf")
        let result = try packet([bad.path, "-o", pdf.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("E702 /meeting/kind"))
        #expect(result.stderr.contains("E701 /meeting/title"))
        #expect(result.stderr.contains("E702 /meeting/date"))
        #expect(result.stderr.contains("E701 /cases/0/agenda"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))

        let missing = try meeting(kind: "実務者会議", cases: [("/nonexistent/case.yaml", "協議", nil)], in: folder)
        let second = try packet([missing.path, "-o", pdf.path])
        #expect(second.status == 2)
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }
}
