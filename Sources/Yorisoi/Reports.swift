import YorisoiCase
import YorisoiTemplates

/// `validate` for one input: every diagnostic of every case it holds, in source order per case.
public struct ValidationReport: Sendable {
    public var name: String
    /// How many cases the input held (JSON Lines may hold many).
    public var caseCount: Int
    public var diagnostics: [Diagnostic]

    public var ok: Bool { !diagnostics.hasErrors }
    /// An error that is the installation's, not the case's (E206 no profile for the municipality).
    public var hasConfigurationProblems: Bool { diagnostics.contains { $0.isError && $0.code.isConfigurationProblem } }
    public var file: DiagnosticReport.File { .init(file: name, diagnostics: diagnostics) }
}

/// `render` for one case: the PDF when nothing stands in the way, and every diagnostic from
/// loading, validation and layout (text that does not fit its field).
public struct RenderReport: Sendable {
    public var name: String
    /// nil whenever there is an error diagnostic: a wrong document is never handed out.
    public var pdf: [UInt8]?
    public var pageCount: Int
    public var diagnostics: [Diagnostic]

    public var ok: Bool { pdf != nil && !diagnostics.hasErrors }
    public var hasConfigurationProblems: Bool { diagnostics.contains { $0.isError && $0.code.isConfigurationProblem } }
    public var file: DiagnosticReport.File { .init(file: name, diagnostics: diagnostics) }
}

/// `packet`: the packet, or why there is none, and every finding by file (the meeting first).
public struct PacketReport: Sendable {
    public var pdf: [UInt8]?
    /// Pages of one copy.
    public var pagesPerCopy: Int
    public var files: [DiagnosticReport.File]
    public var includedCases: Int
    /// Cases left out for want of recorded consent.
    public var leftOutCases: Int

    public var hasErrors: Bool { files.contains { $0.diagnostics.hasErrors } }
    public var hasConfigurationProblems: Bool { DiagnosticReport(files: files).hasConfigurationProblems }
}

/// One municipality of `Templates/`: what `yorisoi templates` lists.
public struct MunicipalityListing: Sendable, Hashable {
    public struct Kind: Sendable, Hashable {
        public var kind: String
        /// True when the municipality has its own 独自様式, false for the national 様式例.
        public var isOwn: Bool
        /// The template file, relative to `Templates/`.
        public var file: String
    }

    public var code: String
    public var name: String
    public var kinds: [Kind]
    /// The profile's 文書番号 prefix (「袖こ家」).
    public var documentNumberPrefix: String
    /// How the 発番簿 numbers (per 年度 or running on) and which notices need 決裁.
    public var ledgerRules: LedgerRules

    init(_ entry: MunicipalityEntry) {
        code = entry.profile.code.rawValue
        name = entry.profile.name
        documentNumberPrefix = entry.profile.documentNumberPrefix
        ledgerRules = entry.profile.ledger
        kinds = entry.kinds.map { Kind(kind: $0.kind, isOwn: $0.source == .municipality, file: $0.file) }
    }
}
