import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer
import YorisoiTemplates

/// Issue #21: 年度, typed numbers, citations, voids, 決裁 and the audit, each on a real server
/// (a live socket) where the numbering is concerned.
@Suite("発番簿 rules: 年度, typed numbers, citations, voids, 決裁, audit")
struct LedgerRulesTests {
    static let numberHeader = HTTPField.Name("Yorisoi-Document-Number")!

    static func number(_ response: TestResponse) -> String? {
        response.headers[numberHeader]?.removingPercentEncoding
    }

    static func live(_ body: @escaping @Sendable (any TestClientProtocol, ServerDependencies, URL) async throws -> Void) async throws {
        let (dependencies, data) = try ServerHarness.dependencies()
        let app = Application(router: YorisoiServerApp.router(dependencies), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in try await body(client, dependencies, data) }
    }

    static func recommendation(id: String, date: String) throws -> String {
        try ServerHarness.noticeCase(id: id, recommendationDate: date, measureDate: "2030-01-01")
    }

    @Test func numbersRestartOnAprilFirstRunOnAcrossAnEraChangeAndFollowIssueOrder() async throws {
        try await Self.live { client, dependencies, _ in
            var got: [String] = []
            // 平成31年3月31日 (年度 2018), then 年度 2019 across the change to 令和 on 2019-05-01, then
            // 年度 2025 out of date order, then 年度 2024 after 2025.
            for (id, date) in [("Y-1", "2019-03-31"), ("Y-2", "2019-04-01"), ("Y-3", "2019-04-30"), ("Y-4", "2019-05-01"),
                               ("Y-5", "2026-03-31"), ("Y-6", "2025-04-01"), ("Y-7", "2025-03-31")] {
                let response = try await client.send(.post, "/api/v1/notices?kind=recommendation",
                                                     body: try Self.recommendation(id: id, date: date))
                #expect(response.status == .created, "\(id) \(date): \(response.text.prefix(200))")
                got.append(Self.number(response) ?? "")
            }
            #expect(got == ["袖こ家第1号", "袖こ家第1号", "袖こ家第2号", "袖こ家第3号", "袖こ家第1号", "袖こ家第2号", "袖こ家第1号"])
            let rows = try await dependencies.ledger.entries(LedgerFilter())
            #expect(rows.map(\.fiscalYear) == [2018, 2019, 2019, 2019, 2025, 2025, 2024])
            let list = try await client.send(.get, "/api/v1/ledger?fiscal_year=2019")
            let json = try #require(list.json as? [[String: Any]])
            #expect(json.count == 3)
            #expect(json.allSatisfy { $0["fiscal_year"] as? Int == 2019 })
            let csv = try await client.send(.get, "/api/v1/ledger?format=csv")
            #expect(csv.text.contains("\"2018年度\"") && csv.text.contains("\"2024年度\""))
        }
    }

