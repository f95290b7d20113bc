import YorisoiCase

/// What became of one case of a batch: one line of the manifest.
public struct BatchEntry: Sendable {
    public enum Status: String, Sendable, CaseIterable {
        /// The PDF was written.
        case ok
        /// The case cannot be printed as it is: it could not be read, or it breaks a rule.
        case invalid
        /// The case is valid but could not be produced: its text does not fit the form (E5xx),
        /// the template is broken, or writing failed.
        case failed
        /// The batch was interrupted before this case was started.
        case notDone = "not_done"
    }

    /// The case id; nil when there is none or when it must not be echoed (`CaseIDRule.echoable`).
    public var id: String?
    public var source: BatchSource
    public var status: Status
    /// The PDF's file name inside OUTDIR (only for `ok`).
    public var output: String?
    public var pages: Int?
    public var bytes: Int?
    public var sha256: String?
    public var diagnostics: [Diagnostic]

    public init(id: String?, source: BatchSource, status: Status, output: String? = nil, pages: Int? = nil,
                bytes: Int? = nil, sha256: String? = nil, diagnostics: [Diagnostic] = []) {
        self.id = CaseIDRule.echoable(id)
        self.source = source
        self.status = status
        self.output = output
        self.pages = pages
        self.bytes = bytes
        self.sha256 = sha256
        self.diagnostics = diagnostics
    }
}
