import Foundation
import YorisoiCase
import YorisoiPipeline
import YorisoiTemplates
import YorisoiText
import YorisoiValidation

/// The one place the server calls the rendering pipeline. Everything else in the server speaks
/// to this type, so moving onto the `Yorisoi` façade is a change to this file alone.
///
/// Fonts and templates are loaded once; `Renderer` is `Sendable`, so many requests share it.
public final class DocumentEngine: Sendable {
    public struct Listing: Sendable, Hashable {
        public var municipality: String
        public var name: String
        public var kinds: [String]
    }

    let renderer: Renderer
    let loader = CaseLoader()

    /// - Parameter root: the folder holding `Fonts/fonts.yaml`, `Templates/` and `samples/`.
    public init(root: URL) throws {
        let locator = ResourceLocator(root: root)
        let fonts = try FontLibrary(configurationFile: locator.fontConfiguration)
        renderer = try Renderer(locator: locator, fonts: fonts)
    }

    /// What `yorisoi templates` lists.
    public func templates() -> [Listing] {
        renderer.templates.municipalities.map {
            Listing(municipality: $0.profile.code.rawValue, name: $0.profile.name, kinds: $0.kinds.map(\.kind))
        }
    }

    /// The profile's 文書番号 prefix (「袖こ家」), or nil for an unknown municipality.
    public func documentNumberPrefix(municipality: String) -> String? {
        (try? renderer.templates.municipality(municipality))?.profile.documentNumberPrefix
    }

    /// An untrusted body through the same hardened loader as a file (size, depth, aliases, UTF-8).
    public func load(_ bytes: [UInt8], format: CaseFormat) -> LoadedCase {
        loader.load(data: Data(bytes), format: format, displayName: "request").first
            ?? LoadedCase(source: "request", root: nil, typed: nil,
                          diagnostics: [Diagnostic(.e007, path: "", at: nil, message: "本文が空です", messageEN: "body is empty")])
    }

    /// A loaded case whose tree was changed in code (a 文書番号 set by the ledger): typed anew.
    public func retyped(_ loaded: LoadedCase, root: CaseNode) -> LoadedCase {
        LoadedCase(source: loaded.source, line: loaded.line, root: root, typed: CaseBuilder.build(root),
                   diagnostics: loaded.diagnostics)
    }

    public func validate(_ loaded: LoadedCase, kind: DocumentKind, municipality: String?) throws -> [Diagnostic] {
        try translatingErrors {
            let context = try renderer.validationContext(municipality: municipality ?? loaded.typed?.municipality)
            return Validator().validate(loaded, kind: kind, context: context)
        }
    }

    public func render(_ loaded: LoadedCase, kind: DocumentKind, municipality: String?) throws -> RenderOutcome {
        try translatingErrors { try renderer.render(loaded, kind: kind, municipality: municipality) }
    }

    /// The pipeline's own errors as API errors: a configuration problem the request chose (an
    /// unknown municipality or kind for it) is 400, invalid input 422; the rest stay errors (500).
    func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PipelineError {
            switch error {
            case .configuration(let text):
                throw APIError(.badRequest, "configuration", text, "no template or profile for this request")
            case .invalidInput(let text):
                throw APIError(.unprocessableContent, "invalid_input", text, "invalid input")
            case .template(let templateError):
                // A shipped template that does not load is the installation's fault, not the
                // request's: the message names the template, never case data.
                throw APIError(.internalServerError, "template", templateError.description,
                               "a template of this installation does not load")
            case .internalFailure, .pdf:
                throw error
            }
        }
    }

    /// A meeting packet from a meeting object whose `cases` carry the case inline (`case:`).
    ///
    /// The pipeline's meeting loader reads case files by path, so the inline cases are written
    /// to a private (0700) temporary folder for the duration of the build and removed after.
    public struct PacketResult: Sendable {
        public var pdf: [UInt8]?
        public var diagnostics: [Diagnostic]
        /// The ids of the inline cases (for the audit log).
        public var caseIDs: [String]
    }

    public func packet(_ bytes: [UInt8], format: CaseFormat) throws -> PacketResult {
        let loaded = load(bytes, format: format)
        var caseIDs: [String] = []
        guard let root = loaded.root, case .object(var members) = root.value else {
            return PacketResult(pdf: nil, diagnostics: loaded.diagnostics.isEmpty
                ? [Diagnostic(.e009, path: "", at: nil, message: "会議の情報はオブジェクトで送ってください",
                              messageEN: "the meeting must be an object")] : loaded.diagnostics, caseIDs: [])
        }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("yorisoi-packet-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        if let index = members.firstIndex(where: { $0.key == "cases" }), case .array(let items) = members[index].node.value {
            var rewritten: [CaseNode] = []
            for (n, item) in items.enumerated() {
                guard case .object(var fields) = item.value,
                      let caseIndex = fields.firstIndex(where: { $0.key == "case" }) else {
                    rewritten.append(item)
                    continue
                }
                if case .string(let id) = fields[caseIndex].node["id"]?.value { caseIDs.append(id) }
                let file = folder.appendingPathComponent("case-\(n + 1).json")
                try Data(CaseJSON.encode(fields[caseIndex].node).utf8).write(to: file)
                fields[caseIndex] = CaseMember(key: "file", node: CaseNode(.string(file.path)))
                rewritten.append(CaseNode(.object(fields), at: item.position))
            }
            members[index].node = CaseNode(.array(rewritten), at: members[index].node.position)
        }
        let meetingFile = folder.appendingPathComponent("meeting.json")
        try Data(CaseJSON.encode(CaseNode(.object(members))).utf8).write(to: meetingFile)
        let (meeting, findings) = MeetingLoader().load(contentsOf: meetingFile, displayName: "request")
        guard let meeting else { return PacketResult(pdf: nil, diagnostics: findings, caseIDs: caseIDs) }
        let outcome = try translatingErrors { try PacketBuilder(renderer: renderer, jobs: 1).build(meeting, meetingFile: "request") }
        let diagnostics = outcome.reports.flatMap(\.diagnostics)
        return PacketResult(pdf: outcome.hasErrors ? nil : outcome.pdf, diagnostics: diagnostics, caseIDs: caseIDs)
    }
}
