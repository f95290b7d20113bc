import ArgumentParser
import Foundation
import Yorisoi

/// Case files and folders of them (their `.yaml`, `.yml`, `.json` and `.jsonl` files, in name
/// order), loaded through the façade.
private func loadCases(_ paths: [String]) throws -> (cases: [LoadedCase], files: [String]) {
    var files: [String] = []
    for path in paths {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw usage("no such file or folder: \(path)")
        }
        if isFolder.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            files += names.filter { ["yaml", "yml", "json", "jsonl"].contains(($0 as NSString).pathExtension.lowercased()) }
                .map { (path as NSString).appendingPathComponent($0) }
        } else {
            files.append(path)
        }
    }
    let cases = files.flatMap { CaseInput.file(URL(fileURLWithPath: $0), displayName: $0).load() }
    return (cases, files)
}

/// A usage error: the message on stderr, exit 2 (CONTRACT §1).
private func usage(_ message: String) -> ExitCode {
    printError(message)
    return ExitCode(2)
}

private func yearMonth(_ text: String, _ option: String) throws -> CaseDate {
    guard let month = CaseDate(iso: text), month.isYearMonth else { throw usage("\(option) must be a month written YYYY-MM") }
    return month
}

/// `yorisoi reviews CASES... --from YYYY-MM [--to YYYY-MM] -o FILE.pdf|FILE.csv`: サポートプラン
/// 更新時期一覧, the plans due for review in a range of months per 担当者 (as the staff page's
/// 見直し予定 and `POST /api/v1/reviews`).
struct ReviewsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviews",
        abstract: "Lists the plans due for review in a range of months, per 担当者, as a PDF or CSV (更新時期一覧).")

    @Argument(help: "Case files or folders of them.")
    var cases: [String]

    @Option(help: "First month, YYYY-MM.")
    var from: String

    @Option(help: "Last month, YYYY-MM (default: the month after --from).")
    var to: String?

    @Option(help: "The municipality whose list is printed (default: the only one among the plans).")
    var municipality: String?

    @Option(name: .shortAndLong, help: "Output: a .pdf, or a .csv for Excel.")
    var output: String

    func run() throws {
        let first = try yearMonth(from, "--from")
        guard ReviewSchedule.canName(first) else {
            throw usage("--from must be 1873-01 (明治6年1月) or later: earlier months cannot be written in 和暦")
        }
        let last: String
        if let to {
            _ = try yearMonth(to, "--to")
            guard to >= from else { throw usage("--to must not be before --from") }
            last = to
        } else {
            last = ReviewSchedule.month(after: first)
        }
        try runReportingErrors(doing: "listing the plans due for review") {
            let (loaded, files) = try loadCases(cases)
            try OutputFile.refuseIfInput(output, inputs: files)
            var schedule = ReviewSchedule(from: from, to: last, cases: loaded)
            if let municipality { schedule = ReviewSchedule(from: from, to: last, rows: schedule.rows.filter { $0.municipality == municipality }) }
            if output.lowercased().hasSuffix(".csv") {
                try OutputFile.write(schedule.csv, to: output, inputs: files)
            } else {
                let towns = Set(schedule.rows.compactMap(\.municipality))
                guard let code = municipality ?? (towns.count == 1 ? towns.first : nil) else {
                    throw usage("the plans are from several municipalities (or none); choose one with --municipality")
                }
                let engine = try YorisoiEngine(resources: .locate())
                try OutputFile.write(try engine.reviewSchedule(schedule, municipality: code), to: output, inputs: files)
            }
            printError("\(schedule.rows.count) plans, \(schedule.groups.count) 担当者")
        }
    }
}

/// `yorisoi monthly-report CASES... --month YYYY-MM --municipality CODE -o FILE.pdf`: 月次起案, the
/// plans signed in a month behind a cover that lists them (as `POST /api/v1/monthly-reports`).
struct MonthlyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly-report",
        abstract: "Bundles the plans signed in a month behind a cover that lists them (月次起案).",
        discussion: "A plan is the month's when consent.agreed is true and consent.date is in the month. "
            + "A plan that cannot be made is named on the cover and the command exits 1; the bundle is still written.")

    @Argument(help: "Case files or folders of them.")
    var cases: [String]

    @Option(help: "The month, YYYY-MM.")
    var month: String

    @Option(help: "The municipality (its plans only; its cover and date style).")
    var municipality: String

    @Option(name: .shortAndLong, help: "Output PDF path.")
    var output: String

    func run() throws {
        let chosen = try yearMonth(month, "--month")
        guard MonthlyReport.canName(chosen) else {
            throw usage("--month must be 1873-01 (明治6年1月) or later: earlier months cannot be written in 和暦")
        }
        try runReportingErrors(doing: "building the monthly report") {
            let (loaded, files) = try loadCases(cases)
            try OutputFile.refuseIfInput(output, inputs: files)
            let report = MonthlyReport(month: chosen, candidates: loaded.filter { $0.typed?.municipality == municipality })
            let engine = try YorisoiEngine(resources: .locate())
            let outcome = try engine.monthlyReport(report, municipality: municipality)
            try OutputFile.write(outcome.pdf, to: output, inputs: files)
            printError("\(outcome.printed.count) plans" + (outcome.failed.isEmpty ? "" : ", not made: \(outcome.failed.joined(separator: ", "))"))
            if !outcome.failed.isEmpty { throw ExitCode(1) }
        }
    }
}
