import Foundation
import Hummingbird
import Yorisoi

/// Sign-in, sign-out and the session the page keeps alive (SERVER-API.md).
public enum SessionRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let sessions = dependencies.sessions
        let configuration = dependencies.configuration

        router.get("login") { request, _ in
            // Without accounts, the URL printed at start (`/login?token=…`) exchanges the local
            // token for a cookie session; a wrong token gets a page and no cookie.
            if let localToken = dependencies.localToken {
                guard let token = request.query("token") else {
                    return loginPage(LoginPage.localInstructions, status: .ok)
                }
                guard localToken.matches(token) else {
                    return loginPage(LoginPage.wrongToken, status: .unauthorized)
                }
                let session = try await sessions.create(account: "local")
                try await dependencies.audit.append(account: "local", action: "login", caseID: nil)
                var response = Response(status: .seeOther, headers: [.location: "/", .cacheControl: "no-store"])
                response.setCookie(cookie(for: session, configuration))
                return response
            }
            return loginPage(LoginPage.html, status: .ok)
        }

        router.post("login") { request, context in
            guard let accounts = dependencies.accounts else {
                throw APIError(.unauthorized, "use_login_url",
                               "アカウントはありません。サーバーの起動時に表示された URL（/login?token=…）を開いてください",
                               "no accounts: open the URL the server printed at start (/login?token=…)")
            }
            let form = try await request.bodyBytes(limit: 16 << 10)
            let fields = FormFields(String(decoding: form, as: UTF8.self))
            guard let name = fields["account"], let password = fields["password"] else { throw APIError.unauthorized }
            let account = try await signIn(name: name, password: password, accounts: accounts,
                                           address: clientAddress(request, context, configuration), dependencies)
            let session = try await sessions.create(account: account)
            try await dependencies.audit.append(account: account, action: "login", caseID: nil)
            var response: Response
            if (request.headers[.accept] ?? "").contains("application/json") {
                var answer = sessionJSON(session, sessions)
                answer.token = session.id
                response = try Response.encoded(answer)
            } else {
                response = Response(status: .seeOther, headers: [.location: "/"])
            }
            response.setCookie(cookie(for: session, configuration))
            return response
        }

        router.post("logout") { _, context in
            // Ends exactly the credential that came: the session behind a cookie or a bearer
            // (one id, so both stop at once), or the local token until the next start.
            switch context.credential {
            case .cookie(let session), .bearer(let session): try await sessions.end(session.id)
            case .localToken: dependencies.localToken?.revoke()
            case nil: break
            }
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(Cookie(name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                      secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }

        let api = router.group("api/v1/session")
        api.get { _, context in
            try await sessionResponse(context, dependencies)
        }
        api.post("extend") { _, context in
            // The middleware has already restarted the idle clock.
            try await sessionResponse(context, dependencies)
        }
    }

    /// The current session; for the local token sent as a bearer, a cookie session is made.
    static func sessionResponse(_ context: YorisoiRequestContext, _ dependencies: ServerDependencies) async throws -> Response {
        if let session = context.session {
            return try Response.encoded(sessionJSON(session, dependencies.sessions, context))
        }
        var response = Response.json("{}")
        guard let session = try await ensureLocalSession(context, dependencies, into: &response) else {
            throw APIError(.unauthorized, "no_session", "ログインしてください（トークンではなくセッションが必要です）",
                           "no cookie session; sign in")
        }
        response.body = try Response.encoded(sessionJSON(session, dependencies.sessions, context)).body
        return response
    }

    /// A cookie session for a caller who proved to be the local user with the local token as a
    /// bearer but has no cookie yet; nil for everyone else (no more sessions for the asking).
    public static func ensureLocalSession(_ context: YorisoiRequestContext, _ dependencies: ServerDependencies,
                                          into response: inout Response) async throws -> Session? {
        if let session = context.session { return session }
        guard case .localToken = context.credential else { return nil }
        let session = try await dependencies.sessions.create(account: "local")
        response.setCookie(cookie(for: session, dependencies.configuration))
        return session
    }

    /// Checks a password unless throttling forbids it; every failure and lockout is audited
    /// with the name as typed (never the password). Throws 429 during back-off and lockout.
    static func signIn(name: String, password: String, accounts: any AccountDirectory, address: String?,
                       _ dependencies: ServerDependencies) async throws -> String {
        let throttle = dependencies.loginThrottle
        let shownName = auditName(name)
        var keys: [LoginThrottle.Key] = [.account(name)]
        if let address { keys.append(.address(address)) }
        switch throttle.decision(for: keys) {
        case .allowed:
            break
        case .wait(let seconds):
            try await dependencies.audit.append(account: shownName, action: "login.throttled", caseID: nil)
            throw tooManyAttempts(seconds, locked: false)
        case .locked(let seconds):
            try await dependencies.audit.append(account: shownName, action: "login.refused-locked", caseID: nil)
            throw tooManyAttempts(seconds, locked: true)
        }
        let record = try await accounts.account(named: name)
        let ok = try await dependencies.gate.run { PasswordRule.verify(password, against: record) }
        guard ok else {
            let lockedNow = throttle.recordFailure(for: keys)
            try await dependencies.audit.append(account: shownName, action: "login.failed", caseID: nil)
            for key in lockedNow {
                let action = switch key {
                case .account: "login.locked.account"
                case .address: "login.locked.address"
                }
                try await dependencies.audit.append(account: shownName, action: action, caseID: nil)
            }
            throw APIError(.unauthorized, "bad_credentials", "アカウントまたはパスワードが違います", "wrong account or password")
        }
        throttle.recordSuccess(account: name)
        return name
    }

    static func tooManyAttempts(_ seconds: TimeInterval, locked: Bool) -> APIError {
        let wait = max(1, Int(seconds.rounded(.up)))
        var error = locked
            ? APIError(.tooManyRequests, "login_locked",
                       "ログインの失敗が続いたため、しばらくログインできません（\(wait) 秒後に再度お試しください）",
                       "too many failed sign-ins: locked for \(wait) more seconds")
            : APIError(.tooManyRequests, "login_throttled",
                       "ログインの失敗が続いています。\(wait) 秒待ってからもう一度お試しください",
                       "too many failed sign-ins: wait \(wait) seconds")
        error.headers[.retryAfter] = String(wait)
        return error
    }

    /// The account name as typed, fit for an audit row: printable, at most 64 characters.
    static func auditName(_ name: String) -> String {
        let printable = String(String.UnicodeScalarView(name.unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F ? "?" : $0
        }))
        return printable.count > 64 ? String(printable.prefix(64)) + "…" : printable
    }

    /// The client's address for throttling: the peer, or behind a declared TLS proxy the
    /// address that proxy appended last to `X-Forwarded-For` (earlier entries are the client's
    /// own claims and could be anything).
    static func clientAddress(_ request: Request, _ context: YorisoiRequestContext, _ configuration: ServerConfiguration) -> String? {
        if configuration.behindTLSProxy, let forwarded = request.headers[.xForwardedFor],
           let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces), !last.isEmpty {
            return last
        }
        return context.peerAddress
    }

    static func loginPage(_ html: String, status: HTTPResponse.Status) -> Response {
        var response = Response.bytes(Array(html.utf8), contentType: "text/html; charset=utf-8", status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func cookie(for session: Session, _ configuration: ServerConfiguration) -> Cookie {
        Cookie(name: AuthenticationMiddleware.cookieName, value: session.id, path: "/",
               secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// With the request's context, also the role and the municipalities (nil: every one), so
    /// the page offers only what the account may do; the server checks every request anyway.
    static func sessionJSON(_ session: Session, _ sessions: SessionStore, _ context: YorisoiRequestContext? = nil) -> SessionResponse {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return SessionResponse(account: session.account, expiresAt: formatter.string(from: sessions.absoluteExpiry(session)),
                               idleExpiresAt: formatter.string(from: sessions.idleExpiry(session)), csrfToken: session.csrfToken,
                               idleTimeoutSeconds: Int(sessions.idleTimeout), role: context?.role,
                               municipalities: context?.scope.map { $0.sorted() }, token: nil, hasContext: context != nil)
    }
}

/// `application/x-www-form-urlencoded` fields.
struct FormFields {
    private var values: [String: String] = [:]

    init(_ text: String) {
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let key = parts.first else { continue }
            values[decode(key)] = parts.count > 1 ? decode(parts[1]) : ""
        }
    }

    subscript(_ key: String) -> String? { values[key] }
}

/// The sign-in page: a plain form, no script (the CSP forbids inline script anyway).
enum LoginPage {
    static let html = """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>Yorisoi ログイン</title></head>
        <body><main><h1>Yorisoi</h1>
        <form method="post" action="/login">
        <p><label>アカウント <input name="account" autocomplete="username" required></label></p>
        <p><label>パスワード <input name="password" type="password" autocomplete="current-password" required></label></p>
        <p><button type="submit">ログイン</button></p>
        </form></main></body></html>
        """

    /// Without accounts and without a token: where the sign-in URL comes from.
    static let localInstructions = """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>Yorisoi ログイン</title></head>
        <body><main><h1>Yorisoi</h1>
        <p>このサーバーにはアカウントがありません。<code>yorisoi serve</code> を起動したときに表示された
        URL（<code>http://127.0.0.1:…/login?token=…</code>）を開いてください。
        トークンはデータフォルダの <code>local-token</code> にもあります。</p>
        <p lang="en">Open the URL <code>yorisoi serve</code> printed at start (<code>/login?token=…</code>);
        the token is also in <code>local-token</code> in the data folder.</p>
        </main></body></html>
        """

    static let wrongToken = """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>Yorisoi ログイン</title></head>
        <body><main><h1>Yorisoi</h1>
        <p>トークンが違います。サーバーを起動し直すとトークンは変わります。最後に起動したときに表示された URL を開いてください。</p>
        <p lang="en">Wrong token. Each start of the server makes a new one: open the URL it printed last.</p>
        </main></body></html>
        """
}
