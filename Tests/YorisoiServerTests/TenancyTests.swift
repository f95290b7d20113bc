import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer

/// Issue #23: accounts in the database, each working for its municipalities with a role. An
/// account of 守谷市 (082244) meets nothing of 袖ケ浦市 (122297): every route of openapi.yaml is
/// tried with 袖ケ浦市's objects.
@Suite("Tenancy: accounts per municipality, roles, disabling, who saw what")
struct TenancyTests {
    static let password = "correct horse battery staple"
    static let records = [
        AccountRecord(name: "sode-tanto", passwordHash: hash(password), role: .staff, municipalities: ["122297"]),
        AccountRecord(name: "sode-kacho", passwordHash: hash(password), role: .approver, municipalities: ["122297"]),
        AccountRecord(name: "sode-etsuran", passwordHash: hash(password), role: .viewer, municipalities: ["122297"]),
        AccountRecord(name: "moriya-tanto", passwordHash: hash(password), role: .approver, municipalities: ["082244"]),
    ]

    static func hash(_ password: String) -> String {
        String(Accounts.line(account: "x", password: password, cost: 4).dropFirst(2))
    }

    static func signIn(_ client: some TestClientProtocol, _ name: String) async throws -> HTTPFields {
        let response = try await client.send(.post, "/login", body: "account=\(name)&password=correct+horse+battery+staple",
                                             contentType: "application/x-www-form-urlencoded", headers: [.accept: "application/json"],
                                             as: .anonymous)
        let token = try #require((response.json as? [String: Any])?["token"] as? String, "\(name): \(response.status)")
        return [.authorization: "Bearer \(token)"]
    }

    @Test func anotherMunicipalitysAccountMeetsNothingOnAnyRoute() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(databaseAccounts: Self.records)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let sode = try await Self.signIn(client, "sode-tanto")
            let kacho = try await Self.signIn(client, "sode-kacho")
            let moriya = try await Self.signIn(client, "moriya-tanto")
            // 袖ケ浦市's data: a saved case, a 勧奨, a 決裁 approved and used for a 措置.
            let body = try ServerHarness.noticeCase(id: "SODE-1")
            #expect(try await client.send(.post, "/api/v1/cases", body: body, headers: sode).status == .created)
            #expect(try await client.send(.post, "/api/v1/notices?kind=recommendation", body: body, headers: sode).status == .created)
            let asked = try await client.send(.post, "/api/v1/approvals?kind=measure", body: body, headers: sode)
            #expect(asked.status == .created)
            #expect(try await client.send(.post, "/api/v1/approvals/1/approve", body: "{}", contentType: "application/json", headers: kacho).status == .ok)
            #expect(try await client.send(.post, "/api/v1/notices?kind=measure&approval=1", headers: sode).status == .created)
            _ = try await client.send(.post, "/api/v1/approvals?kind=measure", body: body, headers: sode)   // 決裁 2, pending

