import Foundation
import Testing
import TestSupport
import Yorisoi

/// 月次起案 (#28): a month's signed plans behind a cover listing them.
@Suite struct MonthlyReportTests {
    static func candidates(_ extra: [String: String] = [:]) -> [LoadedCase] {
        var loaded = ["long-text-eight-supports.yaml", "sodegaura-support-plan.yaml", "sodegaura-notices.yaml"]
            .flatMap { CaseInput.file(EngineTests.sample($0)).load() }
        for (name, text) in extra { loaded += CaseInput.bytes(Array(text.utf8), format: .yaml, name: name).load() }
        return loaded
    }

    @Test func onlyPlansSignedInTheMonthAreBundledBehindTheirCover() throws {
        // A January plan that cannot be made (no ② 課題) is named on the cover, not bound.
        let sample = try String(contentsOf: EngineTests.sample("sodegaura-support-plan.yaml"), encoding: .utf8)
        let broken = sample.replacingOccurrences(of: "id: \"R6-0042\"", with: "id: \"R6-0901\"")
            .replacingOccurrences(of: "  issues:", with: "  old_issues:")
        #expect(broken != sample)
        let report = MonthlyReport(month: try #require(CaseDate(iso: "2025-01")), candidates: Self.candidates(["broken.yaml": broken]))
        #expect(report.cases.compactMap { $0.typed?.id } == ["R6-0042", "R6-0100", "R6-0901"], "R7-0108 was signed in April")

        let outcome = try EngineTests.engine.monthlyReport(report, municipality: "122297")
        #expect(outcome.printed == ["R6-0042", "R6-0100"])
        #expect(outcome.failed == ["R6-0901"])
        let file = try TestPaths.makeTemporaryDirectory("yorisoi-monthly-report").appendingPathComponent("monthly.pdf")
        try Data(outcome.pdf).write(to: file)
        _ = try ExternalTool.run("qpdf", ["--check", file.path])
        let pages = try ExternalTool.pdftotext(file).split(separator: "\u{0C}").map { $0.filter { !$0.isWhitespace } }
        let cover = try #require(pages.first)
        #expect(cover.contains("サポートプラン月次報告（起案）"))
        #expect(cover.contains("（3件）"))
        #expect(cover.contains("R6-0901のプランは入力に誤りがあり綴じていません"))
        #expect(!cover.contains("例野"), "the cover names no family")
        // The plans follow, with their families' names (they are the signed plans).
        #expect(pages.dropFirst().joined().contains("R6-0042") || pages.dropFirst().joined().contains("例野"))
        let outline = try ExternalTool.run("qpdf", ["--json", "--json-key=outlines", file.path]).stdout
        #expect(outline.contains("R6-0042") && outline.contains("R6-0100") && !outline.contains("R6-0901"))
        #expect(try EngineTests.engine.monthlyReport(report, municipality: "122297").pdf == outcome.pdf, "same input, same bytes")
    }

    /// The cover writes its month in 和暦, which begins on 1873-01-01.
    @Test func aCoverNamesOnlyMonthsThatHaveAJapaneseDate() throws {
        #expect(MonthlyReport.canName(try #require(CaseDate(iso: "1873-01"))))
        #expect(MonthlyReport.canName(try #require(CaseDate(iso: "2025-06"))))
        #expect(!MonthlyReport.canName(try #require(CaseDate(iso: "1872-12"))))
        #expect(!MonthlyReport.canName(try #require(CaseDate(iso: "0155-04"))))
        // The 更新時期一覧 follows the same rule.
        #expect(ReviewSchedule.canName(try #require(CaseDate(iso: "1873-01"))))
        #expect(!ReviewSchedule.canName(try #require(CaseDate(iso: "1872-12"))))
    }

    @Test func aMonthWithoutSignedPlansSaysSo() throws {
        let report = MonthlyReport(month: try #require(CaseDate(iso: "2025-06")), candidates: Self.candidates())
        #expect(report.cases.isEmpty)
        let outcome = try EngineTests.engine.monthlyReport(report, municipality: "122297")
        let file = try TestPaths.makeTemporaryDirectory("yorisoi-monthly-report").appendingPathComponent("empty.pdf")
        try Data(outcome.pdf).write(to: file)
        #expect(try ExternalTool.pdftotext(file).contains("この月に署名をいただいたプランはありません。"))
    }
}
