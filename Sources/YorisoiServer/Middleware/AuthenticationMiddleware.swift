import Foundation
import Hummingbird

/// Who is asking, and may they: a bearer token or the `yorisoi_session` cookie names a live
/// session; without either, loopback without accounts acts as "local" and otherwise the request
/// is refused 401. A cookie session must send its CSRF token on every POST/PUT, and a POST/PUT
/// whose Origin is not this server is refused 403 whatever it carries.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = YorisoiRequestContext
    public static let cookieName = "yorisoi_session"
    /// Routes anyone may call: liveness, the API document, the sign-in page and form.
    static let publicPaths: Set<String> = ["/healthz", "/openapi.yaml", "/login"]

    let sessions: SessionStore
    let accountsConfigured: Bool

    public init(sessions: SessionStore, accountsConfigured: Bool) {
        self.sessions = sessions
        self.accountsConfigured = accountsConfigured
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let unsafe = request.method != .get && request.method != .head && request.method != .options
        if unsafe, let origin = request.headers[.origin], !Self.sameOrigin(origin, host: request.headers[.hostHeader] ?? request.head.authority) {
            throw APIError(.forbidden, "cross_origin", "別のサイトからの送信は受け付けません", "cross-origin request refused")
        }
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            let token = String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
            guard let session = sessions.touch(token) else { throw APIError.unauthorized }
            context.account = session.account
        } else if let id = request.cookies[Self.cookieName]?.value, let session = sessions.touch(id) {
            context.account = session.account
            context.session = session
            if unsafe && !Self.publicPaths.contains(request.uri.path) {
                let sent = request.headers[.csrfToken] ?? ""
                guard SessionStore.same(sent, session.csrfToken) else {
                    throw APIError(.forbidden, "csrf", "画面を読み込み直してください（CSRF トークンが違います）", "missing or wrong CSRF token")
                }
            }
        } else if !accountsConfigured {
            context.account = "local"
        }
        if context.account == nil && !Self.isPublic(request.uri.path) {
            throw APIError.unauthorized
        }
        return try await next(request, context)
    }

    /// Public paths, and the page itself (it shows the sign-in form when needed).
    static func isPublic(_ path: String) -> Bool {
        publicPaths.contains(path) || path == "/" || path.hasPrefix("/app/") || path.hasPrefix("/assets/")
    }

    /// `https://host:port` against the Host header: scheme-less comparison of the authority.
    static func sameOrigin(_ origin: String, host: String?) -> Bool {
        guard let host, let url = URL(string: origin), let originHost = url.host else { return false }
        let authority = url.port.map { "\(originHost):\($0)" } ?? originHost
        return authority.lowercased() == host.lowercased()
    }
}
