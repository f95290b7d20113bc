import Dispatch
import Foundation
import Synchronization
import YorisoiCase

/// The `Templates/` folder: municipality profiles, their own templates and the national ones.
/// Answers "which municipalities and kinds exist" (`yorisoi templates`) and "which template does
/// municipality X use for kind Y" (its own file, else the national one).
public struct TemplateLibrary: Sendable {
    public static let nationalFolder = "national"
    public static let profileFile = "municipality.yaml"

    public let root: URL
    public let loader: TemplateLoader
    /// Sorted by code.
    public let municipalities: [MunicipalityEntry]
    /// Kinds `national/` provides, sorted.
    public let nationalKinds: [String]
    /// The versioned 教示 for 処分 notices (`national/appeal-instructions.yaml`); nil when the
    /// folder has none, which only matters once a `measure` is resolved.
    public let appealInstructions: AppealInstructions?
    /// Templates already resolved in this process (shared by every copy of the library).
    private let cache = ResolvedTemplateCache()

    public init(root: URL) throws(TemplateError) {
        let loader = try TemplateLoader(templatesRoot: root)
        self.loader = loader
        self.root = loader.templatesRoot
        let nationalKinds = Self.kinds(in: self.root.appendingPathComponent(Self.nationalFolder))
        self.nationalKinds = nationalKinds
        let instructionsURL = self.root.appendingPathComponent(AppealInstructions.file)
        let folders = Self.subfolders(of: self.root).filter {
            $0.lastPathComponent != Self.nationalFolder && $0.lastPathComponent != "schema"
        }
        // The 教示 and every profile are read side by side (one start-up reads them all: a cold
        // render spent a seventh of its instructions here, on one core); the first failure in
        // the order they were read one by one is the one reported.
        let instructions = Mutex<Result<AppealInstructions?, TemplateError>>(.success(nil))
        let profiles = Mutex([Result<MunicipalityEntry?, TemplateError>](repeating: .success(nil), count: folders.count))
        DispatchQueue.concurrentPerform(iterations: folders.count + 1) { job in
            guard job < folders.count else {
                let read = Result { () throws(TemplateError) in
                    FileManager.default.fileExists(atPath: instructionsURL.path)
                        ? try AppealInstructionsLoader.load(instructionsURL) : nil
                }
                instructions.withLock { $0 = read }
                return
            }
            let entry = Result { () throws(TemplateError) in try Self.entry(in: folders[job], nationalKinds: nationalKinds) }
            profiles.withLock { $0[job] = entry }
        }
        appealInstructions = try instructions.withLock { $0 }.get()
        var entries: [MunicipalityEntry] = []
        for entry in profiles.withLock({ $0 }) {
            if let entry = try entry.get() { entries.append(entry) }
        }
        municipalities = entries.sorted { $0.profile.code < $1.profile.code }
    }

    /// The municipality whose folder is `folder`, with the kinds it has (its own and the
    /// national ones); nil for a folder without a profile.
    private static func entry(in folder: URL, nationalKinds: [String]) throws(TemplateError) -> MunicipalityEntry? {
        let name = folder.lastPathComponent
        let profileURL = folder.appendingPathComponent(profileFile)
        guard FileManager.default.fileExists(atPath: profileURL.path) else { return nil }
        let display = "\(name)/\(profileFile)"
        let profile = try ProfileLoader.load(profileURL, displayName: display)
        let folderCode = String(name.prefix(while: { $0 != "-" }))
        guard folderCode == profile.code.rawValue else {
            throw TemplateError(.profile, at: .file(display), pointer: "/code",
                                "the folder is named for \(folderCode) but the profile says \(profile.code)")
        }
        let own = Set(kinds(in: folder))
        let kinds = own.union(nationalKinds).sorted().map { kind in
            KindEntry(kind: kind, source: own.contains(kind) ? .municipality : .national,
                      file: own.contains(kind) ? "\(name)/\(kind).xml" : "\(nationalFolder)/\(kind).xml")
        }
        return MunicipalityEntry(profile: profile, folder: folder, kinds: kinds)
    }

    public func municipality(_ code: String) throws(TemplateError) -> MunicipalityEntry {
        guard let entry = municipalities.first(where: { $0.profile.code.rawValue == code }) else {
            throw TemplateError(.unknownMunicipality, at: .file(root.lastPathComponent),
                                "no folder in Templates/ has the municipality code \(code)")
        }
        return entry
    }

    /// The template file municipality `code` uses for `kind`.
    public func templateURL(municipality code: String, kind: String) throws(TemplateError) -> URL {
        let entry = try municipality(code)
        guard let found = entry.kinds.first(where: { $0.kind == kind }) else {
            throw TemplateError(.unknownKind, at: .file(entry.folder.lastPathComponent),
                                "\(entry.profile.name) has no template of kind \(kind); it has "
                                + entry.kinds.map(\.kind).joined(separator: ", "))
        }
        return root.appendingPathComponent(found.file, isDirectory: false)
    }

