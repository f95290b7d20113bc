import Foundation
import TestSupport
@testable import YorisoiTemplates

/// Shared helpers: the real `Templates/` folder, and scratch template folders for failure cases.
enum Fixtures {
    static let templatesRoot = TestPaths.repositoryRoot.appendingPathComponent("Templates")

    static func loader() throws -> TemplateLoader {
        try TemplateLoader(templatesRoot: templatesRoot)
    }

    static func library() throws -> TemplateLibrary {
        try TemplateLibrary(root: templatesRoot)
    }

    /// A scratch `Templates/` with the real schema and national folder copied in, plus `files`
    /// (relative path → contents).
    static func scratchTemplates(_ files: [String: String]) throws -> URL {
        let root = try TestPaths.makeTemporaryDirectory("yorisoi-templates")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("schema"), withIntermediateDirectories: true)
        try fm.copyItem(at: templatesRoot.appendingPathComponent(TemplateLoader.schemaPath),
                        to: root.appendingPathComponent(TemplateLoader.schemaPath))
        try fm.copyItem(at: templatesRoot.appendingPathComponent("national"),
                        to: root.appendingPathComponent("national"))
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return root
    }

    /// Parses template text with the real schema; returns the error it raises, if any.
    static func loadError(_ xml: String, name: String = "support-plan.xml",
                          folder: String = "990019-見本市") throws -> TemplateError? {
        let root = try scratchTemplates(["\(folder)/\(name)": xml])
        let loader = try TemplateLoader(templatesRoot: root)
        do {
            _ = try loader.load(root.appendingPathComponent("\(folder)/\(name)"))
            return nil
        } catch {
            return error
        }
    }

    static let passwdMarkers = ["root:x:0:0", "/bin/bash", "/usr/sbin/nologin", "daemon:"]
}
