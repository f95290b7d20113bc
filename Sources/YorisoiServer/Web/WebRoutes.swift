import Foundation
import Hummingbird
import Yorisoi

/// The staff web page: `GET /` and `GET /app/…` answer the page, `GET /assets/…` its script and
/// style sheet (compiled into the binary, no CDN), and `GET /api/v1/forms/{municipality}/{kind}`
/// the form description the page draws its form from. Everything else the page calls is the
/// server's API (CONTRACT §4, SERVER-API.md). These routes read no personal data, so they write
/// no audit rows; the page's case, render, notice and packet calls are audited by their routes.
public enum WebRoutes {
    public static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let forms = dependencies.engine.forms
        let page: @Sendable (Request, YorisoiRequestContext) async throws -> Response = { _, context in
            var response = Self.asset(WebAssets.page)
            // Without accounts on loopback the first GET of the page starts the "local" session.
            _ = try await SessionRoutes.ensureLocalSession(context, dependencies, into: &response)
            return response
        }
        router.get("/", use: page)
        router.get("/app", use: page)
        router.get("/app/**", use: page)
        router.get("/assets/:name") { _, context in
            guard let name = context.parameters.get("name"), let found = WebAssets.named[name] else {
                throw APIError(.notFound, "not_found", "ありません", "no such asset")
            }
            return Self.asset(found)
        }
        router.get("/api/v1/forms/:municipality/:kind") { _, context in
            try Self.form(forms, municipality: context.parameters.get("municipality") ?? "",
                          kind: context.parameters.get("kind") ?? "")
        }
    }

    static func form(_ forms: FormDescriptions, municipality code: String, kind: String) throws -> Response {
        let description: FormDescription
        do {
            description = try forms.description(municipality: code, kind: kind)
        } catch .unknownMunicipality {
            throw APIError(.notFound, "unknown_municipality", "その市区町村の様式はありません",
                           "no templates for that municipality code")
        } catch .unknownKind {
            throw APIError(.notFound, "unknown_kind", "その種類の書類はこの画面では作れません",
                           "the municipality has no form of that kind the page can edit")
        } catch .brokenTemplate {
            throw APIError(.internalServerError, "broken_template", "様式を読み込めませんでした",
                           "the template could not be loaded")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var response = Response.bytes(Array(try encoder.encode(description)), contentType: "application/json; charset=utf-8")
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The page's own policy: only this server, plus `blob:` frames for the PDF preview the page
    /// fetched from this server (`SecurityHeadersMiddleware` keeps a policy a route has set).
    static func asset(_ asset: WebAssets.Asset) -> Response {
        var response = Response.bytes(Array(asset.text.utf8), contentType: asset.contentType)
        response.headers[.cacheControl] = "no-store"
        response.headers[.contentSecurityPolicy] = WebAssets.contentSecurityPolicy
        return response
    }
}
