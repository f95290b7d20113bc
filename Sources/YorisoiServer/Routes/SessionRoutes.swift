import Foundation
import Hummingbird

/// Sign-in, sign-out and the session the page keeps alive (SERVER-API.md).
public enum SessionRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let sessions = dependencies.sessions
        let configuration = dependencies.configuration

        router.get("login") { _, _ in
            var response = Response.bytes(Array(LoginPage.html.utf8), contentType: "text/html; charset=utf-8")
            response.headers[.cacheControl] = "no-store"
            return response
        }

        router.post("login") { request, _ in
            let form = try await request.bodyBytes(limit: 16 << 10)
            let fields = FormFields(String(decoding: form, as: UTF8.self))
            let account: String
            if let accounts = configuration.accounts {
                guard let name = fields["account"], let password = fields["password"] else { throw APIError.unauthorized }
                let ok = try await dependencies.gate.run { accounts.verify(account: name, password: password) }
                guard ok else {
                    throw APIError(.unauthorized, "bad_credentials", "アカウントまたはパスワードが違います", "wrong account or password")
                }
                account = name
            } else {
                account = "local"
            }
            let session = sessions.create(account: account)
            try await dependencies.audit.append(account: account, action: "login", caseID: nil)
            var response: Response
            if (request.headers[.accept] ?? "").contains("application/json") {
                var object = sessionJSON(session, sessions)
                object.add("token", session.id)
                response = Response.json(object.text)
            } else {
                response = Response(status: .seeOther, headers: [.location: "/"])
            }
            response.setCookie(cookie(for: session, configuration))
            return response
        }

        router.post("logout") { _, context in
            if let session = context.session { sessions.end(session.id) }
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(Cookie(name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/",
                                      secure: configuration.secureCookies, httpOnly: true, sameSite: .strict))
            return response
        }

        let api = router.group("api/v1/session")
        api.get { _, context in
            try sessionResponse(context, dependencies)
        }
        api.post("extend") { _, context in
            // The middleware has already restarted the idle clock.
            try sessionResponse(context, dependencies)
        }
    }

    /// The current session; on loopback without accounts one for "local" is made on first use.
    static func sessionResponse(_ context: YorisoiRequestContext, _ dependencies: ServerDependencies) throws -> Response {
        if let session = context.session {
            return Response.json(sessionJSON(session, dependencies.sessions).text)
        }
        var response = Response.json("{}")
        guard let session = ensureLocalSession(context, dependencies, into: &response) else {
            throw APIError(.unauthorized, "no_session", "ログインしてください（トークンではなくセッションが必要です）",
                           "no cookie session; sign in")
        }
        response.body = ResponseBody(byteBuffer: ByteBuffer(string: sessionJSON(session, dependencies.sessions).text))
        return response
    }

    /// For the page's GET: without accounts on loopback, a "local" session is created and its
    /// cookie set when the request has none, so CSRF and session code paths are the same.
    public static func ensureLocalSession(_ context: YorisoiRequestContext, _ dependencies: ServerDependencies,
                                          into response: inout Response) -> Session? {
        if let session = context.session { return session }
        guard dependencies.configuration.accounts == nil else { return nil }
        let session = dependencies.sessions.create(account: "local")
        response.setCookie(cookie(for: session, dependencies.configuration))
        return session
    }

    static func cookie(for session: Session, _ configuration: ServerConfiguration) -> Cookie {
        Cookie(name: AuthenticationMiddleware.cookieName, value: session.id, path: "/",
               secure: configuration.secureCookies, httpOnly: true, sameSite: .strict)
    }

    static func sessionJSON(_ session: Session, _ sessions: SessionStore) -> JSONObject {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var object = JSONObject()
        object.add("account", session.account)
        object.add("expires_at", formatter.string(from: sessions.absoluteExpiry(session)))
        object.add("idle_expires_at", formatter.string(from: sessions.idleExpiry(session)))
        object.add("csrf_token", session.csrfToken)
        return object
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
}
