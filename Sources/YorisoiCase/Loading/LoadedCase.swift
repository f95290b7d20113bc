/// One case as loaded: the raw tree (for positions and pointers), the typed `Case`, and what the
/// loader found (syntax, types, unknown keys). `root` is nil when the file could not be read.
public struct LoadedCase: Sendable {
    /// The file as the user named it ("-" for standard input).
    public var source: String
    /// For JSON Lines: the line the case sits on.
    public var line: Int?
    public var root: CaseNode?
    public var typed: Case?
    public var diagnostics: [Diagnostic]

    public init(source: String, line: Int? = nil, root: CaseNode?, typed: Case?, diagnostics: [Diagnostic]) {
        self.source = source
        self.line = line
        self.root = root
        self.typed = typed
        self.diagnostics = diagnostics
    }

    /// True when the file parsed into a mapping (rules can run on it).
    public var isParsed: Bool { root != nil && typed != nil }
}
