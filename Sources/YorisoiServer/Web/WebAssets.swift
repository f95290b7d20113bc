import Foundation

/// The page's files: `Web/Assets` (index.html, app.css and one ES module per screen or concern),
/// shipped as a SwiftPM resource of this module and read once. `/assets/{name}` serves the
/// style sheet and the modules; nothing is loaded from anywhere else.
enum WebAssets {
    struct Asset: Sendable {
        var contentType: String
        var text: String
    }

    /// The folder as SwiftPM copied it into the module's resource bundle.
    static let folder: URL? = Bundle.module.resourceURL?.appendingPathComponent("Assets", isDirectory: true)

    static let page: Asset = load("index.html") ?? Asset(contentType: "text/html; charset=utf-8",
                                                         text: "<!DOCTYPE html><title>よりそい</title><p>画面のファイルが見つかりません。")

    /// Every file the page may ask for, by name: the style sheet and the modules.
    static let named: [String: Asset] = {
        guard let folder, let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [:] }
        var assets: [String: Asset] = [:]
        for name in names where name.hasSuffix(".mjs") || name.hasSuffix(".css") {
            if let asset = load(name) { assets[name] = asset }
        }
        return assets
    }()

    static func load(_ name: String) -> Asset? {
        guard let url = folder?.appendingPathComponent(name), let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let type = name.hasSuffix(".css") ? "text/css; charset=utf-8"
            : name.hasSuffix(".mjs") ? "text/javascript; charset=utf-8" : "text/html; charset=utf-8"
        return Asset(contentType: type, text: text)
    }

    /// Only this server: no outside script, style, font or frame. `blob:` lets the preview show
    /// the PDF the page fetched from this server.
    static let contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
        + "frame-src 'self' blob:; object-src 'self' blob:; connect-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"
}
