import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer

/// Issue #28: サポートプラン更新時期一覧 — plans due for review in a range of months, per 担当者,
/// as JSON and CSV, within the account's towns, naming staff and never a family.
@Suite("POST /api/v1/reviews")
struct ReviewScheduleTests {
    static func plan(_ id: String, municipality: String = "122297", review: String, maternal: String?, welfare: String?) -> String {
        let staff = [maternal.map { "\"maternal_health\": {\"name\": \"\($0)\"}" }, welfare.map { "\"child_welfare\": {\"name\": \"\($0)\"}" }]
            .compactMap { $0 }.joined(separator: ", ")
        return """
            {"version": 1, "id": "\(id)", "municipality": "\(municipality)", "child": {"name": "仮野 そら"},
             "plan": {"review": "\(review)"}, "staff": {\(staff)}}
            """
    }

    @Test func plansDueAreListedPerMonthRangeAndStaffWithinTheAccountsTowns() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(databaseAccounts: TenancyTests.records)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let sode = try await TenancyTests.signIn(client, "sode-tanto")
            let moriya = try await TenancyTests.signIn(client, "moriya-tanto")
            for body in [Self.plan("R-3", review: "2025-08", maternal: "見本 保子", welfare: nil),
                         Self.plan("R-1", review: "2025-07-15", maternal: "見本 保子", welfare: "試田 福男"),
                         Self.plan("R-2", review: "2025-07", maternal: nil, welfare: "試田 福男"),
                         Self.plan("R-9", review: "2025-09", maternal: "見本 保子", welfare: nil)] {
                #expect(try await client.send(.post, "/api/v1/cases", body: body, contentType: "application/json", headers: sode).status == .created)
            }
            #expect(try await client.send(.post, "/api/v1/cases", body: Self.plan("M-1", municipality: "082244", review: "2025-07",
                                                                                maternal: "見本 保子", welfare: nil),
                                          contentType: "application/json", headers: moriya).status == .created)
            func reviews(_ json: String, accept: String = "application/json") async throws -> TestResponse {
                var headers = sode
                headers[.accept] = accept
                return try await client.send(.post, "/api/v1/reviews", body: json, contentType: "application/json", headers: headers)
            }
            // This month and the next by default; review order, then ID; another town's plan stays out.
            let answer = try JSONDecoder().decode(ReviewScheduleRoutes.Answer.self, from: Data(try await reviews("{\"from\": \"2025-07\"}").bytes))
            #expect(answer.to == "2025-08")
            #expect(answer.rows.map(\.id) == ["R-1", "R-2", "R-3"])
            #expect(answer.rows.first?.childWelfare == "試田 福男")
            #expect(answer.groups == [.init(staff: "見本 保子", ids: ["R-1", "R-3"]), .init(staff: "試田 福男", ids: ["R-1", "R-2"])])
            let one = try JSONDecoder().decode(ReviewScheduleRoutes.Answer.self,
                                               from: Data(try await reviews("{\"from\": \"2025-07\", \"to\": \"2025-09\", \"staff\": \"試田　福男\"}").bytes))
            #expect(one.rows.map(\.id) == ["R-1", "R-2"], "a 担当者's name matches with any spacing")
            #expect(try await reviews("{\"from\": \"2025-07\"}").text.contains("仮野") == false, "no family names")

            // CSV for Excel: BOM, header, one line per plan.
            let csv = try await reviews("{\"from\": \"2025-07\", \"to\": \"2025-09\"}", accept: "text/csv")
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = String(decoding: csv.bytes.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
            #expect(lines.first?.contains("見直し時期") == true)
            #expect(lines.count == 5)

            // A PDF to print, under the one town listed.
            let pdf = try await reviews("{\"from\": \"2025-07\"}", accept: "application/pdf")
            #expect(pdf.status == .ok)
            #expect(pdf.bytes.starts(with: Array("%PDF-".utf8)))

            // Bad conditions name the field; acting for another town is refused.
            // A month before 1873-01 has no 和暦 for the table: refused, not a 500.
            for bad in ["{\"from\": \"2025\"}", "{\"from\": \"2025-07\", \"to\": \"2025-06\"}", "{}", "[1]",
                        "{\"from\": \"0155-04\"}"] {
                let response = try await reviews(bad)
                #expect(response.status == .badRequest, "\(bad)")
                #expect(response.text.contains("bad_reviews"), "\(bad)")
            }
            #expect(try await reviews("{\"from\": \"2025-07\", \"municipality\": \"082244\"}").status == .forbidden)
        }
    }

    /// 月次起案 over HTTP: the town's saved plans signed in the month, audited per case.
    @Test func theMonthlyReportBundlesTheTownsPlansSignedThatMonth() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(databaseAccounts: TenancyTests.records)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let sode = try await TenancyTests.signIn(client, "sode-tanto")
            for sample in ["sodegaura-support-plan.yaml", "sodegaura-notices.yaml"] {
                let body = try ServerHarness.sample(sample)
                #expect(try await client.send(.post, "/api/v1/cases", body: body, contentType: "application/yaml", headers: sode).status == .created)
            }
            func report(_ json: String) async throws -> TestResponse {
                try await client.send(.post, "/api/v1/monthly-reports", body: json, contentType: "application/json", headers: sode)
            }
            let january = try await report("{\"month\": \"2025-01\", \"municipality\": \"122297\"}")
            #expect(january.status == .ok)
            #expect(january.headers[.yorisoiIncludedCases] == "1", "R6-0042 signed in January; R7-0108 in April")
            #expect(january.bytes.starts(with: Array("%PDF-".utf8)))
            #expect(try await report("{\"month\": \"2025-13\", \"municipality\": \"122297\"}").status == .badRequest)
            // A month before 1873-01 has no 和暦 to print on the cover: the caller's mistake, not a 500.
            let early = try await report("{\"month\": \"0155-04\", \"municipality\": \"122297\"}")
            #expect(early.status == .badRequest)
            #expect(early.text.contains("bad_monthly_report"), "\(early.text)")
            #expect(try await report("{\"month\": \"2025-01\"}").status == .badRequest)
            #expect(try await report("{\"month\": \"2025-01\", \"municipality\": \"082244\"}").status == .forbidden)
        }
    }
}
