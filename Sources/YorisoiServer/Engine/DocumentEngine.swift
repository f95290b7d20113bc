import Foundation
import Yorisoi

/// The server's view of the `Yorisoi` façade: request bytes in, façade reports out, and the
/// façade's errors turned into API errors. Nothing here renders or validates by itself.
///
/// The engine loads fonts and templates once and is `Sendable`, so many requests share it.
public final class DocumentEngine: Sendable {
    public let yorisoi: YorisoiEngine
    /// The staff page's forms: the façade's form operation (schema, templates and rules).
    public let forms: FormDescriptions

    /// - Parameter root: the folder holding `Fonts/fonts.yaml`, `Templates/`, `schema/` and `samples/`.
    public init(root: URL) throws {
        yorisoi = try YorisoiEngine(resources: .repository(root: root))
        forms = try FormDescriptions(engine: yorisoi)
    }

    /// What `yorisoi templates` lists.
    public func templates() -> [MunicipalityListing] { yorisoi.templates() }

    /// How a municipality's notices are numbered and approved: the profile's 文書番号 prefix
    /// (「袖こ家」) and its `ledger:` rules; nil for an unknown municipality.
    public func numbering(municipality: String) -> (prefix: String, rules: LedgerRules)? {
        guard let listing = yorisoi.templates().first(where: { $0.code == municipality }) else { return nil }
        return (listing.documentNumberPrefix, listing.ledgerRules)
    }

    /// An untrusted body through the same hardened loader as a file (size, depth, aliases, UTF-8).
    public func load(_ bytes: [UInt8], format: CaseFormat) -> LoadedCase {
        CaseInput.bytes(bytes, format: format, name: "request").load().first
            ?? LoadedCase(source: "request", root: nil, typed: nil,
                          diagnostics: [Diagnostic(.e007, path: "", at: nil, message: "本文が空です", messageEN: "body is empty")])
    }

    /// The same case with its tree changed in code (a 文書番号 set by the ledger); the façade
    /// types it anew when it renders.
    public func replacingTree(of loaded: LoadedCase, with root: CaseNode) -> LoadedCase {
        LoadedCase(source: loaded.source, line: loaded.line, root: root, typed: nil, diagnostics: loaded.diagnostics)
    }

    public func validate(_ loaded: LoadedCase, kind: DocumentKind, municipality: String?) throws -> [Diagnostic] {
        try translatingErrors { try yorisoi.validate(.loaded(loaded), kind: kind, municipality: municipality).diagnostics }
    }

    /// One case → the PDF (nil when an error diagnostic stands in the way) and every diagnostic.
    /// A tree changed in code (the ledger's 文書番号 set into it) is typed anew by the façade.
    public func render(_ loaded: LoadedCase, kind: DocumentKind, municipality: String?,
                       familyCopy: String? = nil, ruby: RubyOption? = nil) throws -> RenderReport {
        try translatingErrors {
            try yorisoi.render(.loaded(loaded), kind: kind, municipality: municipality, familyCopy: familyCopy,
                               ruby: ruby ?? RubyOption())
        }
    }

    /// The grades ruby can be set for (docs/ruby.md).
    public func rubyGrades() throws -> [RubyGrade] {
        try translatingErrors { try yorisoi.rubyGrades() }
    }

    /// The family-copy languages the installation ships (`Templates/labels/`).
    public func familyCopyLanguages() throws -> [FamilyCopyLanguage] {
        try translatingErrors { try yorisoi.familyCopyLanguages() }
    }

    /// A meeting packet from a meeting object whose `cases` carry each case inline (`case:`);
    /// nothing is read from disk. `copies` > 1 numbers them (配布番号 k / N).
    public func packet(_ bytes: [UInt8], format: CaseFormat, copies: Int) throws -> PacketResult {
        let report = try translatingErrors {
            try yorisoi.packet(.bytes(bytes, format: format, name: "request"), copies: copies, jobs: 1)
        }
        return PacketResult(pdf: report.hasErrors ? nil : report.pdf, diagnostics: report.files.flatMap { $0.diagnostics },
                            caseIDs: Self.inlineCaseIDs(load(bytes, format: format).root),
                            includedCases: report.includedCases, leftOutCases: report.leftOutCases)
    }

    /// サポートプラン更新時期一覧 as a PDF (the façade's groups and template).
    public func reviewSchedule(_ schedule: ReviewSchedule, municipality: String) throws -> [UInt8] {
        try translatingErrors { try yorisoi.reviewSchedule(schedule, municipality: municipality) }
    }

    /// 月次起案 as a PDF (the façade's selection of signed plans, cover and bundle).
    public func monthlyReport(_ report: MonthlyReport, municipality: String) throws -> MonthlyReportOutcome {
        try translatingErrors { try yorisoi.monthlyReport(report, municipality: municipality) }
    }

    public struct PacketResult: Sendable {
        public var pdf: [UInt8]?
        public var diagnostics: [Diagnostic]
        /// The ids of the inline cases (for the audit log).
        public var caseIDs: [String]
        /// Cases printed, and cases left out for want of consent (the builder's rule, told to the page).
        public var includedCases: Int
        public var leftOutCases: Int
    }

    /// `cases[].case.id` of a meeting object.
    static func inlineCaseIDs(_ root: CaseNode?) -> [String] {
        guard case .array(let items)? = root?["cases"]?.value else { return [] }
        return items.compactMap { item in
            if case .string(let id)? = item["case"]?["id"]?.value { return id }
            return nil
        }
    }

    /// The façade's errors as API errors: a municipality or kind the request chose that has no
    /// template or profile is 400, and so is a kind the municipality's profile lacks the
    /// settings for (T043: 袖ケ浦市 has no 減免 bands, so it prints no fee-reduction form); input
    /// unusable as a whole is 422; an installation fault (a template that does not load, a
    /// missing font) or a bug is 500 with the façade's message, which names the template or
    /// font, never case data.
    func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as YorisoiError {
            switch (error.category, error.code) {
            case (.configuration, _) where error.isNotOffered:
                throw APIError(.badRequest, "configuration", error.description,
                               "this installation does not offer what the request chose: \(error.messageEN)")
            case (.invalidInput, _):
                throw APIError(.unprocessableContent, "invalid_input", error.message, "invalid input")
            case (.configuration, _):
                throw APIError(.internalServerError, error.code.hasPrefix("T") ? "template" : "installation",
                               error.description, "this installation cannot do it: \(error.messageEN)")
            case (.internalFailure, _):
                throw error
            }
        }
    }
}
