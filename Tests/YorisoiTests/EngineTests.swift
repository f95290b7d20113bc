import Foundation
import Testing
import TestSupport
import Yorisoi

/// The façade, as another program uses it: one engine, cases as files or bytes, structured
/// reports and errors.
@Suite struct EngineTests {
    static let root = TestPaths.repositoryRoot
    static let engine: YorisoiEngine = try! YorisoiEngine(resources: .repository(root: root))
    static func sample(_ name: String) -> URL { root.appendingPathComponent("samples/cases/\(name)") }

    @Test func rendersASampleFromAFileAndFromBytesToTheSameBytes() throws {
        let file = Self.sample("mihon-national-support-plan.yaml")
        let fromFile = try Self.engine.render(.file(file), kind: .supportPlan)
        let bytes = try [UInt8](Data(contentsOf: file))
        let fromBytes = try Self.engine.render(.bytes(bytes, format: .yaml, name: "request"), kind: .supportPlan)
        let pdf = try #require(fromFile.pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(fromFile.pageCount >= 1)
        #expect(!fromFile.diagnostics.hasErrors)
        #expect(fromBytes.pdf == pdf)
        #expect(fromBytes.name == "request")
    }

    @Test func anInvalidCaseIsAReportWithPositionedBilingualDiagnosticsAndNoPDF() throws {
        let file = Self.root.appendingPathComponent("Tests/Fixtures/invalid/birthdate-after-created.yaml")
        let report = try Self.engine.render(.file(file, displayName: "case.yaml"), kind: .supportPlan)
        #expect(report.pdf == nil)
        #expect(!report.ok)
        let error = try #require(report.diagnostics.first { $0.isError })
        #expect(error.code == .e202)
        #expect(error.path.hasPrefix("/"))
        #expect(error.line > 1)
        #expect(!error.message.isEmpty && !error.messageEN.isEmpty)
        let validation = try Self.engine.validate(.file(file), kind: .supportPlan)
        #expect(validation.diagnostics == report.diagnostics)
        #expect(!validation.ok && validation.caseCount == 1)
    }

    @Test func renderRefusesSeveralCasesAsInvalidInput() throws {
        let jsonl = Array("{\"version\": 1, \"id\": \"A\"}\n{\"version\": 1, \"id\": \"B\"}\n".utf8)
        #expect {
            try Self.engine.render(.bytes(jsonl, format: .jsonLines, name: "cases.jsonl"), kind: .supportPlan)
        } throws: { error in
            guard let error = error as? YorisoiError else { return false }
            return error.category == .invalidInput && error.code == "Y003" && error.exitCode == 1
        }
    }

    @Test func listsTemplatesWithAndWithoutFonts() throws {
        let listed = Self.engine.templates()
        #expect(listed.contains { $0.code == "990019" && $0.kinds.contains { $0.kind == "support-plan" && !$0.isOwn } })
        #expect(try YorisoiEngine.templates(resources: .repository(root: Self.root)) == listed)
    }

    @Test func aMissingFontConfigurationIsAStructuredConfigurationError() throws {
        let empty = try TestPaths.makeTemporaryDirectory("facade-nofonts")
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect {
            try YorisoiEngine(resources: .repository(root: empty))
        } throws: { error in
            guard let error = error as? YorisoiError else { return false }
            return error.category == .configuration && error.code == "F001" && error.exitCode == 2
                && error.description.contains("fonts.yaml")
        }
    }

    /// A broken municipality profile surfaces with its template code, file and pointer —
    /// never flattened into a string, never swallowed.
    @Test func aBrokenProfileKeepsItsCodeFileAndPointer() throws {
        let templates = try TestPaths.makeTemporaryDirectory("facade-templates")
        defer { try? FileManager.default.removeItem(at: templates) }
        let source = Self.root.appendingPathComponent("Templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appendingPathComponent(name), to: templates.appendingPathComponent(name))
        }
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: templates.path).first { $0.hasPrefix("990019-") })
        let profile = templates.appendingPathComponent("\(folder)/municipality.yaml")
        let text = try String(contentsOf: profile, encoding: .utf8)
        try text.replacingOccurrences(of: "code: \"990019\"", with: "code: \"990027\"").write(to: profile, atomically: true, encoding: .utf8)
        #expect {
            try YorisoiEngine(resources: .repository(root: Self.root, templates: templates))
        } throws: { error in
            guard let error = error as? YorisoiError else { return false }
            return error.code == "T040" && error.category == .configuration && error.pointer == "/code"
                && error.file == "\(folder)/municipality.yaml" && error.line != nil
        }
    }

    /// Meeting packets over HTTP carry their cases inline (`case:` instead of `file:`).
    @Test func aPacketFromBytesTakesInlineCasesAndRefusesFiles() throws {
        let caseText = try String(contentsOf: Self.sample("mihon-national-support-plan.yaml"), encoding: .utf8)
        let indented = caseText.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("#") || $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
        let meeting = """
            version: 1
            municipality: "990019"
            meeting: {kind: 進行管理会議, title: 架空の会議, date: 2025-02-14}
            cases:
              - agenda: 協議
                case:
            \(indented)
            """
        let report = try Self.engine.packet(.bytes(Array(meeting.utf8), format: .yaml, name: "request"))
        #expect(!report.hasErrors, "\(report.files.flatMap(\.diagnostics).map(\.code.rawValue))")
        let pdf = try #require(report.pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(report.includedCases == 1)

        let withFile = """
            version: 1
            municipality: "990019"
            meeting: {kind: 進行管理会議, title: 架空の会議, date: 2025-02-14}
            cases:
              - {file: /etc/passwd, agenda: 協議}
            """
        let refused = try Self.engine.packet(.bytes(Array(withFile.utf8), format: .yaml, name: "request"))
        #expect(refused.pdf == nil)
        #expect(refused.files.first?.diagnostics.contains { $0.code == .e702 && $0.path == "/cases/0" } == true)
    }

    /// One engine, many tasks at once: the same bytes as one at a time.
    @Test func isSafeToCallFromManyTasksAtOnce() async throws {
        let file = Self.sample("sodegaura-support-plan.yaml")
        let expected = try Self.engine.render(.file(file), kind: .supportPlan).pdf
        let engine = Self.engine
        let results = try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            for _ in 0..<4 { group.addTask { try engine.render(.file(file), kind: .supportPlan).pdf } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(expected != nil)
        #expect(results.allSatisfy { $0 == expected })
    }
}
