import Hummingbird

/// The staff page's routes (owned by the "web" work: its assets, /app/..., the form
/// descriptions). This minimal version answers the same routes with a placeholder page and
/// starts the "local" session on loopback without accounts, as the real page does.
public enum WebRoutes {
    public static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let page: @Sendable (Request, YorisoiRequestContext) async throws -> Response = { _, context in
            var response = Response.bytes(Array(placeholder.utf8), contentType: "text/html; charset=utf-8")
            _ = SessionRoutes.ensureLocalSession(context, dependencies, into: &response)
            return response
        }
        router.get("/", use: page)
        router.get("/app", use: page)
        router.get("/app/**", use: page)
        router.get("/assets/:name") { _, _ -> Response in throw APIError.notFound }
        router.get("/api/v1/forms/:municipality/:kind") { _, _ -> Response in throw APIError.notFound }
    }

    static let placeholder = """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>Yorisoi</title></head>
        <body><main><h1>Yorisoi</h1><p>API: <a href="/openapi.yaml">/openapi.yaml</a></p></main></body></html>
        """
}
