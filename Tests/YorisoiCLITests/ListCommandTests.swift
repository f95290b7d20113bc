import Foundation
import Testing
import TestSupport

/// `yorisoi reviews` (更新時期一覧) and `yorisoi monthly-report` (月次起案) on the sample cases.
@Suite struct ListCommandTests {
    static let cases = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")

    func yorisoi(_ arguments: [String]) throws -> ExternalTool.Result {
        try ExternalTool.run(TestPaths.yorisoiExecutable.path, arguments, currentDirectory: TestPaths.repositoryRoot)
    }

    @Test func reviewsListsThePlansDueInTheRangeAsCSVAndPDF() throws {
        let folder = try TestPaths.makeTemporaryDirectory("yorisoi-reviews")
        let csv = folder.appendingPathComponent("reviews.csv")
        let result = try yorisoi(["reviews", Self.cases.path, "--from", "2025-04", "--to", "2025-05", "-o", csv.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = String(decoding: try Data(contentsOf: csv).dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        // MH-0003, R6-0042, R6-0100 (April), MH-0002, W-2025-007 (May); June and July stay out.
        #expect(lines.dropFirst().map { $0.split(separator: ",").first.map(String.init) ?? "" }
                == ["\"MH-0003\"", "\"R6-0042\"", "\"R6-0100\"", "\"MH-0002\"", "\"W-2025-007\""])

        let pdf = folder.appendingPathComponent("reviews.pdf")
        let printed = try yorisoi(["reviews", Self.cases.path, "--from", "2025-04", "--to", "2025-05", "--municipality", "122297", "-o", pdf.path])
        #expect(printed.status == 0, "\(printed.stderr)")
        let text = try ExternalTool.pdftotext(pdf).filter { !$0.isWhitespace }
        #expect(text.contains("担当：見本保子（2件）") && text.contains("R6-0042") && !text.contains("MH-0003"))

        // Several towns and no --municipality: nothing to print under one name.
        #expect(try yorisoi(["reviews", Self.cases.path, "--from", "2025-04", "--to", "2025-05", "-o", pdf.path]).status == 2)
        #expect(try yorisoi(["reviews", Self.cases.path, "--from", "2025-4", "-o", pdf.path]).status == 2)
        #expect(try yorisoi(["reviews", Self.cases.path, "--from", "2025-05", "--to", "2025-04", "-o", pdf.path]).status == 2)
    }

    @Test func monthlyReportBundlesTheMonthsSignedPlansAndNamesThoseThatCannotBeMade() throws {
        let folder = try TestPaths.makeTemporaryDirectory("yorisoi-monthly")
        let pdf = folder.appendingPathComponent("monthly.pdf")
        let result = try yorisoi(["monthly-report", Self.cases.path, "--month", "2025-01", "--municipality", "122297", "-o", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("2 plans"))
        let cover = try #require(try ExternalTool.pdftotext(pdf).split(separator: "\u{0C}").first).filter { !$0.isWhitespace }
        #expect(cover.contains("R6-0042") && cover.contains("R6-0100") && !cover.contains("R7-0108"))

        // A January plan without ② 課題: named on the cover, exit 1, the bundle still written.
        let sample = try String(contentsOf: Self.cases.appendingPathComponent("sodegaura-support-plan.yaml"), encoding: .utf8)
        try sample.replacingOccurrences(of: "id: \"R6-0042\"", with: "id: \"R6-0901\"")
            .replacingOccurrences(of: "  issues:", with: "  old_issues:")
            .write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").appendingPathExtension("pdf")
        let failed = try yorisoi(["monthly-report", folder.appendingPathComponent("broken.yaml").path,
                                  "--month", "2025-01", "--municipality", "122297", "-o", out.path])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("R6-0901"))
        #expect(try ExternalTool.pdftotext(out).filter { !$0.isWhitespace }.contains("R6-0901のプランは入力に誤りがあり綴じていません"))
        // Never onto an input.
        #expect(try yorisoi(["monthly-report", folder.path, "--month", "2025-01", "--municipality", "122297",
                             "-o", folder.appendingPathComponent("broken.yaml").path]).status == 2)
    }
}
