import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import Synchronization
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer

@Suite("Security: accounts, sessions, CSRF, origin, limits, headers, audit chain")
struct SecurityTests {
    /// bcrypt at the lowest cost, so the test is quick; the server's own default is 12.
    static let accounts = Accounts(hashes: ["kato": String(Accounts.line(account: "kato", password: "pw-テスト", cost: 4).dropFirst(5))])

    @Test func everyAnswerCarriesTheProtectiveHeaders() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let page = try await client.send(.get, "/")
            #expect(page.status == .ok)
            #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
            #expect(page.headers[.contentTypeOptions] == "nosniff")
            #expect(page.headers[.frameOptions] == "DENY")
            let templates = try await client.send(.get, "/api/v1/templates")
            #expect(templates.headers[.cacheControl] == "no-store")
        }
    }

    @Test func withAccountsEveryAPIRouteNeedsASignIn() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(accounts: Self.accounts)
        try await ServerHarness.application(dependencies).test(.router) { client in
            #expect(try await client.send(.get, "/healthz", as: .anonymous).status == .ok)
            #expect(try await client.send(.get, "/api/v1/ledger", as: .anonymous).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/cases", as: .anonymous).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/ledger", headers: [.authorization: "Bearer nope"]).status == .unauthorized)
            let wrong = try await client.send(.post, "/login", body: "account=kato&password=wrong",
                                              contentType: "application/x-www-form-urlencoded", as: .anonymous)
            #expect(wrong.status == .unauthorized)
            let signedIn = try await client.send(.post, "/login", body: "account=kato&password=pw-%E3%83%86%E3%82%B9%E3%83%88",
                                                 contentType: "application/x-www-form-urlencoded",
                                                 headers: [.accept: "application/json"], as: .anonymous)
            #expect(signedIn.status == .ok)
            let cookie = try #require(signedIn.headers[.setCookie])
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let session = try #require(signedIn.json as? [String: Any])
            let token = try #require(session["token"] as? String)
            let csrf = try #require(session["csrf_token"] as? String)
            #expect(session["account"] as? String == "kato")

            // Bearer token: no CSRF needed (no ambient credential).
            #expect(try await client.send(.get, "/api/v1/ledger", headers: [.authorization: "Bearer \(token)"]).status == .ok)
            let cookieHeader = "yorisoi_session=\(token)"
            // Cookie session: POST without the CSRF token is refused, with it accepted.
            let body = try ServerHarness.noticeCase(id: "S-1")
            let noToken = try await client.send(.post, "/api/v1/cases", body: body, headers: [.cookie: cookieHeader])
            #expect(noToken.status == .forbidden)
            let withToken = try await client.send(.post, "/api/v1/cases", body: body,
                                                  headers: [.cookie: cookieHeader, HTTPField.Name("X-CSRF-Token")!: csrf])
            #expect(withToken.status == .created)
            let versions = try await client.send(.get, "/api/v1/cases/S-1/versions", headers: [.cookie: cookieHeader])
            #expect((versions.json as? [[String: Any]])?.first?["account"] as? String == "kato")
        }
    }

    @Test func aCrossOriginPostIsRefused() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let body = try ServerHarness.noticeCase(id: "O-1")
            let foreign = try await client.send(.post, "/api/v1/validate?kind=recommendation", body: body,
                                                headers: [.origin: "https://evil.example", HTTPField.Name("Host")!: "127.0.0.1:8080"])
            #expect(foreign.status == .forbidden)
            let own = try await client.send(.post, "/api/v1/validate?kind=recommendation", body: body,
                                            headers: [.origin: "http://127.0.0.1:8080", HTTPField.Name("Host")!: "127.0.0.1:8080"])
            #expect(own.status == .ok)
        }
    }

    /// The local token as a bearer on the page's first load starts a cookie session (the page
    /// then works with the cookie and its CSRF token, like a signed-in account).
    @Test func theLoopbackPageStartsALocalSessionWithACSRFToken() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let page = try await client.send(.get, "/")
            let setCookie = try #require(page.headers[.setCookie])
            let id = String(setCookie.dropFirst("yorisoi_session=".count).prefix { $0 != ";" })
            let session = try await client.send(.get, "/api/v1/session", headers: [.cookie: "yorisoi_session=\(id)"])
            let object = try #require(session.json as? [String: Any])
            #expect(object["account"] as? String == "local")
            let csrf = try #require(object["csrf_token"] as? String)
            let refused = try await client.send(.post, "/api/v1/session/extend", headers: [.cookie: "yorisoi_session=\(id)"])
            #expect(refused.status == .forbidden)
            let extended = try await client.send(.post, "/api/v1/session/extend",
                                                 headers: [.cookie: "yorisoi_session=\(id)", HTTPField.Name("X-CSRF-Token")!: csrf])
            #expect(extended.status == .ok)
        }
    }

    @Test func sessionsEndWhenIdleAndAfterTheirLifetime() async throws {
        let clock = TestClock()
        let store = SessionStore(idleTimeout: 30 * 60, absoluteTimeout: 12 * 3600, now: { clock.now })
        let idle = try await store.create(account: "a")
        clock.advance(29 * 60)
        #expect(try await store.touch(idle.id) != nil)
        clock.advance(29 * 60)
        #expect(try await store.touch(idle.id) != nil, "each request restarts the idle clock")
        clock.advance(31 * 60)
        #expect(try await store.touch(idle.id) == nil, "31 minutes idle ends it")

        let busy = try await store.create(account: "b")
        for _ in 0..<(12 * 4 - 1) {
            clock.advance(15 * 60)
            #expect(try await store.touch(busy.id) != nil)
        }
        clock.advance(15 * 60)
        #expect(try await store.touch(busy.id) == nil, "12 hours in all ends it, however active")
    }

    @Test func oversizedBodiesAre413() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(maxBody: 1000)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let big = String(repeating: "a: b\n", count: 1000)
            let response = try await client.send(.post, "/api/v1/validate?kind=support-plan", body: big)
            #expect(response.status == .contentTooLarge)
        }
    }

    @Test func offLoopbackTheServerRefusesToStartWithoutAccountsAndTLS() throws {
        var configuration = ServerConfiguration(resourceRoot: TestPaths.repositoryRoot)
        #expect(throws: Never.self) { try configuration.check() }
        configuration.host = "0.0.0.0"
        #expect(throws: ServerConfiguration.Refusal.self) { try configuration.check() }
        configuration.accounts = Self.accounts
        #expect(throws: ServerConfiguration.Refusal.self) { try configuration.check() }
        configuration.behindTLSProxy = true
        #expect(throws: Never.self) { try configuration.check() }
        #expect(configuration.secureCookies)
    }

    @Test func everyPersonalDataRequestIsAuditedAndTheChainShowsTampering() async throws {
        let (dependencies, data) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            _ = try await client.send(.post, "/api/v1/cases", body: try ServerHarness.noticeCase(id: "A-1"))
            _ = try await client.send(.get, "/api/v1/cases/A-1")
            _ = try await client.send(.post, "/api/v1/render?kind=recommendation", body: try ServerHarness.noticeCase(id: "A-1"))
        }
        let verification = try await dependencies.audit.verify()
        #expect(verification.ok)
        #expect(verification.rows == 3)
        let path = data.appendingPathComponent(SQLiteStore.fileName).path
        let queue = try DatabaseQueue(path: path)
        let rows = try queue.read { try Row.fetchAll($0, sql: "SELECT account, action, case_id FROM audit ORDER BY id") }
        #expect(rows.map { $0["action"] as String } == ["case.create", "case.read", "render.recommendation"])
        #expect(rows.allSatisfy { ($0["case_id"] as String?) == "A-1" && ($0["account"] as String) == "local" })
        // Someone with the file drops the trigger and edits a row: the chain no longer verifies.
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET account = 'someone-else' WHERE id = 2")
        }
        let tampered = try await dependencies.audit.verify()
        #expect(tampered.firstBrokenRow == 2)
    }

    /// Concurrent appends share transactions (group commit) and still form one unbroken chain,
    /// each row stored once, every append returning only after its row is stored.
    @Test func concurrentAuditRowsAreAllStoredInOneChain() async throws {
        let (dependencies, data) = try ServerHarness.dependencies()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for n in 0..<300 {
                group.addTask { try await dependencies.audit.append(account: "local", action: "render.support-plan", caseID: "C-\(n)") }
            }
            try await group.waitForAll()
        }
        let verification = try await dependencies.audit.verify()
        #expect(verification.ok)
        #expect(verification.rows == 300)
        let queue = try DatabaseQueue(path: data.appendingPathComponent(SQLiteStore.fileName).path)
        let ids = try await queue.read { try String.fetchAll($0, sql: "SELECT case_id FROM audit") }
        #expect(Set(ids) == Set((0..<300).map { "C-\($0)" }))
    }
}

final class TestClock: Sendable {
    private let current = Mutex(Date(timeIntervalSince1970: 1_750_000_000))
    var now: Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
}
