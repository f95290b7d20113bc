import Foundation
import Hummingbird
import Yorisoi

/// サポートプラン更新時期一覧 (`POST /api/v1/reviews`): the saved plans whose 見直し時期 falls in a
/// range of months — by default this month and the next — per 担当者 (the façade's
/// `ReviewSchedule` groups them), as JSON for the page, CSV for Excel or a PDF to print. The conditions travel in the body like a search's (a 担当者's name does not
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

    /// One table of the list: a 担当者 (or 担当者の記載なし) and the IDs of their plans.
    struct Group: Codable, Sendable, Equatable {
        var staff: String
        var ids: [String]
    }

    struct Answer: Codable, Sendable {
        var from: String
        var to: String
        /// In 見直し時期 order, then by case ID.
        var rows: [Row]
        var groups: [Group]
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
            guard ReviewSchedule.canName(from) else {
                throw APIError.badRequest("bad_reviews", "from（最初の月）は 1873-01（明治6年1月）以降で指定してください",
                                          "from is 1873-01 (明治6年1月) or later: earlier months cannot be written in 和暦")
            }
            let to: String
            if let text = query.to {
                guard let month = CaseDate(iso: text), month.isYearMonth, text >= query.from else {
                    throw APIError.badRequest("bad_reviews", "to（最後の月）は from 以降の YYYY-MM で指定してください",
                                              "to is a YYYY-MM not before from")
                }
                to = text
            } else {
                to = ReviewSchedule.month(after: from)
            }
            if let municipality = query.municipality {
                try context.requireActing(for: municipality)
                guard dependencies.engine.numbering(municipality: municipality) != nil else {
                    throw APIError.badRequest("unknown_municipality", "この市区町村の様式がありません", "no templates for this municipality")
                }
            }

            let needle = query.staff.map(CaseSearch.folded) ?? ""
            var rows: [ReviewSchedule.Row] = []
            for summary in try await dependencies.cases.list() where context.mayAccess(summary.municipality) {
                if let municipality = query.municipality, summary.municipality != municipality { continue }
                guard let review = summary.review, ReviewSchedule.covers(review, from: query.from, to: to) else { continue }
                guard let stored = try await dependencies.cases.version(id: summary.id, version: nil) else { continue }
                let staff = dependencies.engine.load(stored.body, format: stored.format == "yaml" ? .yaml : .json).typed?.staff
                let row = ReviewSchedule.Row(id: summary.id, municipality: summary.municipality, category: summary.category,
                                             review: review, maternalHealth: staff?.maternalHealth?.name,
                                             childWelfare: staff?.childWelfare?.name)
                if !needle.isEmpty {
                    guard row.staff.map(CaseSearch.folded).contains(where: { $0.contains(needle) }) else { continue }
                }
                rows.append(row)
            }
            let schedule = ReviewSchedule(from: query.from, to: to, rows: rows)
            try await dependencies.audit.append(account: context.account ?? "", action: "reviews.list", caseID: nil,
                                                municipality: query.municipality)
            let accept = (request.headers[.accept] ?? "").lowercased()
            if accept.contains("application/pdf") {
                // The list prints under one town's name: the one asked for, or the only one listed.
                let towns = Set(rows.compactMap(\.municipality))
                guard let municipality = query.municipality ?? (towns.count == 1 ? towns.first : nil) else {
                    throw APIError.badRequest("municipality_needed", "印刷するときは市区町村を選んでください",
                                              "choose a municipality to print the list")
                }
                let pdf = try await dependencies.gate.run { try dependencies.engine.reviewSchedule(schedule, municipality: municipality) }
                return Response.bytes(pdf, contentType: "application/pdf")
            }
            let answer = Answer(schedule)
            if accept.contains("text/csv") {
                var response = Response.bytes(schedule.csv, contentType: "text/csv; charset=utf-8")
                response.headers[.contentDisposition] = "attachment; filename=\"reviews-\(query.from)-\(to).csv\""
                return response
            }
            return try Response.encoded(answer)
        }
    }
}

extension ReviewScheduleRoutes.Answer {
    init(_ schedule: ReviewSchedule) {
        self.init(from: schedule.from, to: schedule.to,
                  rows: schedule.rows.map { row in
                      .init(id: row.id, municipality: row.municipality, category: row.category, review: row.review,
                            maternalHealth: row.maternalHealth, childWelfare: row.childWelfare)
                  },
                  groups: schedule.groups.map { .init(staff: $0.staff, ids: $0.rows.map(\.id)) })
    }
}