            // Every stored object of 袖ケ浦市 does not exist for 守谷市's account.
            for (method, path, payload) in [
                (HTTPRequest.Method.get, "/api/v1/cases/SODE-1", nil as String?),
                (.get, "/api/v1/cases/SODE-1/versions", nil), (.get, "/api/v1/cases/SODE-1/export", nil),
                (.put, "/api/v1/cases/SODE-1", body),
                (.get, "/api/v1/ledger/1/pdf", nil), (.post, "/api/v1/ledger/1/void", "{\"reason\": \"試験\"}"),
                (.get, "/api/v1/approvals/1", nil), (.get, "/api/v1/approvals/1/pdf", nil),
                (.post, "/api/v1/approvals/2/approve", "{}"), (.post, "/api/v1/approvals/2/reject", "{\"reason\": \"試験\"}"),
                (.post, "/api/v1/notices?kind=measure&approval=2", nil),
            ] {
                let response = try await client.send(method, path, body: payload,
                                                     contentType: payload?.hasPrefix("{") == true ? "application/json" : "application/yaml",
                                                     headers: moriya)
                #expect(response.status == .notFound, "\(method) \(path): \(response.status)")
                #expect(!response.text.contains("SODE-1") && !response.text.contains("仮野"), "\(path) leaks nothing")
            }
            // Lists leave 袖ケ浦市 out.
            for path in ["/api/v1/cases", "/api/v1/ledger", "/api/v1/ledger?municipality=122297", "/api/v1/approvals",
                         "/api/v1/approvals?municipality=122297"] {
                let list = try await client.send(.get, path, headers: moriya)
                #expect(list.status == .ok)
                #expect((list.json as? [Any])?.isEmpty == true, "\(path) lists nothing of 袖ケ浦市")
            }
            let templates = try #require((try await client.send(.get, "/api/v1/templates", headers: moriya)).json as? [[String: Any]])
            #expect(templates.map { $0["municipality"] as? String } == ["082244"])
            // Acting for 袖ケ浦市 with a body of its own is refused.
            for (path, payload) in [("/api/v1/cases", body), ("/api/v1/notices?kind=recommendation", body),
                                    ("/api/v1/approvals?kind=measure", body), ("/api/v1/render?kind=recommendation", body),
                                    ("/api/v1/validate?kind=recommendation", body),
                                    ("/api/v1/packets", try OpenAPITests.inlineMeeting())] {
                let response = try await client.send(.post, path, body: payload, headers: moriya)
                #expect(response.status == .forbidden, "\(path): \(response.status)")
                #expect(response.text.contains("municipality_forbidden"))
            }
            // 袖ケ浦市's own account still sees all of it.
            let own = try #require((try await client.send(.get, "/api/v1/ledger", headers: sode)).json as? [Any])
            #expect(own.count == 2)
        }
    }

    @Test func rolesGateWhatAnAccountMayChange() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(databaseAccounts: Self.records)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let viewer = try await Self.signIn(client, "sode-etsuran")
            let staff = try await Self.signIn(client, "sode-tanto")
            let body = try ServerHarness.noticeCase(id: "ROLE-1")
            for (path, payload) in [("/api/v1/cases", body), ("/api/v1/notices?kind=recommendation", body),
                                    ("/api/v1/approvals?kind=measure", body)] {
                let refused = try await client.send(.post, path, body: payload, headers: viewer)
                #expect(refused.status == .forbidden, "viewer \(path)")
                #expect(refused.text.contains("role_forbidden"))
            }
            // A viewer reads, validates and previews.
            #expect(try await client.send(.post, "/api/v1/render?kind=recommendation", body: body, headers: viewer).status == .ok)
            #expect(try await client.send(.post, "/api/v1/cases", body: body, headers: staff).status == .created)
            #expect(try await client.send(.get, "/api/v1/cases/ROLE-1", headers: viewer).status == .ok)
            _ = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: body, headers: staff)
            let void = try await client.send(.post, "/api/v1/ledger/1/void", body: "{\"reason\": \"試験\"}", contentType: "application/json",
                                             headers: viewer)
            #expect(void.status == .forbidden)
            let asked = try await client.send(.post, "/api/v1/approvals?kind=measure", body: body, headers: staff)
            #expect(asked.status == .created)
            let byStaff = try await client.send(.post, "/api/v1/approvals/1/approve", body: "{}", contentType: "application/json", headers: staff)
            #expect(byStaff.text.contains("not_approver"))
        }
    }

    @Test func disablingAnAccountEndsItsSessionsAtOnceAndReadsAreAuditedWithTheMunicipality() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(databaseAccounts: Self.records)
        let store = try #require(dependencies.accounts as? SQLiteStore)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let staff = try await Self.signIn(client, "sode-tanto")
            #expect(try await client.send(.post, "/api/v1/cases", body: try ServerHarness.noticeCase(id: "AUD-1"), headers: staff).status == .created)
            #expect(try await client.send(.get, "/api/v1/cases/AUD-1", headers: staff).status == .ok)
            let rows = try await store.auditRows(from: "0000", to: "9999")
            let read = try #require(rows.last { $0.action == "case.read" })
            #expect(read.account == "sode-tanto" && read.caseID == "AUD-1" && read.municipality == "122297")
            #expect(rows.allSatisfy { !($0.detail ?? "").contains("仮野") })
            // Disabled (as `yorisoi accounts disable` does, from another process): the next
            // request of its session is refused, and it cannot sign in again.
            #expect(try await store.setDisabled("sode-tanto", true))
            #expect(try await client.send(.get, "/api/v1/cases", headers: staff).status == .unauthorized)
            let again = try await client.send(.post, "/login", body: "account=sode-tanto&password=correct+horse+battery+staple",
                                              contentType: "application/x-www-form-urlencoded", as: .anonymous)
            #expect(again.status == .unauthorized)
            #expect(try await store.verify().ok)
        }
    }

    /// `/render` and `/validate` parse their body inside the render gate (issue #24), so a
    /// municipality known only from the body is checked there. One the query names is checked
    /// before: with the only slot taken and no queue, such a request is still refused 403 at
    /// once — not 503 for want of a slot, nor after waiting for one.
    @Test func aMunicipalityTheQueryNamesIsRefusedWithoutWaitingForASlot() async throws {
        let gate = RenderGate(limit: 1, queueLimit: 0, timeout: 60)
        let (dependencies, _) = try ServerHarness.dependencies(databaseAccounts: Self.records, gate: gate)
        try await ServerHarness.application(dependencies).test(.router) { client in
            // Signed in first: the password check runs under the gate too.
            let moriya = try await Self.signIn(client, "moriya-tanto")
            let started = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0)
            // Let go after a while should the test fail before it releases the slot itself.
            DispatchQueue.global().asyncAfter(deadline: .now() + 30) { release.signal() }
            async let held: Int = gate.run { started.signal(); release.wait(); return 1 }
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async { started.wait(); done.resume() }
            }
            let body = try ServerHarness.noticeCase(id: "SODE-2")
            for path in ["/api/v1/render?kind=recommendation&municipality=122297",
                         "/api/v1/validate?kind=recommendation&municipality=122297"] {
                let response = try await client.send(.post, path, body: body, headers: moriya)
                #expect(response.status == .forbidden, "\(path): \(response.status)")
                #expect(response.text.contains("municipality_forbidden"))
            }
            // Without the query the municipality is in the body: that request waits for the
            // gate like any render, and with no slot and no queue it is told to come back.
            let busy = try await client.send(.post, "/api/v1/render?kind=recommendation", body: body, headers: moriya)
            #expect(busy.status == .serviceUnavailable)
            release.signal()
            #expect(try await held == 1)
        }
    }

    @Test func passwordsHaveAMinimumLength() {
        #expect(PasswordRule.problem("short-pass") != nil)
        #expect(PasswordRule.problem("correct horse battery staple") == nil)
        #expect(PasswordRule.problem("十二文字の合言葉ですよ、ね") == nil)
    }
}
