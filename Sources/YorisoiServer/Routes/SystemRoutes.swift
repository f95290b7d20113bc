import Hummingbird

/// Liveness and the API document.
enum SystemRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        router.get("healthz") { _, _ in try Response.encoded(HealthResponse()) }
        router.get("openapi.yaml") { _, _ in
            Response.bytes(dependencies.openAPIDocument, contentType: "application/yaml; charset=utf-8")
        }
    }
}
