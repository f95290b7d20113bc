import Foundation
import Hummingbird
import Yorisoi

/// 月次起案 (`POST /api/v1/monthly-reports`): one town's サポートプラン signed in a month, from the
/// saved cases, behind a cover listing them (the façade's `MonthlyReport` chooses and builds).
enum MonthlyReportRoutes {
    struct Query: Decodable {
        /// `YYYY-MM`.
        var month: String
        var municipality: String
    }

    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        router.group("api/v1").post("monthly-reports") { request, context in
            let bytes = try await request.bodyBytes(limit: 16 << 10)
            let query: Query
            do { query = try JSONDecoder().decode(Query.self, from: Data(bytes)) } catch {
                throw APIError.badRequest("bad_monthly_report", "条件は JSON のオブジェクト（month, municipality）で送ってください",
                                          "the conditions are a JSON object: month, municipality")
            }
            guard let month = CaseDate(iso: query.month), month.isYearMonth else {
                throw APIError.badRequest("bad_monthly_report", "month（月）は YYYY-MM で指定してください", "month is YYYY-MM")
            }
            guard MonthlyReport.canName(month) else {
                throw APIError.badRequest("bad_monthly_report", "month（月）は 1873-01（明治6年1月）以降で指定してください",
                                          "month is 1873-01 (明治6年1月) or later: earlier months cannot be written in 和暦")
            }
            try context.requireActing(for: query.municipality)
            guard dependencies.engine.numbering(municipality: query.municipality) != nil else {
                throw APIError.badRequest("unknown_municipality", "この市区町村の様式がありません", "no templates for this municipality")
            }
            var candidates: [LoadedCase] = []
            for summary in try await dependencies.cases.list() where summary.municipality == query.municipality {
                guard let stored = try await dependencies.cases.version(id: summary.id, version: nil) else { continue }
                candidates.append(dependencies.engine.load(stored.body, format: stored.format == "yaml" ? .yaml : .json))
            }
            let report = MonthlyReport(month: month, candidates: candidates)
            let outcome = try await dependencies.gate.run {
                try dependencies.engine.monthlyReport(report, municipality: query.municipality)
            }
            for id in outcome.printed + outcome.failed {
                try await dependencies.audit.append(account: context.account ?? "", action: "monthly-report", caseID: id,
                                                    municipality: query.municipality)
            }
            var response = Response.bytes(outcome.pdf, contentType: "application/pdf")
            response.headers[.yorisoiIncludedCases] = String(outcome.printed.count)
            return response
        }
    }
}
