import Foundation
import Testing
import TestSupport

/// The batch manifest is written as the batch goes, and bounded per case (issue #24,
/// criterion 1): every case is listed in input order, a case's diagnostics past the first 100
/// are counted instead of listed, and stderr names the first 200 cases that are not ok and
/// counts the rest.
@Suite struct BatchManifestStreamingTests {
    @Test func manyInvalidCasesAreAllListedAndStderrIsCapped() throws {
        let work = try TestPaths.makeTemporaryDirectory("manifest-many")
        let input = work.appendingPathComponent("cases.jsonl"), output = work.appendingPathComponent("out")
        let count = 1_500
        try Data((0..<count).map { "{\"id\":\"E\($0)\"}\n" }.joined().utf8).write(to: input)
        let run = try HardenedRun.yorisoi(["batch", input.path, "--kind", "support-plan", "-o", output.path, "--quiet"])
        #expect(run.status == 1, "\(run.stderr.suffix(400))")
        let manifest = try HardenedRun.manifest(output)
        let cases = manifest["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == count)
        #expect(cases.map { $0["id"] as? String } == (0..<count).map { "E\($0)" })
        #expect((cases.map { ($0["source"] as? [String: Any])?["line"] as? Int }) == (1...count).map { $0 })
        #expect((manifest["totals"] as? [String: Any])?["invalid"] as? Int == count)
        let caseLines = run.stderr.split(separator: "\n").filter { $0.contains(": invalid E") }
        #expect(caseLines.count == 200)
        #expect(run.stderr.contains("and \(count - 200) more not ok"), "\(run.stderr.suffix(400))")
        // Nothing of this run is left behind but the manifest.
        let hidden = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "\(hidden)")
    }

    @Test func aCaseWithHundredsOfFindingsListsTheFirstHundredAndCountsTheRest() throws {
        let work = try TestPaths.makeTemporaryDirectory("manifest-capped")
        let input = work.appendingPathComponent("cases.jsonl"), output = work.appendingPathComponent("out")
        // 150 supports with a frequency but no service and no content: E104 and E105 each.
        let supports = Array(repeating: "{\"frequency\": \"月1回\"}", count: 150).joined(separator: ", ")
        try Data("{\"version\": 1, \"id\": \"C-1\", \"plan\": {\"supports\": [\(supports)]}}\n".utf8).write(to: input)
        let run = try HardenedRun.yorisoi(["batch", input.path, "--kind", "support-plan", "-o", output.path, "--quiet"])
        #expect(run.status == 1, "\(run.stderr)")
        let entry = try #require((try HardenedRun.manifest(output)["cases"] as? [[String: Any]])?.first)
        let listed = entry["diagnostics"] as? [[String: Any]] ?? []
        let omitted = entry["diagnostics_omitted"] as? Int ?? 0
        #expect(listed.count == 100)
        // At least the 300 errors in all; the listed ones come first in source order.
        #expect(omitted >= 200)
        #expect(listed.contains { $0["code"] as? String == "E104" } && listed.contains { $0["code"] as? String == "E105" })
        #expect(listed.compactMap { $0["path"] as? String }.contains("/plan/supports/0/service"))
    }
}
