import Foundation
import Testing
import TestSupport
@testable import YorisoiTemplates

/// `Templates/schema/validated.sha256` lets a shipped template skip the RELAX NG schema at load.
/// These tests keep that list honest: it names exactly the shipped templates as they are, each of
/// them passes the schema, and anything else is still validated.
@Suite struct ValidatedTemplatesTests {
    static let manifestURL = Fixtures.templatesRoot.appendingPathComponent(ValidatedTemplates.manifestPath)

    /// Every template file under `Templates/` (the schema folder aside), relative path and bytes.
    static func shippedTemplates() throws -> [(path: String, bytes: [UInt8])] {
        let root = Fixtures.templatesRoot.resolvingSymlinksInPath().standardizedFileURL
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [(path: String, bytes: [UInt8])] = []
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "xml" else { continue }
            let path = url.resolvingSymlinksInPath().standardizedFileURL.pathComponents
                .dropFirst(root.pathComponents.count).joined(separator: "/")
            guard !path.hasPrefix("schema/") else { continue }
            files.append((path, Array(try Data(contentsOf: url))))
        }
        return files.sorted { $0.path < $1.path }
    }

    static func schemaBytes() throws -> [UInt8] {
        Array(try Data(contentsOf: Fixtures.templatesRoot.appendingPathComponent(TemplateLoader.schemaPath)))
    }

    /// Each shipped template passes the schema when nothing is taken on trust. With
    /// YORISOI_UPDATE_VALIDATED=1 (scripts/update-validated-templates) the list is then rewritten.
    @Test func everyShippedTemplatePassesTheSchemaAndTheListIsCurrent() throws {
        let loader = try TemplateLoader(templatesRoot: Fixtures.templatesRoot, checkingEveryTemplate: true)
        let templates = try Self.shippedTemplates()
        #expect(templates.count >= 10, "found only \(templates.map(\.path))")
        for file in templates {
            #expect(throws: Never.self, "\(file.path) fails the schema") {
                _ = try loader.parseDocument(Fixtures.templatesRoot.appendingPathComponent(file.path))
            }
        }
        let expected = ValidatedTemplates.manifest(schemaBytes: try Self.schemaBytes(), templates: templates)
        if ProcessInfo.processInfo.environment["YORISOI_UPDATE_VALIDATED"] == "1" {
            try Data(expected.utf8).write(to: Self.manifestURL)
        }
        let written = try String(contentsOf: Self.manifestURL, encoding: .utf8)
        // Named line by line, so a failure says which template changed.
        let stale = Set(expected.split(separator: "\n")).symmetricDifference(written.split(separator: "\n"))
        #expect(stale.isEmpty, """
            Templates/schema/validated.sha256 is out of date (run scripts/update-validated-templates); \
            lines that differ: \(stale.sorted())
            """)
    }

    @Test func aListedTemplateIsTrustedAndAnEditedOneIsNot() throws {
        let loader = try Fixtures.loader()
        let plan = Array(try Data(contentsOf: Fixtures.templatesRoot.appendingPathComponent("national/support-plan.xml")))
        #expect(loader.validated.contains(plan))
        var edited = plan
        edited.append(UInt8(ascii: "\n"))
        #expect(!loader.validated.contains(edited))
    }

    /// A list written for other schema bytes counts for nothing: a changed schema must see every
    /// template again.
    @Test func aListForAnotherSchemaIsIgnored() throws {
        var schema = try Self.schemaBytes()
        #expect(!ValidatedTemplates.load(templatesRoot: Fixtures.templatesRoot, schemaBytes: schema).digests.isEmpty)
        schema.append(UInt8(ascii: " "))
        #expect(ValidatedTemplates.load(templatesRoot: Fixtures.templatesRoot, schemaBytes: schema).digests.isEmpty)
    }

    /// A shipped template edited in place so that it breaks the schema is refused, list or not.
    @Test func anEditedShippedTemplateIsValidatedAgain() throws {
        let root = try TestPaths.makeTemporaryDirectory("yorisoi-validated")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("schema"), withIntermediateDirectories: true)
        for path in [TemplateLoader.schemaPath, ValidatedTemplates.manifestPath] {
            try fm.copyItem(at: Fixtures.templatesRoot.appendingPathComponent(path), to: root.appendingPathComponent(path))
        }
        try fm.copyItem(at: Fixtures.templatesRoot.appendingPathComponent("national"), to: root.appendingPathComponent("national"))
        let file = root.appendingPathComponent("national/support-plan.xml")
        let text = try String(contentsOf: file, encoding: .utf8)
        // An attribute the schema does not allow on the root element.
        let broken = text.replacingOccurrences(of: "<template ", with: "<template colour=\"red\" ", options: [], range: text.range(of: "<template "))
        #expect(broken != text)
        try Data(broken.utf8).write(to: file)
        let loader = try TemplateLoader(templatesRoot: root)
        #expect(!loader.validated.digests.isEmpty)
        #expect(throws: TemplateError.self) { _ = try loader.parseDocument(file) }
    }
}
