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
    /// Most text (UTF-8 bytes of every key and string, each alias counted where it is used) in
    /// one case after YAML aliases are expanded: what the later stages would have to walk.
    public var maxExpandedBytes: Int
    /// Most text in one case (UTF-8 bytes of its string values): what one document may print.
    /// 256 KiB is some 87,000 kanji, a hundred pages; laid out, it stays well under 256 MB.
    public var maxTextBytes: Int
    /// Most Unicode scalars in one grapheme cluster (a base and its marks, selectors and
    /// joiners). The longest real ones — family emoji, subdivision flags — have 7 to 10; the
    /// Stream-Safe Text Format of UAX #15 allows 30 non-starters in a row.
    public var maxClusterScalars: Int

    public init(maxBytes: Int = 8 << 20, maxDepth: Int = 64, maxValues: Int = 200_000, maxAliases: Int = 100,
                maxExpandedBytes: Int = 8 << 20, maxTextBytes: Int = 256 << 10, maxClusterScalars: Int = 32) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxValues = maxValues
        self.maxAliases = maxAliases
        self.maxExpandedBytes = maxExpandedBytes
        self.maxTextBytes = maxTextBytes
        self.maxClusterScalars = maxClusterScalars
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
