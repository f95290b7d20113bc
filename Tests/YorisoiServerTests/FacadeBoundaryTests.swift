import Foundation
import Testing
import TestSupport

/// Issue #25: the server talks to the engine through the `Yorisoi` façade only. Package.swift
/// gives the server target no stage module, and this keeps a source file from importing one
/// anyway (SwiftPM puts every built module on the search path, so the compiler alone would not).
@Suite struct FacadeBoundaryTests {
    static let stageModules = ["YorisoiCase", "YorisoiTemplates", "YorisoiPipeline", "YorisoiValidation", "YorisoiLayout",
                               "YorisoiPDF", "YorisoiText", "YorisoiDisplayList", "YorisoiBinding"]

    static let declarationKinds: Set<String> = ["struct", "class", "enum", "protocol", "typealias", "func", "var", "let"]

    @Test func serverSourcesImportNoStageModule() throws {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("Sources/YorisoiServer")
        let files = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 20, "the server's sources were found")
        var offending: [String] = []
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
                // `import X`, `@testable import X`, `@_exported import X`, `import struct X.Y`.
                guard let at = words.firstIndex(of: "import"), words[..<at].allSatisfy({ $0.hasPrefix("@") }) else { continue }
                var next = at + 1
                if next < words.count, Self.declarationKinds.contains(words[next]) { next += 1 }
                guard next < words.count else { continue }
                let module = String(words[next].split(separator: ".").first ?? "")
                if Self.stageModules.contains(module) {
                    offending.append("\(file.lastPathComponent): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offending.isEmpty, "\(offending)")
    }

    @Test func packageGivesTheServerTheFacadeOnly() throws {
        let manifest = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        let start = try #require(manifest.range(of: ".target(name: \"YorisoiServer\""))
        let end = try #require(manifest.range(of: "resources:", range: start.upperBound..<manifest.endIndex))
        let dependencies = manifest[start.upperBound..<end.lowerBound]
        for module in Self.stageModules {
            #expect(!dependencies.contains("\"\(module)\""), "YorisoiServer depends on \(module)")
        }
        #expect(dependencies.contains("\"Yorisoi\""))
    }
}
