import Crypto
import Foundation
import Testing
import TestSupport
import Yorisoi

/// Byte identity: every PDF `yorisoi demo` makes (the specimen, each sample × kind, each meeting
/// packet) has the SHA-256 recorded in Tests/Fixtures/golden/pdf-sha256.txt. A restructuring
/// must not change a byte; a change that alters layout on purpose regenerates the list with
/// `scripts/update-golden-hashes` (and says so in its commit).
@Suite struct GoldenPDFTests {
    static let root = TestPaths.repositoryRoot
    static let hashFile = root.appendingPathComponent("Tests/Fixtures/golden/pdf-sha256.txt")

    static func recorded() throws -> [String: String] {
        var result: [String: String] = [:]
        for line in try String(contentsOf: hashFile, encoding: .utf8).split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            result[String(parts[1])] = String(parts[0])
        }
        return result
    }

    /// The PDFs the demo writes, by file name, made through the façade the same way.
    static func rendered() throws -> [String: [UInt8]] {
        let resources = YorisoiResources.repository(root: root)
        let engine = try YorisoiEngine(resources: resources)
        var pdfs: [String: [UInt8]] = ["specimen.pdf": try YorisoiEngine.specimen(resources: resources)]
        let cases = root.appendingPathComponent("samples/cases")
        for name in try FileManager.default.contentsOfDirectory(atPath: cases.path).sorted()
        where ["yaml", "yml", "json"].contains((name as NSString).pathExtension) {
            let file = cases.appendingPathComponent(name)
            for document in try engine.sampleDocuments(file) ?? [] {
                let report = try engine.render(.file(file, displayName: name), kind: document.kind, template: document.template)
                pdfs["\((name as NSString).deletingPathExtension)-\(document.name).pdf"] = report.pdf
            }
        }
        let meetings = root.appendingPathComponent("samples/meetings")
        for name in try FileManager.default.contentsOfDirectory(atPath: meetings.path).sorted()
        where ["yaml", "yml"].contains((name as NSString).pathExtension) {
            let report = try engine.packet(.file(meetings.appendingPathComponent(name), displayName: name))
            pdfs["packet-\((name as NSString).deletingPathExtension).pdf"] = report.pdf
        }
        return pdfs
    }

    @Test func everySamplePDFHasItsRecordedHash() throws {
        // Every sample has `created`, so SOURCE_DATE_EPOCH (the date of a case without one)
        // does not reach these PDFs.
        let recorded = try Self.recorded()
        let rendered = try Self.rendered()
        #expect(recorded.count >= 17)
        #expect(Set(rendered.keys) == Set(recorded.keys), "the demo's set of PDFs changed: run scripts/update-golden-hashes")
        for (name, pdf) in rendered.sorted(by: { $0.key < $1.key }) {
            let hash = SHA256.hash(data: pdf).map { String(format: "%02x", $0) }.joined()
            #expect(hash == recorded[name], "\(name) changed; if on purpose, run scripts/update-golden-hashes")
        }
    }
}
