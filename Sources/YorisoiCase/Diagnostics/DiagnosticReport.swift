/// The diagnostics of one or more case files, rendered in the two forms of CONTRACT §1.
public struct DiagnosticReport: Sendable, Hashable {
    public struct File: Sendable, Hashable {
        public var file: String
        public var diagnostics: [Diagnostic]

        public init(file: String, diagnostics: [Diagnostic]) {
            self.file = file
            self.diagnostics = diagnostics
        }

        public var ok: Bool { !diagnostics.hasErrors }
    }

    public var files: [File]

    public init(files: [File] = []) {
        self.files = files
    }

    public var hasErrors: Bool { files.contains { !$0.ok } }
    public var hasConfigurationProblems: Bool {
        files.contains { $0.diagnostics.contains { $0.isError && $0.code.isConfigurationProblem } }
    }

    /// `FILE:LINE:COL: error|warning CODE /json/pointer: 日本語の説明`, one line each.
    public func textLines() -> [String] {
        files.flatMap { file in
            file.diagnostics.map { d in
                "\(file.file):\(d.line):\(d.column): \(d.severity.rawValue) \(d.code.rawValue) \(d.path): \(d.message)"
            }
        }
    }

    /// The JSON form, keys in the CONTRACT's order; non-ASCII text is written as UTF-8.
    public func json() -> String {
        var out = "{\"files\": ["
        for (i, file) in files.enumerated() {
            if i > 0 { out += ", " }
            out += "{\"file\": \(JSONText.quoted(file.file)), \"ok\": \(file.ok), \"diagnostics\": ["
            for (j, d) in file.diagnostics.enumerated() {
                if j > 0 { out += ", " }
                out += "{\"severity\": \"\(d.severity.rawValue)\", \"code\": \"\(d.code.rawValue)\", "
                out += "\"path\": \(JSONText.quoted(d.path)), \"line\": \(d.line), \"column\": \(d.column), "
                out += "\"message\": \(JSONText.quoted(d.message)), \"message_en\": \(JSONText.quoted(d.messageEN))}"
            }
            out += "]}"
        }
        out += "]}"
        return out
    }
}

/// JSON text written by hand, so output is byte-stable (key order, no float formatting surprises).
/// Shared by the diagnostic report and the batch manifest.
public enum JSONText {
    /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
