/// One finding about a case file: what (a stable code), where (a JSON Pointer and a source
/// position) and why, in Japanese for staff and English for logs and tools.
///
/// Messages name fields, never the family's data; at most a single offending character is shown.
/// Public so later stages (layout overflow, E5xx) add their findings to the same report.
public struct Diagnostic: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var code: DiagnosticCode
    public var severity: Severity
    /// RFC 6901 pointer into the case ("" for the whole file). A segment that is not a short
    /// run of printable ASCII (a key the family's data put there, such as a name used as a key)
    /// is shown as "…", as messages show unknown keys: pointers go to stderr, JSON reports and
    /// the batch manifest.
    public var path: String
    /// 1-based; a finding about the whole file points at 1:1.
    public var position: SourcePosition
    public var message: String
    public var messageEN: String

    public init(_ code: DiagnosticCode, path: String, at position: SourcePosition?,
                message: String, messageEN: String) {
        self.code = code
        self.severity = code.severity
        self.path = Self.masked(path)
        self.position = position ?? SourcePosition(line: 1, column: 1)
        self.message = message
        self.messageEN = messageEN
    }

    /// `path` with every segment `KeyText.printable` would not show replaced by "…".
    static func masked(_ pointer: String) -> String {
        pointer.split(separator: "/", omittingEmptySubsequences: false)
            .enumerated()
            .map { index, segment in index == 0 ? String(segment) : KeyText.printable(String(segment)) }
            .joined(separator: "/")
    }

    public var isError: Bool { severity == .error }
    public var line: Int { position.line }
    public var column: Int { position.column }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.isError } }

    /// Source order, then code: the order people read a file in.
    public func sortedBySource() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let (l, r) = (a.element, b.element)
            if l.line != r.line { return l.line < r.line }
            if l.column != r.column { return l.column < r.column }
            if l.code != r.code { return l.code < r.code }
            return a.offset < b.offset
        }.map(\.element)
    }
}
