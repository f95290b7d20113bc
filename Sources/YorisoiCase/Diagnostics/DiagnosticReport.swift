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
    ///
    /// Written byte by byte over the UTF-8: every byte that needs escaping is ASCII, and no byte
    /// of a multi-byte character is, so every other byte is copied as it is. (Appending scalar by
    /// scalar cost a batch manifest some 20,000 instructions per message.)
    public static func quoted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // The longest a byte can become is a control character's six (\u001f).
            String(unsafeUninitializedCapacity: bytes.count * 6 + 2) { out in
                var count = 0
                func put(_ byte: UInt8) { out[count] = byte; count += 1 }
                put(0x22)
                for byte in bytes {
                    switch byte {
                    case 0x22: put(0x5C); put(0x22)
                    case 0x5C: put(0x5C); put(0x5C)
                    case 0x0A: put(0x5C); put(0x6E)
                    case 0x0D: put(0x5C); put(0x72)
                    case 0x09: put(0x5C); put(0x74)
                    case ..<0x20:
                        put(0x5C); put(0x75); put(0x30); put(0x30)  // \u00
                        put(hexDigits[Int(byte >> 4)]); put(hexDigits[Int(byte & 0x0F)])
                    default: put(byte)
                    }
                }
                put(0x22)
                return count
            }
        }
    }

    /// Lower-case, as `String(_:radix:)` writes them.
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
