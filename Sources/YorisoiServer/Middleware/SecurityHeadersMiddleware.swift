import Hummingbird

/// Headers on every answer: no framing, no sniffing, a strict CSP for HTML, and `no-store` for
/// anything under /api/ (it may hold personal data) — so a shared computer's cache keeps nothing.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // A route may set a policy of its own (the page allows blob: frames for its preview).
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        }
        response.headers[.contentTypeOptions] = "nosniff"
        response.headers[.frameOptions] = "DENY"
        response.headers[.referrerPolicy] = "no-referrer"
        if request.uri.path.hasPrefix("/api/") || request.uri.path == "/login" {
            response.headers[.cacheControl] = "no-store"
        }
        return response
    }
}
