import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer

/// Issue #23: host allow-list, the local token, logout, login throttling, bind options, case
/// ids in paths, and no 500 a client can cause.
@Suite("Hardening: hosts, local token, logout, throttling, ids")
struct HardeningTests {
    static let accounts = SecurityTests.accounts
    static let hostField = HTTPField.Name("Host")!
    static let csrfField = HTTPField.Name("X-CSRF-Token")!
    static let forwardedField = HTTPField.Name("X-Forwarded-For")!

    // MARK: 1. Host allow-list

    @Test func anotherHostNameIs421BeforeAnythingElse() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            for host in ["evil.example:8080", "evil.example", "127.0.0.1:9999", "127.0.0.1.nip.io:8080", "localhost.evil.example"] {
                for path in ["/healthz", "/api/v1/templates", "/", "/login"] {
                    let response = try await client.send(.get, path, headers: [Self.hostField: host])
                    #expect(response.status.code == 421, "\(host) \(path)")
                    let error = (response.json as? [String: Any])?["error"] as? [String: Any]
                    #expect(error?["code"] as? String == "unknown_host")
                }
            }
            // Even without a credential: the host check comes first.
            #expect(try await client.send(.get, "/api/v1/cases", headers: [Self.hostField: "evil.example"], as: .anonymous).status.code == 421)
            for host in ["127.0.0.1:8080", "127.0.0.1", "localhost:8080", "LOCALHOST", "[::1]:8080", "[::1]"] {
                #expect(try await client.send(.get, "/healthz", headers: [Self.hostField: host]).status == .ok, "\(host)")
            }
        }
    }

    @Test func offLoopbackTheBoundAddressAndThePublicHostsAreAnswered() {
        var configuration = ServerConfiguration(resourceRoot: TestPaths.repositoryRoot)
        configuration.host = "192.0.2.10"
        configuration.publicHosts = ["yorisoi.city.example.lg.jp", "alt.example:443"]
        let allowed = configuration.allowedHosts(port: 8443)
        #expect(allowed == ["192.0.2.10", "192.0.2.10:8443", "yorisoi.city.example.lg.jp",
                            "yorisoi.city.example.lg.jp:8443", "alt.example:443"])
        configuration.host = "::1"
        #expect(configuration.allowedHosts(port: 80).contains("[::1]:80"))
        #expect(configuration.allowedHosts(port: 80).contains("localhost"))
    }

    // MARK: 5. --host and --port

    @Test func theHostIsParsedAndLoopbackIsDecidedOnTheAddress() throws {
        #expect(ListenAddress("127.0.0.1")?.isLoopback == true)
        #expect(ListenAddress("127.8.9.10")?.isLoopback == true)
        #expect(ListenAddress("::1")?.isLoopback == true)
        #expect(ListenAddress("[::1]")?.isLoopback == true)
        #expect(ListenAddress("::ffff:127.0.0.1")?.isLoopback == true)
        #expect(ListenAddress("localhost")?.isLoopback == true)
        #expect(ListenAddress("0.0.0.0")?.isLoopback == false)
        #expect(ListenAddress("::")?.isLoopback == false)
        #expect(ListenAddress("192.0.2.1")?.isLoopback == false)
        for name in ["127.evil.invalid", "localhost.", "LOCALHOST2", "example.jp", "127.0.0.1.", "", "fe80::1%eth0", "1.2.3"] {
            #expect(ListenAddress(name) == nil, "\(name)")
        }
        #expect(ListenAddress("::1")?.hostHeaderForm == "[::1]")
        var configuration = ServerConfiguration(resourceRoot: TestPaths.repositoryRoot)
        configuration.host = "127.evil.invalid"
        #expect(!configuration.isLoopback)
        #expect(throws: ServerConfiguration.Refusal.self) { try configuration.check() }
        configuration.host = "127.0.0.1"
        configuration.port = 99999
        #expect(throws: ServerConfiguration.Refusal.self) { try configuration.check() }
        configuration.port = -1
        #expect(throws: ServerConfiguration.Refusal.self) { try configuration.check() }
        configuration.port = 0
        #expect(throws: Never.self) { try configuration.check() }
    }

    // MARK: 2. The local token

    @Test func withoutTheTokenEveryRouteButTheOpenOnesIs401() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        let operations = try OpenAPITests.operations()
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            for operation in operations.keys.sorted() where operation.contains(" /api/v1/") || operation == "POST /logout" {
                let method = HTTPRequest.Method(rawValue: String(operation.prefix { $0 != " " }))!
                let path = String(operation.drop { $0 != " " }.dropFirst())
                    .replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{municipality}", with: "122297")
                    .replacingOccurrences(of: "{kind}", with: "support-plan")
                let response = try await client.send(method, path, body: method == .get ? nil : "version: 1\n", as: .anonymous)
                #expect(response.status == .unauthorized, "\(operation) answered \(response.status.code)")
                let wrong = try await client.send(method, path, body: method == .get ? nil : "version: 1\n",
                                                  headers: [.authorization: "Bearer not-the-token"])
                #expect(wrong.status == .unauthorized, "\(operation) with a wrong token answered \(wrong.status.code)")
            }
            #expect(try await client.send(.get, "/healthz", as: .anonymous).status == .ok)
            // The page shell holds no data and starts no session for the asking.
            let page = try await client.send(.get, "/", as: .anonymous)
            #expect(page.status == .ok)
            #expect(page.headers[.setCookie] == nil)
            // No account to sign in to: POST /login makes no session either.
            let login = try await client.send(.post, "/login", body: "account=local&password=x",
                                              contentType: "application/x-www-form-urlencoded", as: .anonymous)
            #expect(login.status == .unauthorized)
            #expect(login.headers[.setCookie] == nil)
        }
    }

    @Test func theLoginURLExchangesTheTokenForACookieSession() async throws {
        let (dependencies, data) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            let wrong = try await client.send(.get, "/login?token=AAAA\(ServerHarness.localToken.dropFirst(4))", as: .anonymous)
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            let empty = try await client.send(.get, "/login?token=", as: .anonymous)
            #expect(empty.status == .unauthorized)
            let instructions = try await client.send(.get, "/login", as: .anonymous)
            #expect(instructions.status == .ok && instructions.text.contains("login?token="))

            let login = try await client.send(.get, "/login?token=\(ServerHarness.localToken)", as: .anonymous)
            #expect(login.status == .seeOther)
            #expect(login.headers[.location] == "/")
            let setCookie = try #require(login.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
            let cookie = "yorisoi_session=" + setCookie.dropFirst("yorisoi_session=".count).prefix { $0 != ";" }
            let session = try await client.send(.get, "/api/v1/session", headers: [.cookie: cookie])
            let object = try #require(session.json as? [String: Any])
            #expect(object["account"] as? String == "local")
            let csrf = try #require(object["csrf_token"] as? String)

            let body = try ServerHarness.noticeCase(id: "T-1")
            #expect(try await client.send(.post, "/api/v1/cases", body: body, headers: [.cookie: cookie]).status == .forbidden,
                    "a cookie POST without the CSRF token")
            #expect(try await client.send(.post, "/api/v1/cases", body: body, headers: [.cookie: cookie, Self.csrfField: csrf]).status == .created)
            let foreign = try await client.send(.post, "/api/v1/cases", body: body,
                                                headers: [.cookie: cookie, Self.csrfField: csrf, .origin: "https://evil.example",
                                                          Self.hostField: "127.0.0.1:8080"])
            #expect(foreign.status == .forbidden, "a cross-origin POST, even with cookie and CSRF token")
        }
        let queue = try DatabaseQueue(path: data.appendingPathComponent(SQLiteStore.fileName).path)
        let rows = try queue.read { try Row.fetchAll($0, sql: "SELECT account, action FROM audit ORDER BY id") }
        #expect(rows.map { $0["action"] as String } == ["login", "case.create"])
        #expect(rows.allSatisfy { ($0["account"] as String) == "local" })
    }

    @Test func theTokenFileIsNewAtEveryStartAndOnlyItsOwnerCanReadIt() throws {
        let folder = try TestPaths.makeTemporaryDirectory("yorisoi-token")
        let first = try LocalToken.issue(in: folder)
        let file = folder.appendingPathComponent(LocalToken.fileName)
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let written = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(written == first.value)
        #expect(written.count == 43, "32 bytes in unpadded base64url")
        #expect(written.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        let second = try LocalToken.issue(in: folder)
        #expect(second.value != first.value)
        #expect(try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .newlines) == second.value)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [LocalToken.fileName])
        #expect(second.matches(written) == false && second.matches(second.value ?? "") == true)
    }

    // MARK: 3. Logout and expiry

    @Test func logoutEndsTheSessionForTheCookieAndTheBearerAtOnce() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(accounts: Self.accounts)
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            let token = try await Self.signIn(client)
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            let cookie: HTTPFields = [.cookie: "yorisoi_session=\(token)"]
            #expect(try await client.send(.get, "/api/v1/ledger", headers: bearer).status == .ok)
            #expect(try await client.send(.get, "/api/v1/ledger", headers: cookie).status == .ok)
            #expect(try await client.send(.post, "/logout", headers: bearer).status == .seeOther)
            #expect(try await client.send(.get, "/api/v1/ledger", headers: bearer).status == .unauthorized)
            #expect(try await client.send(.get, "/api/v1/ledger", headers: cookie).status == .unauthorized)

            // By cookie (with its CSRF token): the bearer use of the same session ends too.
            let second = try await Self.signIn(client)
            let session = try await client.send(.get, "/api/v1/session", headers: [.cookie: "yorisoi_session=\(second)"])
            let csrf = try #require((session.json as? [String: Any])?["csrf_token"] as? String)
            #expect(try await client.send(.post, "/logout", headers: [.cookie: "yorisoi_session=\(second)", Self.csrfField: csrf]).status == .seeOther)
            #expect(try await client.send(.get, "/api/v1/ledger", headers: [.authorization: "Bearer \(second)"]).status == .unauthorized)
        }
    }

    @Test func logoutWithTheLocalTokenRevokesIt() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            #expect(try await client.send(.get, "/api/v1/templates").status == .ok)
            #expect(try await client.send(.post, "/logout").status == .seeOther)
            #expect(try await client.send(.get, "/api/v1/templates").status == .unauthorized)
            #expect(try await client.send(.get, "/login?token=\(ServerHarness.localToken)", as: .anonymous).status == .unauthorized)
        }
    }

    @Test func aBearerTokenExpiresLikeTheCookie() async throws {
        let clock = TestClock()
        let sessions = SessionStore(idleTimeout: 30 * 60, absoluteTimeout: 12 * 3600, now: { clock.now })
        let (dependencies, _) = try ServerHarness.dependencies(accounts: Self.accounts, sessions: sessions)
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            let idle = try await Self.signIn(client)
            clock.advance(29 * 60)
            #expect(try await client.send(.get, "/api/v1/ledger", headers: [.authorization: "Bearer \(idle)"]).status == .ok)
            clock.advance(31 * 60)
            #expect(try await client.send(.get, "/api/v1/ledger", headers: [.authorization: "Bearer \(idle)"]).status == .unauthorized)

            let busy = try await Self.signIn(client)
            for _ in 0..<47 {
                clock.advance(15 * 60)
                #expect(try await client.send(.get, "/api/v1/templates", headers: [.authorization: "Bearer \(busy)"]).status == .ok)
            }
            clock.advance(15 * 60)
            #expect(try await client.send(.get, "/api/v1/templates", headers: [.authorization: "Bearer \(busy)"]).status == .unauthorized,
                    "12 hours in all, however active")
        }
    }

    // MARK: 4. Login throttling

    @Test func failedSignInsBackOffThenLockTheAccountAndAreAudited() async throws {
        let clock = TestClock()
        let throttle = LoginThrottle(limits: LoginLimits(), now: { clock.now })
        let (dependencies, data) = try ServerHarness.dependencies(accounts: Self.accounts, throttle: throttle)
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            for _ in 0..<5 {
                #expect(try await Self.login(client, password: "wrong-パスワード").status == .unauthorized)
            }
            // Back-off: the 6th attempt at once is 429 without a password check — even the right one.
            let waiting = try await Self.login(client, password: "pw-テスト")
            #expect(waiting.status == .tooManyRequests)
            #expect(waiting.headers[.retryAfter] == "1")
            #expect(Self.errorCode(waiting) == "login_throttled")
            // Each further failure doubles the wait: 1, 2, 4, 8 seconds.
            for wait in [1.0, 2, 4, 8] {
                clock.advance(wait)
                #expect(try await Self.login(client, password: "wrong").status == .unauthorized)
                clock.advance(wait)  // The back-off now is 2 × wait; half of it is not enough.
                #expect(try await Self.login(client, password: "wrong").status == .tooManyRequests)
                clock.advance(wait)
            }
            clock.advance(16)
            // The 10th failure locks the account for 15 minutes.
            #expect(try await Self.login(client, password: "wrong").status == .unauthorized)
            clock.advance(10 * 60)
            let locked = try await Self.login(client, password: "pw-テスト")
            #expect(locked.status == .tooManyRequests, "the right password during the lock is refused")
            #expect(Self.errorCode(locked) == "login_locked")
            #expect(locked.headers[.retryAfter] == "300")
            clock.advance(5 * 60)
            #expect(try await Self.login(client, password: "pw-テスト").status == .ok, "after 15 minutes the lock ends")
        }
        let queue = try DatabaseQueue(path: data.appendingPathComponent(SQLiteStore.fileName).path)
        let rows = try queue.read { try Row.fetchAll($0, sql: "SELECT account, action, case_id FROM audit ORDER BY id") }
        let actions = rows.map { $0["action"] as String }
        #expect(actions.filter { $0 == "login.failed" }.count == 10)
        #expect(actions.filter { $0 == "login.locked.account" }.count == 1)
        #expect(actions.contains("login.throttled") && actions.contains("login.refused-locked"))
        #expect(actions.last == "login")
        #expect(rows.allSatisfy { ($0["account"] as String) == "kato" && ($0["case_id"] as String?) == nil })
        let all = try await queue.read { try String.fetchAll($0, sql: "SELECT account || action || COALESCE(case_id, '') FROM audit") }
        #expect(!all.joined().contains("wrong") && !all.joined().contains("pw-"), "no password in the audit log")
        #expect(try await dependencies.audit.verify().ok)
    }

    @Test func oneAddressTryingManyAccountsIsLockedToo() async throws {
        let clock = TestClock()
        let throttle = LoginThrottle(limits: LoginLimits(), now: { clock.now })
        // Behind a declared TLS proxy the client address is the one the proxy appended.
        let (dependencies, data) = try ServerHarness.dependencies(accounts: Self.accounts, behindTLSProxy: true, throttle: throttle)
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            for n in 0..<10 {
                clock.advance(600)  // Past any back-off: only the count matters here.
                let response = try await Self.login(client, account: "guess\(n)", password: "x", forwardedFor: "198.51.100.7, 203.0.113.9")
                #expect(response.status == .unauthorized, "attempt \(n + 1)")
            }
            let locked = try await Self.login(client, password: "pw-テスト", forwardedFor: "203.0.113.9")
            #expect(locked.status == .tooManyRequests && Self.errorCode(locked) == "login_locked")
            let elsewhere = try await Self.login(client, password: "pw-テスト", forwardedFor: "203.0.113.10")
            #expect(elsewhere.status == .ok, "another address and an unlocked account sign in")
        }
        let queue = try DatabaseQueue(path: data.appendingPathComponent(SQLiteStore.fileName).path)
        let actions = try await queue.read { try String.fetchAll($0, sql: "SELECT action FROM audit") }
        #expect(actions.filter { $0 == "login.locked.address" }.count == 1)
    }

    @Test func theThrottleForgetsAfterAQuietSpellAndASuccessResetsTheAccount() {
        let clock = TestClock()
        let throttle = LoginThrottle(limits: LoginLimits(), now: { clock.now })
        let keys: [LoginThrottle.Key] = [.account("a"), .address("192.0.2.1")]
        for _ in 0..<4 { #expect(throttle.recordFailure(for: keys).isEmpty) }
        #expect(throttle.decision(for: keys) == .allowed, "four failures cost nothing")
        #expect(throttle.recordFailure(for: keys).isEmpty)
        #expect(throttle.decision(for: keys) == .wait(1))
        throttle.recordSuccess(account: "a")
        #expect(throttle.decision(for: [.account("a")]) == .allowed)
        #expect(throttle.decision(for: [.address("192.0.2.1")]) == .wait(1), "the address keeps its count")
        clock.advance(15 * 60)
        #expect(throttle.decision(for: keys) == .allowed)
        for _ in 0..<9 { _ = throttle.recordFailure(for: [.address("192.0.2.1")]) }
        // A quiet spell forgot the old five: nine new failures are back-off (2⁴ s), not a lock.
        #expect(throttle.decision(for: [.address("192.0.2.1")]) == .wait(16))
    }

    // MARK: 6. Case ids

    @Test func anIdWithKanjiIsDecodedOnceForEveryRoute() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            let body = try ServerHarness.noticeCase(id: "袖-0042")
            #expect(try await client.send(.post, "/api/v1/cases", body: body).status == .created)
            let path = "/api/v1/cases/%E8%A2%96-0042"
            let read = try await client.send(.get, path)
            #expect(read.status == .ok)
            #expect((read.json as? [String: Any])?["id"] as? String == "袖-0042")
            #expect(try await client.send(.put, path, body: body).status == .ok)
            let versions = try await client.send(.get, path + "/versions")
            #expect((versions.json as? [[String: Any]])?.count == 2)
            #expect(try await client.send(.get, path + "/export").status == .ok)
            #expect(try await client.send(.get, path + "?version=1").status == .ok)
            let issued = try await client.send(.post, "/api/v1/notices?kind=recommendation", body: body)
            #expect(issued.status == .created)
            // Decoded exactly once: %2541 is the id "%41", not "A".
            #expect(try await client.send(.get, "/api/v1/cases/%2541").status == .notFound)
            #expect(try await client.send(.get, "/api/v1/cases/%E8%A2").status == .badRequest)
        }
    }

    @Test(arguments: ["=HYPERLINK(\"x\")", "-cmd", "<img src=x onerror=alert(1)>", "a/b", "+1", "@SUM(A1)", ".hidden", "manifest"])
    func anIdTheCommandLineRefusesIsRefusedWithTheRule(id: String) async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            let body = try ServerHarness.noticeCase(id: "ID-1").replacingOccurrences(of: "id: \"ID-1\"", with: "id: '\(id)'")
            let saved = try await client.send(.post, "/api/v1/cases", body: body)
            #expect(saved.status == .unprocessableContent)
            let diagnostic = try #require((((saved.json as? [String: Any])?["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])?.first)
            #expect(diagnostic["code"] as? String == "E026")
            #expect((diagnostic["message"] as? String)?.contains("ケースID はファイル名に使われます") == true)
            #expect(!saved.text.contains(id), "the refused id is not echoed")
            let encoded = try #require(id.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            #expect(try await client.send(.get, "/api/v1/cases/\(encoded)").status == .unprocessableContent)
            let validated = try await client.send(.post, "/api/v1/validate?kind=recommendation", body: body)
            #expect(validated.text.contains("E026"), "validate applies the same rule")
        }
    }

    // MARK: 7. No 500 a client can cause

    @Test(arguments: ["000000", "abc", "99999999", "122290", "%00"])
    func anUnknownOrMalformedMunicipalityIs4xx(code: String) async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        let body = try ServerHarness.sample("mihon-national-support-plan.yaml")
        try await ServerHarness.application(dependencies).test(.router) { (client) async throws in
            for route in ["render?kind=support-plan", "validate?kind=support-plan", "render?kind=recommendation", "notices?kind=recommendation"] {
                let response = try await client.send(.post, "/api/v1/\(route)&municipality=\(code)", body: body)
                #expect((400..<500).contains(Int(response.status.code)), "\(route) \(code): \(response.status.code) \(response.text.prefix(200))")
            }
        }
    }

    // MARK: helpers

    static func login(_ client: some TestClientProtocol, account: String = "kato", password: String,
                      forwardedFor: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.accept: "application/json"]
        if let forwardedFor { headers[Self.forwardedField] = forwardedFor }
        let form = "account=\(account)&password=\(password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        return try await client.send(.post, "/login", body: form, contentType: "application/x-www-form-urlencoded",
                                     headers: headers, as: .anonymous)
    }

    static func signIn(_ client: some TestClientProtocol) async throws -> String {
        let response = try await login(client, password: "pw-テスト")
        return try #require((response.json as? [String: Any])?["token"] as? String)
    }

    static func errorCode(_ response: TestResponse) -> String? {
        ((response.json as? [String: Any])?["error"] as? [String: Any])?["code"] as? String
    }
}

/// A kind the municipality's profile cannot print (袖ケ浦市 has no 減免 bands) is the client's
/// choice, answered 400 naming the profile's missing field — never 500 as a broken installation.
@Suite struct KindNotOfferedTests {
    @Test func aFeeReductionForATownWithoutBandsIs400() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        let sample = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("samples/cases/mihon-fee-reduction.yaml"),
                                encoding: .utf8)
        let sodegaura = sample.replacingOccurrences(of: "municipality: \"990019\"", with: "municipality: \"122297\"")
        #expect(sodegaura != sample)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let response = try await client.send(.post, "/api/v1/render?kind=fee-reduction", body: sodegaura)
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(response.text.contains("\"configuration\"") && response.text.contains("T043"))
            #expect(response.text.contains("fee_reduction"))
            let offered = try await client.send(.post, "/api/v1/render?kind=fee-reduction", body: sample)
            #expect(offered.status == .ok, "\(offered.text)")
        }
    }
}
