import Foundation
import YorisoiDigest

/// The shipped templates that already passed the RELAX NG schema, by the SHA-256 of their bytes
/// (`Templates/schema/validated.sha256`, written by `scripts/update-validated-templates` and kept
/// current by `ValidatedTemplatesTests`).
///
/// Compiling the schema and validating a template cost about a tenth of a cold `render` (issue
/// #24's profile), and for a shipped template the answer is known before the program starts. A
/// file whose bytes are listed skips the schema; any other file — an edited template, a
/// `--template` from elsewhere — is validated as before. The list is tied to the schema's own
/// SHA-256: when the schema changes, nothing counts as validated until the list is rewritten.
public struct ValidatedTemplates: Sendable {
    public static let manifestPath = "schema/validated.sha256"

    /// SHA-256 (lower-case hex) of template bytes known to pass the schema.
    let digests: Set<String>

    static let none = ValidatedTemplates(digests: [])

    init(digests: Set<String>) { self.digests = digests }

    /// Reads the list beside the schema. A missing or unreadable list, or one written for other
    /// schema bytes, validates everything (it is a shortcut, never a requirement).
    static func load(templatesRoot: URL, schemaBytes: [UInt8]) -> ValidatedTemplates {
        guard let text = try? String(contentsOf: templatesRoot.appendingPathComponent(manifestPath), encoding: .utf8) else {
            return .none
        }
        let entries = parse(text)
        guard entries.schema == digest(schemaBytes) else { return .none }
        return ValidatedTemplates(digests: Set(entries.templates.map(\.digest)))
    }

    func contains(_ bytes: [UInt8]) -> Bool {
        !digests.isEmpty && digests.contains(Self.digest(bytes))
    }

    /// `schema <hex>  <path>` once, then `<hex>  <path>` per template; `#` starts a comment.
    public static func parse(_ text: String) -> (schema: String?, templates: [(digest: String, path: String)]) {
        var schema: String?
        var templates: [(digest: String, path: String)] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            if fields.count == 3, fields[0] == "schema" {
                schema = fields[1]
            } else if fields.count == 2 {
                templates.append((fields[0], fields[1]))
            }
        }
        return (schema, templates)
    }

    /// The manifest's text for these files (paths relative to the templates root, sorted).
    public static func manifest(schemaBytes: [UInt8], templates: [(path: String, bytes: [UInt8])]) -> String {
        var text = """
            # SHA-256 of the shipped templates that pass the RELAX NG schema on the next line; a
            # template whose bytes are listed is not validated again at load. Written by
            # scripts/update-validated-templates; ValidatedTemplatesTests keeps it current.

            """
        text += "schema \(digest(schemaBytes))  \(TemplateLoader.schemaPath)\n"
        for file in templates.sorted(by: { $0.path < $1.path }) {
            text += "\(digest(file.bytes))  \(file.path)\n"
        }
        return text
    }

    /// SHA-256 in lower-case hexadecimal (`ContentDigest`, Nettle's, as the PDF writer's).
    public static func digest(_ bytes: [UInt8]) -> String {
        ContentDigest.hex(ContentDigest.sha256(bytes))
    }
}