    @Test func aTypedNumberIsAReprintOrAMarkedPreLedgerNumberAndNeverBlocksTheSequence() async throws {
        try await Self.live { client, _, _ in
            let first = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "T-1"))
            #expect(Self.number(first) == "袖こ家第1号")
            // The ledger's own number, same case and kind: the stored bytes again.
            let reprintCase = try ServerHarness.noticeCase(id: "T-1").replacingOccurrences(of: "  addressee: 0\n", with: "  number: 袖こ家第1号\n  addressee: 0\n")
            let reprint = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: reprintCase)
            #expect(reprint.status == .ok)
            #expect(reprint.headers[HTTPField.Name("Yorisoi-Reprint")!] == "true")
            #expect(reprint.bytes == first.bytes)
            // The same number for another case: taken.
            let taken = try await client.send(.post, "/api/v1/notices?kind=recommendation",
                                              body: reprintCase.replacingOccurrences(of: "id: \"T-1\"", with: "id: \"T-2\""))
            #expect(taken.status == .conflict)
            #expect(taken.text.contains("number_taken"))
            // A number ahead of the sequence, unmarked: refused, and the sequence goes on.
            let ahead = try ServerHarness.noticeCase(id: "T-3").replacingOccurrences(of: "  addressee: 0\n", with: "  number: 袖こ家第9号\n  addressee: 0\n")
            let refused = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: ahead)
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("number_not_in_ledger"))
            // Marked 台帳外 but in the ledger's own series: still refused (the sequence would issue it).
            let inSeries = try await client.send(.post, "/api/v1/notices?kind=recommendation",
                                                 body: ahead.replacingOccurrences(of: "  number: 袖こ家第9号\n", with: "  number: 袖こ家第9号\n  pre_ledger: true\n"))
            #expect(inSeries.status == .conflict)
            #expect(inSeries.text.contains("number_in_sequence"))
            // Marked 台帳外 and outside the series: accepted as typed.
            let paper = try await client.send(.post, "/api/v1/notices?kind=recommendation",
                                              body: ahead.replacingOccurrences(of: "  number: 袖こ家第9号\n", with: "  number: 袖子支第9号\n  pre_ledger: true\n"))
            #expect(paper.status == .created)
            #expect(Self.number(paper) == "袖子支第9号")
            let next = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "T-4"))
            #expect(next.status == .created)
            #expect(Self.number(next) == "袖こ家第2号")
            let rows = try #require((try await client.send(.get, "/api/v1/ledger")).json as? [[String: Any]])
            #expect(rows.map { $0["pre_ledger"] as? Bool } == [false, true, false])
        }
    }

    @Test func aMeasureCitesOnlyAStandingRecommendationOfTheSameCaseAndChildDatedBefore() async throws {
        try await Self.live { client, _, _ in
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "C-A"))  // 第1号
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "C-B"))  // 第2号
            let citing = { (id: String, cited: String) throws -> String in
                try ServerHarness.noticeCase(id: id).replacingOccurrences(of: "  date: 2025-05-12\n", with: "  date: 2025-05-12\n  number: \(cited)\n")
            }
            // Another family's 勧奨.
            let other = try await ServerHarness.issueMeasure(client, body: try citing("C-A", "袖こ家第2号"))
            #expect(other.status == .conflict)
            #expect(other.text.contains("cites_other_case"))
            // A number the ledger never issued, unmarked.
            let unknown = try await ServerHarness.issueMeasure(client, body: try citing("C-A", "袖こ家第50号"))
            #expect(unknown.text.contains("cites_unknown"))
            // The same case but another child (name differs).
            let renamed = try ServerHarness.noticeCase(id: "C-A", childName: "仮野 うみ")
                .replacingOccurrences(of: "  date: 2025-05-12\n", with: "  date: 2025-05-12\n  number: 袖こ家第1号\n")
            let otherChild = try await ServerHarness.issueMeasure(client, body: renamed)
            #expect(otherChild.text.contains("cites_other_child"))
            // The ledger's 勧奨 is dated after the 措置 (the case file's own 勧奨 date, which the
            // validator compares, says otherwise: the ledger's date is the one that counts).
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation",
                                      body: try ServerHarness.noticeCase(id: "C-L", recommendationDate: "2025-06-30", measureDate: "2025-07-10"))
            let tooEarly = try await ServerHarness.issueMeasure(client, body: try ServerHarness.noticeCase(id: "C-L"))
            #expect(tooEarly.text.contains("cites_later"))
            // The right one: issued, citing 第1号.
            let measure = try await ServerHarness.issueMeasure(client, body: try citing("C-A", "袖こ家第1号"))
            #expect(measure.status == .created)
            #expect(Self.number(measure) == "袖こ家第4号")
            #expect(try LedgerTests.pdfText(measure.bytes).contains("袖こ家第1号"))
            // A 措置's own number is not a 勧奨.
            let notRecommendation = try await ServerHarness.issueMeasure(client, body: try citing("C-A", "袖こ家第4号"))
            #expect(notRecommendation.text.contains("cites_not_recommendation"))
            let row = try #require((try await client.send(.get, "/api/v1/ledger?kind=measure")).json as? [[String: Any]]).first
            #expect(row?["cites_number"] as? String == "袖こ家第1号")
            #expect(row?["cites_pre_ledger"] as? Bool == false)
            // A marked pre-ledger 勧奨: accepted, and the 発番簿 says so.
            let preLedger = try await ServerHarness.issueMeasure(
                client, body: try ServerHarness.noticeCase(id: "C-P", keepRecommendationNumber: true, preLedger: true))
            #expect(preLedger.status == .created)
            let csv = try await client.send(.get, "/api/v1/ledger?format=csv&case_id=C-P")
            #expect(csv.text.contains("台帳外の勧奨を引用"))
        }
    }

    @Test func voidsNeedAVisibleReasonShowItAndNeverLeaveACitingMeasureStanding() async throws {
        try await Self.live { client, dependencies, _ in
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "V-1"))
            let measure = try await ServerHarness.issueMeasure(client, body: try ServerHarness.noticeCase(id: "V-1"))
            #expect(measure.status == .created)
            for bad in ["{\"reason\": \"\\u0000\"}", "{\"reason\": \"   \"}", "{\"reason\": \"\\u200b\"}", "{\"reason\": \"a\\u0007b\"}", "{}", "x"] {
                let refused = try await client.send(.post, "/api/v1/ledger/1/void", body: bad, contentType: "application/json")
                #expect(refused.status == .badRequest, "\(bad)")
                #expect(refused.text.contains("reason_required"))
            }
            let cited = try await client.send(.post, "/api/v1/ledger/1/void", body: "{\"reason\": \"宛先の誤り\"}", contentType: "application/json")
            #expect(cited.status == .conflict)
            #expect(cited.text.contains("recommendation_cited") && cited.text.contains("袖こ家第2号"))
            let both = try await client.send(.post, "/api/v1/ledger/1/void", body: "{\"reason\": \"宛先の誤り\", \"with_citing\": true}",
                                             contentType: "application/json")
            #expect(both.status == .ok)
            let rows = try #require((try await client.send(.get, "/api/v1/ledger")).json as? [[String: Any]])
            #expect(rows.map { $0["status"] as? String } == ["voided", "voided"])
            #expect(rows.allSatisfy { $0["void_reason"] as? String == "宛先の誤り" && $0["voided_by"] as? String == "local" && $0["voided_at"] != nil })
            let csv = try await client.send(.get, "/api/v1/ledger", headers: [.accept: "text/csv"])
            #expect(csv.text.contains("\"取消\"") && csv.text.contains("\"宛先の誤り\"") && csv.text.contains("\"local\""))
            #expect(csv.text.contains("取消者"))
            let verification = try await dependencies.audit.verify()
            #expect(verification.ok, "\(verification)")
        }
    }

    @Test func aMeasureIsIssuedOnlyFromItsApprovedDraftOnce() async throws {
        try await Self.live { client, dependencies, _ in
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "A-1"))
            let draft = try ServerHarness.noticeCase(id: "A-1")
            let asked = try await client.send(.post, "/api/v1/approvals?kind=measure", body: draft)
            #expect(asked.status == .created)
            let approval = try #require(asked.json as? [String: Any])
            #expect(approval["status"] as? String == "pending")
            #expect(approval["sha256"] as? String == SQLiteStore.sha256Hex(Array(draft.utf8)))
            let id = try #require(approval["id"] as? Int)
            let pending = try await client.send(.post, "/api/v1/notices?kind=measure&approval=\(id)")
            #expect(pending.text.contains("approval_pending"))
            // The approver reads the draft: unnumbered.
            let draftPDF = try await client.send(.get, "/api/v1/approvals/\(id)/pdf")
            #expect(draftPDF.status == .ok)
            let noName = try await client.send(.post, "/api/v1/approvals/\(id)/approve", body: "{\"approver\": \" \"}", contentType: "application/json")
            #expect(noName.status == .badRequest)
            let approved = try await client.send(.post, "/api/v1/approvals/\(id)/approve", body: "{\"approver\": \"課長 決裁\"}",
                                                 contentType: "application/json")
            #expect((approved.json as? [String: Any])?["status"] as? String == "approved")
            // A different body than the approved draft is refused.
            let changed = try await client.send(.post, "/api/v1/notices?kind=measure&approval=\(id)",
                                                body: draft.replacingOccurrences(of: "週1回（1回2時間程度）", with: "週2回"))
            #expect(changed.text.contains("approval_mismatch"))
            let issued = try await client.send(.post, "/api/v1/notices?kind=measure&approval=\(id)")
            #expect(issued.status == .created)
            let again = try await client.send(.post, "/api/v1/notices?kind=measure&approval=\(id)")
            #expect(again.text.contains("approval_used"))
            let used = try #require((try await client.send(.get, "/api/v1/approvals/\(id)")).json as? [String: Any])
            #expect(used["status"] as? String == "used")
            #expect(used["ledger_id"] as? Int == 2)
            let row = try #require((try await client.send(.get, "/api/v1/ledger?kind=measure")).json as? [[String: Any]]).first
            #expect(row?["approved_by"] as? String == "課長 決裁")
            #expect(row?["approval_id"] as? Int == id)
            let verification = try await dependencies.audit.verify()
            #expect(verification.ok, "\(verification)")
        }
    }

    @Test func withAccountsTheApproverHoldsTheRoleAndIsNotTheRequester() async throws {
        let hash = { (password: String) in String(Accounts.line(account: "x", password: password, cost: 4).dropFirst(2)) }
        let accounts = Accounts(hashes: ["tanto": hash("tanto-pass-1234"), "kacho": hash("kacho-pass-1234")],
                                roles: ["tanto": .staff, "kacho": .approver])
        let (dependencies, _) = try ServerHarness.dependencies(accounts: accounts)
        try await ServerHarness.application(dependencies).test(.router) { client in
            func token(_ account: String, _ password: String) async throws -> String {
                let response = try await client.send(.post, "/login", body: "account=\(account)&password=\(password)",
                                                     contentType: "application/x-www-form-urlencoded", headers: [.accept: "application/json"],
                                                     as: .anonymous)
                return try #require((response.json as? [String: Any])?["token"] as? String)
            }
            let staff: HTTPFields = [.authorization: "Bearer " + (try await token("tanto", "tanto-pass-1234"))]
            let approver: HTTPFields = [.authorization: "Bearer " + (try await token("kacho", "kacho-pass-1234"))]
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "R-1"), headers: staff)
            let asked = try await client.send(.post, "/api/v1/approvals?kind=measure", body: try ServerHarness.noticeCase(id: "R-1"), headers: staff)
            let id = try #require((asked.json as? [String: Any])?["id"] as? Int)
            let byStaff = try await client.send(.post, "/api/v1/approvals/\(id)/approve", body: "{}", contentType: "application/json", headers: staff)
            #expect(byStaff.status == .forbidden)
            #expect(byStaff.text.contains("not_approver"))
            let asked2 = try await client.send(.post, "/api/v1/approvals?kind=measure", body: try ServerHarness.noticeCase(id: "R-1"), headers: approver)
            let own = try #require((asked2.json as? [String: Any])?["id"] as? Int)
            let selfApproved = try await client.send(.post, "/api/v1/approvals/\(own)/approve", body: "{}", contentType: "application/json", headers: approver)
            #expect(selfApproved.status == .forbidden)
            #expect(selfApproved.text.contains("self_approval"))
            let approved = try await client.send(.post, "/api/v1/approvals/\(id)/approve", body: "{}", contentType: "application/json", headers: approver)
            #expect((approved.json as? [String: Any])?["decided_by"] as? String == "kacho")
        }
    }

    @Test func theProfileSaysWhetherARecommendationNeedsApprovalAndHowNumbersRun() throws {
        let base = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Templates/122297-袖ケ浦市/municipality.yaml"), encoding: .utf8)
        let plain = try ProfileLoaderProbe.parse(base)
        #expect(plain.sequence == "fiscal-year" && plain.recommendationNeedsApproval == false)
        let strict = try ProfileLoaderProbe.parse(base + "\nledger:\n  sequence: continuous\n  recommendation_needs_approval: true\n")
        #expect(strict.sequence == "continuous" && strict.recommendationNeedsApproval == true)
        #expect(throws: (any Error).self) { try ProfileLoaderProbe.parse(base + "\nledger:\n  sequence: sometimes\n") }
    }

    @Test func auditVerifyFindsALedgerRowWithoutItsAuditRow() async throws {
        let (dependencies, data) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: try ServerHarness.noticeCase(id: "U-1"))
        }
        #expect(try await dependencies.audit.verify().ok)
        // A row slipped in past the store (as a crash between two transactions once could leave).
        let queue = try DatabaseQueue(path: data.appendingPathComponent(SQLiteStore.fileName).path)
        try await queue.write { db in
            try db.execute(sql: """
                INSERT INTO ledger (number, municipality, fiscal_year, series, sequence, kind, case_id, date, pdf, sha256, issued_at, account)
                VALUES ('袖こ家第2号', '122297', 2025, '袖こ家', 2, 'recommendation', 'U-2', '2025-05-12', x'00', 'x', 'now', 'local')
                """)
        }
        let verification = try await dependencies.audit.verify()
        #expect(!verification.ok)
        #expect(verification.missing == ["ledger 2: no notice.issue.recommendation row"])
    }
}

/// The profile loader's `ledger:` section, read through YorisoiTemplates.
enum ProfileLoaderProbe {
    static func parse(_ text: String) throws -> (sequence: String, recommendationNeedsApproval: Bool) {
        let profile = try ProfileLoader.parse(text, file: "municipality.yaml")
        return (profile.ledger.sequence.rawValue, profile.ledger.recommendationNeedsApproval)
    }
}
