import YorisoiCase

/// What a batch did, as the caller sees it: totals, and the first cases that are not ok.
/// Every case is in `OUTDIR/manifest.json`, written as the batch goes (`BatchManifestWriter`);
/// this summary stays the same size however many cases there are.
public struct BatchManifest: Sendable {
    public static let toolVersion = "0.1.0"
    /// How many of the cases that are not ok are kept here (the manifest lists them all).
    public static let problemsKept = 200

    public var kind: String
    public var input: String
    public var interrupted: Bool
    public var cases = 0
    public var counts: [BatchEntry.Status: Int] = [:]
    public var pages = 0
    public var bytes = 0
    /// The first `problemsKept` invalid or failed cases, in input order.
    public var problems: [BatchEntry] = []
    /// Invalid or failed cases beyond `problems`.
    public var problemsLeftOut = 0
    /// Whether some case met a broken template or profile (E034): the batch exits 2.
    public var hasConfigurationProblem = false

    public init(kind: String, input: String, interrupted: Bool) {
        self.kind = kind
        self.input = input
        self.interrupted = interrupted
    }

    public func count(_ status: BatchEntry.Status) -> Int { counts[status, default: 0] }

    public var allOK: Bool { count(.ok) == cases }

    mutating func add(_ entry: BatchEntry) {
        cases += 1
        counts[entry.status, default: 0] += 1
        pages += entry.pages ?? 0
        bytes += entry.bytes ?? 0
        if entry.diagnostics.contains(where: { $0.code == .e034 }) { hasConfigurationProblem = true }
        guard entry.status == .invalid || entry.status == .failed else { return }
        if problems.count < Self.problemsKept { problems.append(entry) } else { problemsLeftOut += 1 }
    }
}

/// The JSON text of `manifest.json`, written by hand rather than with JSONEncoder so the key
/// order is fixed and readable (tool, request, totals, then cases in input order) and the same
/// run gives the same bytes. Nothing in it is personal: ids, file names, counts, hashes and
/// diagnostics, whose messages name fields rather than values.
enum BatchManifestJSON {
    /// Diagnostics listed per case; the rest are counted in `diagnostics_omitted`.
    static let diagnosticsPerCase = 100

    static func head(_ summary: BatchManifest) -> String {
        var out = "{\n"
        out += "  \"tool\": \"yorisoi\",\n"
        out += "  \"version\": \(JSONText.quoted(BatchManifest.toolVersion)),\n"
        out += "  \"kind\": \(JSONText.quoted(summary.kind)),\n"
        out += "  \"input\": \(JSONText.quoted(summary.input)),\n"
        out += "  \"interrupted\": \(summary.interrupted),\n"
        out += "  \"totals\": {\"cases\": \(summary.cases)"
        for status in BatchEntry.Status.allCases {
            out += ", \(JSONText.quoted(status.rawValue)): \(summary.count(status))"
        }
        out += ", \"pages\": \(summary.pages)"
        out += ", \"bytes\": \(summary.bytes)},\n"
        out += "  \"cases\": ["
        return out
    }

    static func tail(empty: Bool) -> String { empty ? "]\n}\n" : "\n  ]\n}\n" }

    /// One case, preceded by the separator its place needs.
    static func entry(_ entry: BatchEntry, first: Bool) -> String {
        var out = first ? "\n" : ",\n"
        out += "    {\n"
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
        let listed = entry.diagnostics.prefix(diagnosticsPerCase)
        for (index, d) in listed.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "        {\"severity\": \"\(d.severity.rawValue)\", \"code\": \"\(d.code.rawValue)\", "
            out += "\"path\": \(JSONText.quoted(d.path)), \"line\": \(d.line), \"column\": \(d.column), "
            out += "\"message\": \(JSONText.quoted(d.message)), \"message_en\": \(JSONText.quoted(d.messageEN))}"
        }
        out += listed.isEmpty ? "]" : "\n      ]"
        let omitted = entry.diagnostics.count - listed.count
        out += omitted > 0 ? ",\n      \"diagnostics_omitted\": \(omitted)\n" : "\n"
        out += "    }"
        return out
    }
}
