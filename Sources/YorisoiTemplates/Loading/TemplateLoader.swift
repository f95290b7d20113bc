import Foundation

/// Loads template files: safe parse, RELAX NG validation, model building, `extends` resolution
/// and defaults. One loader per templates root; it is a value and may be shared across tasks.
public struct TemplateLoader: Sendable {
    public static let schemaPath = "schema/yorisoi-template.rng"
    /// How deep `extends` chains may go (national → municipality is 1).
    public static let maximumInheritanceDepth = 4

    public let templatesRoot: URL
    public var parser: SafeXMLParser
    /// Shipped templates known to pass the schema, which are not validated again.
    let validated: ValidatedTemplates

    /// `checkingEveryTemplate` validates even the files the validated list names (the test that
    /// keeps that list honest, and `scripts/update-validated-templates`).
    public init(templatesRoot: URL, parser: SafeXMLParser = SafeXMLParser(),
                checkingEveryTemplate: Bool = false) throws(TemplateError) {
        self.templatesRoot = templatesRoot.resolvingSymlinksInPath().standardizedFileURL
        self.parser = parser
        let schemaBytes: [UInt8]
        do { schemaBytes = Array(try Data(contentsOf: self.templatesRoot.appendingPathComponent(Self.schemaPath))) } catch {
            throw TemplateError(.unreadable, at: .file(Self.schemaPath), "cannot read the RELAX NG schema")
        }
        validated = checkingEveryTemplate ? .none
            : ValidatedTemplates.load(templatesRoot: self.templatesRoot, schemaBytes: schemaBytes)
    }

    /// The compiled schema: compiled on first use (once per process), so a run that loads only
    /// listed templates never compiles it.
    public func schema() throws(TemplateError) -> RelaxNGSchema {
        try RelaxNGSchema.cached(at: templatesRoot.appendingPathComponent(Self.schemaPath),
                                 displayName: Self.schemaPath)
    }

    /// Loads a template file (inside `Templates/` or, for `--template`, anywhere) with its bases.
    public func load(_ url: URL) throws(TemplateError) -> Template {
        let document = try loadDocument(url.resolvingSymlinksInPath().standardizedFileURL, chain: [])
        return try finish(document)
    }

    /// Parses one file without following `extends` (for tools that inspect a single file).
    func parseDocument(_ url: URL) throws(TemplateError) -> TemplateDocument {
        let name = displayName(url)
        let bytes = try readBytes(url, name: name)
        let (tree, schemaError) = try parser.parseKeepingSchemaError(
            bytes, file: name, schema: validated.contains(bytes) ? nil : try schema())
        if let schemaError {
            // The schema says something is wrong, but libxml2 often blames an ancestor ("template
            // has extra content: block"). Our typed reading walks the same tree and names the
            // exact element or attribute, so when it finds a problem, that is the better report.
            do { _ = try TemplateBuilder.build(tree, file: name) } catch { throw error }
            throw schemaError
        }
        let document = try TemplateBuilder.build(tree, file: name)
        if Self.isInside(url, templatesRoot) {
            let stem = url.deletingPathExtension().lastPathComponent
            if document.kind != stem {
                throw TemplateError(.kindMismatch, at: document.kindLocation,
                                    "kind=\"\(document.kind)\" but the file is named \(url.lastPathComponent)")
            }
        }
        return document
    }

    private func loadDocument(_ url: URL, chain: [URL]) throws(TemplateError) -> TemplateDocument {
        let document = try parseDocument(url)
        guard let extends = document.extends else { return document }
        guard chain.count < Self.maximumInheritanceDepth else {
            throw TemplateError(.inheritance, at: extends.location, "extends chain is deeper than \(Self.maximumInheritanceDepth)")
        }
        let resolver = TemplateReferenceResolver(templatesRoot: templatesRoot, ownFolder: url.deletingLastPathComponent())
        let baseURL = try resolver.resolve(extends.value, at: extends.valueLocation)
        if baseURL == url || chain.contains(baseURL) {
            throw TemplateError(.inheritance, at: extends.location, "extends forms a cycle")
        }
        let base = try loadDocument(baseURL, chain: chain + [url])
        return try TemplateInheritance.merge(base: base, child: document)
    }

    private func finish(_ d: TemplateDocument) throws(TemplateError) -> Template {
        let unprinted = d.unprinted ?? []
        // ①意向 ②課題 ③支援内容 are what makes a サポートプラン one: no form may leave them out.
        if d.kind.hasPrefix("support-plan") {
            for value in unprinted where Template.mandatoryPlanValues.contains(where: value.path.covers) {
                throw TemplateError(.unprintedMandatory, at: value.location,
                                    "\(value.path) covers ①意向, ②課題 or ③支援内容, which every サポートプラン prints")
            }
        }
        return Template(
            kind: d.kind, title: d.title ?? d.kind,
            page: TemplatePageSetup(size: d.pageSize ?? .a4, orientation: d.orientation ?? .portrait,
                            margins: d.margins ?? .all(.mm(15))),
            style: d.style.inheriting(TemplateTextStyle(family: .mincho, size: .pt(10.5))),
            lineHeight: d.lineHeight ?? 1.5,
            header: d.header ?? [], footer: d.footer ?? [], body: d.body,
            location: d.location, sources: d.sources, unprinted: unprinted)
    }

    private func readBytes(_ url: URL, name: String) throws(TemplateError) -> [UInt8] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > parser.maximumSize {
            throw TemplateError(.tooLarge, at: .file(name), "\(size) bytes; the limit is \(parser.maximumSize)")
        }
        do { return Array(try Data(contentsOf: url)) } catch {
            throw TemplateError(.unreadable, at: .file(name), "cannot read the file")
        }
    }

    /// `122297-袖ケ浦市/support-plan.xml` inside the root; the path as given outside it.
    func displayName(_ url: URL) -> String {
        let standard = url.resolvingSymlinksInPath().standardizedFileURL
        guard Self.isInside(standard, templatesRoot) else { return url.path }
        return standard.pathComponents.dropFirst(templatesRoot.pathComponents.count).joined(separator: "/")
    }

    static func isInside(_ file: URL, _ folder: URL) -> Bool {
        TemplateReferenceResolver.isInside(file.resolvingSymlinksInPath().standardizedFileURL, folder)
    }
}
