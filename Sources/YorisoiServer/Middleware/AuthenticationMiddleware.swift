import Foundation
import Hummingbird

/// Who is asking, and may they: a bearer token (a session's id, or without accounts the local
/// token of `DATA/local-token`) or the `yorisoi_session` cookie names the caller; anything else
/// is refused 401 outside the public paths. There is no implicit account: on loopback another
/// program or a web page in the browser could otherwise act as the local user. A cookie session
/// must send its CSRF token on every POST/PUT, and a POST/PUT whose Origin is not this server
/// is refused 403 whatever it carries.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = YorisoiRequestContext
    public static let cookieName = "yorisoi_session"
    /// Routes anyone may call: liveness, the API document, the sign-in page and form.
    static let publicPaths: Set<String> = ["/healthz", "/openapi.yaml", "/login"]

    let sessions: SessionStore
    let localToken: LocalToken?
    let accounts: (any AccountDirectory)?

    public init(sessions: SessionStore, localToken: LocalToken?, accounts: (any AccountDirectory)? = nil) {
        self.sessions = sessions
        self.localToken = localToken
        self.accounts = accounts
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let unsafe = request.method != .get && request.method != .head && request.method != .options
        if unsafe, let origin = request.headers[.origin], !Self.sameOrigin(origin, host: request.headers[.hostHeader] ?? request.head.authority) {
            throw APIError(.forbidden, "cross_origin", "別のサイトからの送信は受け付けません", "cross-origin request refused")
        }
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            if let localToken, localToken.matches(token) {
                context.account = "local"
                context.credential = .localToken
            } else if let session = try await sessions.touch(token) {
                // touch() applies the idle and absolute limits to a bearer exactly as to a cookie.
                context.account = session.account
                context.credential = .bearer(session)
            } else {
                throw APIError.unauthorized
            }
        } else if let id = request.cookies[Self.cookieName]?.value, let session = try await sessions.touch(id) {
            context.account = session.account
            context.session = session
            context.credential = .cookie(session)
            if unsafe && !Self.publicPaths.contains(request.uri.path) {
                let sent = request.headers[.csrfToken] ?? ""
                guard SessionStore.same(sent, session.csrfToken) else {
                    throw APIError(.forbidden, "csrf", "画面を読み込み直してください（CSRF トークンが違います）", "missing or wrong CSRF token")
                }
            }
        }
        if context.account == nil && !Self.isPublic(request.uri.path) {
            throw APIError.unauthorized
        }
        try await grant(&context)
        // The same municipalities again at the database: a store with row-level security
        // (PostgreSQL) shows this request no other municipality's rows, whatever a route asks.
        let scope: StoreScope = context.scope.map { .only($0) } ?? .all
        return try await StoreScope.$current.withValue(scope) { try await next(request, context) }
    }

    /// Role and municipalities. The account is looked up on every request, so one disabled
    /// (`yorisoi accounts disable`, another process) loses its sessions at once.
    func grant(_ context: inout Context) async throws {
        switch context.credential {
        case .localToken:
            context.role = .admin
            context.scope = nil
        case .cookie(let session), .bearer(let session):
            guard let accounts else {
                context.role = .admin   // the local user's cookie session (no accounts)
                return
            }
            guard let record = try await accounts.account(named: session.account), !record.disabled else {
                try await sessions.end(session.id)
                throw APIError.unauthorized
            }
            context.role = record.role
            context.scope = record.scope
        case nil:
            break
        }
    }

    /// Public paths, and the page shell and its assets: they hold no personal data (the page
    /// fetches everything through the API, which needs a credential) and the page must load to
    /// tell a signed-out user how to sign in.
    static func isPublic(_ path: String) -> Bool {
        publicPaths.contains(path) || path == "/" || path == "/app" || path.hasPrefix("/app/") || path.hasPrefix("/assets/")
    }

    /// `https://host:port` against the Host header: scheme-less comparison of the authority.
    static func sameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let url = URL(string: origin), var originHost = url.host else { return false }
        // URL gives an IPv6 host without its brackets; the Host header keeps them.
        if originHost.contains(":") && !originHost.hasPrefix("[") { originHost = "[\(originHost)]" }
        let authority = url.port.map { "\(originHost):\($0)" } ?? originHost
        return authority.lowercased() == host.lowercased()
    }
}
