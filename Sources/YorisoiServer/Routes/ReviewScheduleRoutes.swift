import Foundation
import Hummingbird
import YorisoiCase

/// サポートプラン更新時期一覧 (`POST /api/v1/reviews`): the saved plans whose 見直し時期 falls in a
/// range of months — by default this month and the next — per 担当者, as JSON for the page or
/// CSV for Excel. The conditions travel in the body like a search's (a 担当者's name does not
/// belong in a URL); the answer names staff, never a family.
enum ReviewScheduleRoutes {
    struct Query: Decodable {
        /// First and last month, `YYYY-MM`; `to` defaults to the month after `from`.
        var from: String
        var to: String?
        var municipality: String?
        /// Part of a 担当者's name (either function's); spaces and width ignored.
        var staff: String?
    }

    struct Row: Codable, Sendable, Equatable {
        var id: String
        var municipality: String?
        var category: String?
        /// 見直し時期 as saved (`YYYY-MM` or a date).
        var review: String
        /// 母子保健機能 and 児童福祉機能 担当者 (what the plan names; either may be missing).
        var maternalHealth: String?
        var childWelfare: String?

        enum CodingKeys: String, CodingKey {
            case id, municipality, category, review
            case maternalHealth = "maternal_health"
            case childWelfare = "child_welfare"
        }
    }

    struct Answer: Codable, Sendable {
        var from: String
        var to: String
        /// In 見直し時期 order, then by case ID.
        var rows: [Row]
    }

    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        router.group("api/v1").post("reviews") { request, context in
            let bytes = try await request.bodyBytes(limit: 16 << 10)
            let query: Query
            do { query = try JSONDecoder().decode(Query.self, from: Data(bytes)) } catch {
                throw APIError.badRequest("bad_reviews", "条件は JSON のオブジェクト（from, to, municipality, staff）で送ってください",
                                          "the conditions are a JSON object: from, to, municipality, staff")
            }
            guard let from = CaseDate(iso: query.from), from.isYearMonth else {
                throw APIError.badRequest("bad_reviews", "from（最初の月）は YYYY-MM で指定してください", "from is YYYY-MM")
            }
            let to: String
            if let text = query.to {
                guard let month = CaseDate(iso: text), month.isYearMonth, text >= query.from else {
                    throw APIError.badRequest("bad_reviews", "to（最後の月）は from 以降の YYYY-MM で指定してください",
                                              "to is a YYYY-MM not before from")
                }
                to = text
            } else {
                to = nextMonth(from)
            }
            if let municipality = query.municipality { try context.requireActing(for: municipality) }

            let needle = query.staff.map(CaseSearch.folded) ?? ""
            var rows: [Row] = []
            for summary in try await dependencies.cases.list() where context.mayAccess(summary.municipality) {
                if let municipality = query.municipality, summary.municipality != municipality { continue }
                guard let review = summary.review, (query.from...to).contains(String(review.prefix(7))) else { continue }
                guard let stored = try await dependencies.cases.version(id: summary.id, version: nil) else { continue }
                let staff = dependencies.engine.load(stored.body, format: stored.format == "yaml" ? .yaml : .json).typed?.staff
                let row = Row(id: summary.id, municipality: summary.municipality, category: summary.category, review: review,
                              maternalHealth: staff?.maternalHealth?.name, childWelfare: staff?.childWelfare?.name)
                if !needle.isEmpty {
                    let names = [row.maternalHealth, row.childWelfare].compactMap { $0 }.map(CaseSearch.folded)
                    guard names.contains(where: { $0.contains(needle) }) else { continue }
                }
                rows.append(row)
            }
            rows.sort { ($0.review.prefix(7), $0.id) < ($1.review.prefix(7), $1.id) }
            try await dependencies.audit.append(account: context.account ?? "", action: "reviews.list", caseID: nil,
                                                municipality: query.municipality)
            let answer = Answer(from: query.from, to: to, rows: rows)
            if (request.headers[.accept] ?? "").lowercased().contains("text/csv") {
                var response = Response.bytes(ReviewScheduleCSV.bytes(answer), contentType: "text/csv; charset=utf-8")
                response.headers[.contentDisposition] = "attachment; filename=\"reviews-\(query.from)-\(to).csv\""
                return response
            }
            return try Response.encoded(answer)
        }
    }

    static func nextMonth(_ month: CaseDate) -> String {
        let (year, next) = month.month == 12 ? (month.year + 1, 1) : (month.year, month.month + 1)
        return String(format: "%04d-%02d", year, next)
    }
}

/// The list for Excel, with the 発番簿's quoting and formula guard (`LedgerCSV`).
enum ReviewScheduleCSV {
    static let header = ["ケースID", "市区町村", "区分", "見直し時期", "母子保健機能の担当者", "児童福祉機能の担当者"]

    static func bytes(_ answer: ReviewScheduleRoutes.Answer) -> [UInt8] {
        var text = LedgerCSV.line(header)
        for row in answer.rows {
            text += LedgerCSV.line([row.id, row.municipality ?? "", row.category ?? "", row.review,
                                    row.maternalHealth ?? "", row.childWelfare ?? ""])
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }
}
