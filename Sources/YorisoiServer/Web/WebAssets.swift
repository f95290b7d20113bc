/// The page's files, compiled in (generated from web/ by scripts/embed-web-assets).
enum WebAssets {
    struct Asset: Sendable {
        var contentType: String
        var text: String
    }

    static let page = Asset(contentType: "text/html; charset=utf-8", text: pageText)
    static let named: [String: Asset] = [
        "app.css": Asset(contentType: "text/css; charset=utf-8", text: styleSheetText),
        "app.js": Asset(contentType: "text/javascript; charset=utf-8", text: scriptText),
    ]

    /// Only this server: no outside script, style, font or frame. `blob:` lets the preview show
    /// the PDF the page fetched from this server.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        + "frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"
}
