import YorisoiCase

/// `OUTDIR/manifest.json`: what a batch was asked to do and what became of every case.
///
/// Written by hand rather than with JSONEncoder so the key order is fixed and readable (tool,
/// request, totals, then cases in input order) and the same run gives the same bytes. Nothing
/// in it is personal: ids, file names, counts, hashes and diagnostics, whose messages name fields
/// rather than values.
public struct BatchManifest: Sendable {
    public static let toolVersion = "0.1.0"

    public var kind: String
    public var input: String
    public var interrupted: Bool
    public var entries: [BatchEntry]

    public init(kind: String, input: String, interrupted: Bool, entries: [BatchEntry]) {
        self.kind = kind
        self.input = input
        self.interrupted = interrupted
        self.entries = entries
    }

    public func count(_ status: BatchEntry.Status) -> Int {
        entries.count { $0.status == status }
    }

    public func json() -> String {
        var out = "{\n"
        out += "  \"tool\": \"yorisoi\",\n"
        out += "  \"version\": \(JSONText.quoted(Self.toolVersion)),\n"
        out += "  \"kind\": \(JSONText.quoted(kind)),\n"
        out += "  \"input\": \(JSONText.quoted(input)),\n"
        out += "  \"interrupted\": \(interrupted),\n"
        out += "  \"totals\": {\"cases\": \(entries.count)"
        for status in BatchEntry.Status.allCases {
            out += ", \(JSONText.quoted(status.rawValue)): \(count(status))"
        }
        out += ", \"pages\": \(entries.reduce(0) { $0 + ($1.pages ?? 0) })"
        out += ", \"bytes\": \(entries.reduce(0) { $0 + ($1.bytes ?? 0) })},\n"
        out += "  \"cases\": ["
        for (index, entry) in entries.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += Self.entry(entry)
        }
        out += entries.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }

    private static func entry(_ entry: BatchEntry) -> String {
        var out = "    {\n"
        out += "      \"id\": \(entry.id.map(JSONText.quoted) ?? "null"),\n"
        out += "      \"source\": {\"file\": \(JSONText.quoted(entry.source.file))"
        if let line = entry.source.line { out += ", \"line\": \(line)" }
        out += "},\n"
        out += "      \"status\": \(JSONText.quoted(entry.status.rawValue)),\n"
        out += "      \"output\": \(entry.output.map(JSONText.quoted) ?? "null"),\n"
        out += "      \"pages\": \(entry.pages.map(String.init) ?? "null"),\n"
        out += "      \"bytes\": \(entry.bytes.map(String.init) ?? "null"),\n"
        out += "      \"sha256\": \(entry.sha256.map(JSONText.quoted) ?? "null"),\n"
        out += "      \"diagnostics\": ["
        for (index, d) in entry.diagnostics.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "        {\"severity\": \"\(d.severity.rawValue)\", \"code\": \"\(d.code.rawValue)\", "
            out += "\"path\": \(JSONText.quoted(d.path)), \"line\": \(d.line), \"column\": \(d.column), "
            out += "\"message\": \(JSONText.quoted(d.message)), \"message_en\": \(JSONText.quoted(d.messageEN))}"
        }
        out += entry.diagnostics.isEmpty ? "]\n" : "\n      ]\n"
        out += "    }"
        return out
    }
}
