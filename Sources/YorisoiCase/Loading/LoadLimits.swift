/// Bounds that keep a hostile or broken file from taking the process down: every limit turns into
/// a clean diagnostic, never a crash or a hang. Real case files are a few kilobytes and six levels deep.
public struct LoadLimits: Sendable, Hashable {
    /// Largest file accepted (bytes); checked before reading.
    public var maxBytes: Int
    /// Deepest nesting of mappings and sequences.
    public var maxDepth: Int
    /// Most values in one case after YAML aliases are expanded (the alias-bomb guard).
    public var maxValues: Int
    /// Most YAML alias references in one file.
    public var maxAliases: Int

    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxValues: Int = 200_000, maxAliases: Int = 100) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxValues = maxValues
        self.maxAliases = maxAliases
    }
}

/// Why a reader gave up on a file: becomes exactly one diagnostic.
public struct ReadFailure: Error, Sendable {
    public var code: DiagnosticCode
    public var position: SourcePosition?
    public var message: String
    public var messageEN: String

    var diagnostic: Diagnostic {
        Diagnostic(code, path: "", at: position, message: message, messageEN: messageEN)
    }

    static func tooDeep(_ limit: Int, at position: SourcePosition?) -> ReadFailure {
        ReadFailure(code: .e005, position: position,
                    message: "入れ子が深すぎます（上限 \(limit) 段）",
                    messageEN: "nesting is deeper than \(limit) levels")
    }

    static func tooManyValues(_ limit: Int, at position: SourcePosition?) -> ReadFailure {
        ReadFailure(code: .e006, position: position,
                    message: "値の数が多すぎます（上限 \(limit) 個、YAML のエイリアス展開を含む）",
                    messageEN: "more than \(limit) values (including expanded YAML aliases)")
    }
}
