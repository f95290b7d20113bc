import Foundation
import Testing
import TestSupport

/// `yorisoi render --kind assessment [--merge]` end to end, through the real executable: each
/// agency's sheet, and the 事務局's consolidated sheet with differing answers marked 相違.
@Suite struct AssessmentCommandTests {
    static let sample = TestPaths.repositoryRoot.appendingPathComponent("samples/cases/assessment-three-agencies.yaml")
    static let agencies = ["見本市立わかば保育園", "見本市保健センター", "見本市立みほん児童館"]
    /// Catalogue labels (Templates/national/assessment-items.yaml) of items the sample answers.
    static let discipline = "たたく、どなるなど、しつけの仕方に心配がある"   // はい vs いいえ: differs
    static let injury = "理由のはっきりしないけがやあざが見られる"            // いいえ twice: agrees
    static let meals = "食事が足りていない様子がある"                        // はい, 不明, はい: agrees

    func render(_ arguments: [String]) throws -> ExternalTool.Result {
        try ExternalTool.run(TestPaths.yorisoiExecutable.path, ["render"] + arguments,
                             currentDirectory: TestPaths.repositoryRoot)
    }

    /// Renders `caseFile` into a fresh folder and returns the PDF, after checking exit 0 and
    /// that the file is sound, with every font embedded, subset and mapped to Unicode.
    func renderedPDF(_ caseFile: URL, merge: Bool) throws -> URL {
        let pdf = try TestPaths.makeTemporaryDirectory().appendingPathComponent("assessment.pdf")
        let result = try render([caseFile.path, "--kind", "assessment", "-o", pdf.path] + (merge ? ["--merge"] : []))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try ExternalTool.qpdfCheck(pdf).status == 0)
        let fonts = try ExternalTool.pdffonts(pdf)
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode })
        return pdf
    }

    /// The text in drawing order (cell by cell) without the layout's white space.
    func text(_ pdf: URL, page: Int? = nil) throws -> String {
        let range = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        return try ExternalTool.pdftotext(pdf, extraArguments: ["-raw"] + range).filter { !$0.isWhitespace }
    }

    func pageCount(_ pdf: URL) throws -> Int {
        let line = try ExternalTool.run("pdfinfo", [pdf.path]).stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return Int(line?.split(separator: " ").last ?? "") ?? 0
    }

    /// What the consolidated sheet prints right after an item's label: the 相違 cell comes next.
    func afterLabel(_ label: String, in text: String) throws -> Substring {
        let range = try #require(text.range(of: label), "label not printed")
        return text[range.upperBound...].prefix(2)
    }

    @Test func eachAgencySheetStartsOnItsOwnPage() throws {
        let pdf = try renderedPDF(Self.sample, merge: false)
        var firstPages: [Int] = []
        for page in 1...(try pageCount(pdf)) {
            let text = try text(pdf, page: page)
            // A sheet's first page carries its heading and the agency in the header table.
            if text.contains("アセスメントシート"), let agency = Self.agencies.firstIndex(where: { text.contains("記入機関\($0)") }) {
                firstPages.append(agency)
            }
        }
        #expect(firstPages == [0, 1, 2])
        let all = try text(pdf)
        for value in ["見本そうた", "保育士例野一美", "保健師見本保子", "児童厚生員試田福男",
                      "朝食をとらずに登園する日が週に2回ほどある。", "館内で母がこどもを強くどなる場面が2回あった。",
                      "担任が母と面談し、朝食について話した。", "健診は欠かさず受けている。", "地域の支援につながっていない。",
                      Self.discipline, "記入値：6", "記入値：7", "記入値：5", "2025年2月18日"] {
            #expect(all.contains(value), "missing a value of \(value.count) characters")
        }
    }

    @Test func mergedSheetShowsWhoAnsweredWhat() throws {
        let pdf = try renderedPDF(Self.sample, merge: true)
        let text = try text(pdf)
        #expect(text.contains("アセスメントシート（関係機関の集約）"))
        for agency in Self.agencies { #expect(text.contains(agency)) }
        // Each agency's answer, by name, under the item (the answers cell lists them in sheet order).
        #expect(text.contains("\(Self.injury)見本市立わかば保育園：いいえ見本市保健センター：いいえ"))
        #expect(text.contains("\(Self.meals)見本市立わかば保育園：はい朝食をとらずに登園する日が週に2回ほどある。見本市保健センター：不明見本市立みほん児童館：はい"))
        #expect(text.contains("見本市立わかば保育園：いいえ園では強い叱り方は見られない。見本市立みほん児童館：はい館内で母がこどもを強くどなる場面が2回あった。"))
        // Items nobody answered are not listed; every agency's scale value and notes are.
        #expect(!text.contains("きょうだいの間で扱いに差がある"))
        for value in ["記入値：6", "記入値：7", "記入値：5", "家庭訪問で母の体調を確認した。", "母は支援の提案に前向き。", "朝食の欠食。"] {
            #expect(text.contains(value))
        }
    }

    @Test func differingAnswerIsMarkedAndAgreeingOnesAreNot() throws {
        let text = try text(try renderedPDF(Self.sample, merge: true))
        #expect(try afterLabel(Self.discipline, in: text) == "相違")
        #expect(try afterLabel(Self.injury, in: text) != "相違")
        // 不明 beside はい is not a difference.
        #expect(try afterLabel(Self.meals, in: text) != "相違")
        #expect(text.contains("相違の項目は1件です"))
    }

    @Test func answersThatAgreeCarryNoMark() throws {
        // The same case with the 児童館 agreeing with the 保育園: nothing differs any more.
        let source = try String(contentsOf: Self.sample, encoding: .utf8)
        let agreeing = source.replacingOccurrences(of: "{item: guardian.discipline, domain: guardian, answer: はい",
                                                   with: "{item: guardian.discipline, domain: guardian, answer: いいえ")
        #expect(agreeing != source)
        let file = try TestPaths.makeTemporaryDirectory().appendingPathComponent("agreeing.yaml")
        try agreeing.write(to: file, atomically: true, encoding: .utf8)
        let text = try text(try renderedPDF(file, merge: true))
        #expect(try afterLabel(Self.discipline, in: text) != "相違")
        #expect(text.contains("相違の項目は0件です"))
    }

    @Test(arguments: ["support-plan", "recommendation"])
    func mergeWithAnotherKindIsAUsageError(kind: String) throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let pdf = folder.appendingPathComponent("x.pdf")
        let result = try render([Self.sample.path, "--kind", kind, "--merge", "-o", pdf.path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--merge"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    @Test(arguments: [false, true])
    func unknownItemIdExitsOneAndWritesNothing(merge: Bool) throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let source = try String(contentsOf: Self.sample, encoding: .utf8)
        let broken = source.replacingOccurrences(of: "{item: development.checkups,", with: "{item: development.vaccines,")
        #expect(broken != source)
        let input = folder.appendingPathComponent("broken.yaml")
        try broken.write(to: input, atomically: true, encoding: .utf8)
        let pdf = folder.appendingPathComponent("broken.pdf")
        let result = try render([input.path, "--kind", "assessment", "-o", pdf.path] + (merge ? ["--merge"] : []))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("E604"))
        #expect(result.stderr.contains("/assessment/sheets/1/answers/3/item"))
        // The message names the field, never the family's data.
        #expect(!result.stderr.contains("見本"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["broken.yaml"])
    }

    @Test func validateReportsUnknownItemsWithTheirLine() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let source = try String(contentsOf: Self.sample, encoding: .utf8)
        let broken = source.replacingOccurrences(of: "{item: safety.meals, domain: safety, answer: 不明}",
                                                 with: "{item: safety.meal, domain: safety, answer: 不明}")
        let input = folder.appendingPathComponent("broken.yaml")
        try broken.write(to: input, atomically: true, encoding: .utf8)
        let result = try ExternalTool.run(TestPaths.yorisoiExecutable.path,
                                          ["validate", input.path, "--kind", "assessment", "--format", "json"],
                                          currentDirectory: TestPaths.repositoryRoot)
        #expect(result.status == 1)
        let line = try #require(broken.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("safety.meal,") }) + 1
        #expect(result.stdout.contains(#""code":"E604""#) || result.stdout.contains(#""code": "E604""#))
        #expect(result.stdout.contains("\"line\":\(line)") || result.stdout.contains("\"line\": \(line)"))
    }
}