    /// Loads, merges and resolves the template municipality `code` uses for `kind`.
    public func template(municipality code: String, kind: String) throws(TemplateError) -> ResolvedTemplate {
        let entry = try municipality(code)
        let url = try templateURL(municipality: code, kind: kind)
        return try cache.resolved(file: url, municipality: code) { () throws(TemplateError) in
            try resolve(loader.load(url), profile: entry.profile)
        }
    }

    /// Loads a template given by path (`render --template FILE`) for municipality `code`.
    public func template(file: URL, municipality code: String) throws(TemplateError) -> ResolvedTemplate {
        let entry = try municipality(code)
        return try cache.resolved(file: file, municipality: code) { () throws(TemplateError) in
            try resolve(loader.load(file), profile: entry.profile)
        }
    }

    /// Applies the profile to a loaded template: its font family override, and the catalogues
    /// its check lists name (an unknown name is an error at the check list). A profile that lacks a
    /// field the kind prints (a notice's sender, a plan's consent sentence) is refused here, before
    /// any case is read.
    func resolve(_ template: Template, profile: MunicipalityProfile) throws(TemplateError) -> ResolvedTemplate {
        try ProfileRequirements.check(profile, kind: template.kind)
        var resolved = template
        if let family = profile.fontFamily { resolved.style.family = family }
        if template.kind == DocumentKind.selfPlan.rawValue, let paper = profile.selfPlanPaper { resolved.page.size = paper }
        resolved.header = try CatalogueResolver.resolve(resolved.header, profile: profile)
        resolved.footer = try CatalogueResolver.resolve(resolved.footer, profile: profile)
        resolved.body = try CatalogueResolver.resolve(resolved.body, profile: profile)
        return ResolvedTemplate(template: resolved, profile: profile, appealInstructions: appealInstructions)
    }

    private static func subfolders(of url: URL) -> [URL] {
        let items = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
        return items.filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    private static func kinds(in folder: URL) -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return items.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
    }
}

public struct MunicipalityEntry: Sendable {
    public var profile: MunicipalityProfile
    public var folder: URL
    public var kinds: [KindEntry]
}

public struct KindEntry: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        case municipality, national
    }

    public var kind: String
    public var source: Source
    /// Relative to `Templates/`.
    public var file: String
}

/// A template ready for binding: merged, catalogues filled in, with the profile it belongs to.
public struct ResolvedTemplate: Sendable {
    public var template: Template
    public var profile: MunicipalityProfile
    public var appealInstructions: AppealInstructions?

    public init(template: Template, profile: MunicipalityProfile, appealInstructions: AppealInstructions? = nil) {
        self.template = template
        self.profile = profile
        self.appealInstructions = appealInstructions
    }

    /// The scope expressions of this template evaluate in, for one case. A notice also gets
    /// `document_number` (`NoticeNumber`: its number, or the blank line of a draft); a 処分 notice
    /// gets `appeal_instruction` too: the 教示 in force on the 処分's date, filled from the profile.
    public func scope(for caseRoot: CaseNode) throws(TemplateError) -> EvaluationScope {
        var scope = EvaluationScope(case: caseRoot, profile: profile)
            .binding(EvaluationScope.paperName, to: BoundValue(.string(template.page.size.rawValue)))
        if let number = NoticeNumber(kind: template.kind, case: caseRoot) {
            scope = scope.binding(NoticeNumber.variableName, to: number.printed(prefix: profile.documentNumberPrefix))
        }
        guard let pointer = NoticeRequirements.dispositionDatePointer(kind: template.kind) else { return scope }
        guard let instructions = appealInstructions else {
            throw TemplateError(.referenceMissing, at: .file(AppealInstructions.file),
                                "a \(template.kind) notice must carry a 教示, and the file with its versions is missing")
        }
        // Validation has already required a full date here; anything else is a broken pipeline.
        guard let text = caseRoot.resolve(pointer: pointer)?.scalarText, let date = CaseDate(iso: text), !date.isYearMonth else {
            throw TemplateError(.expressionEvaluation, at: template.location, pointer: pointer,
                                "the date of the 処分 selects the 教示 and must be a full date")
        }
        guard let appeal = profile.appeal else {
            try ProfileRequirements.check(profile, kind: template.kind)
            throw TemplateError(.profileLacksField, at: .file(profile.file), pointer: "/appeal", "the 教示 needs the appeal details")
        }
        let filled = try instructions.version(inForceOn: date).filled(with: appeal)
        return scope.binding(EvaluationScope.appealInstructionName, to: BoundValue(filled.valueTree))
    }
}
