import Foundation
import Testing
import TestSupport

/// Personal data and dates (issue #15, findings 8, 9): unknown keys are masked in pointers;
/// a date 和暦 cannot print is a case error found by `validate`, never echoed.
@Suite struct CaseDataHardeningTests {
    typealias Run = HardenedRun.Run
    static let samples = HardenedRun.samples
    static let sodegaura = HardenedRun.sodegaura

    func yorisoi(_ arguments: [String], stdout: FileHandle? = nil) throws -> Run {
        try HardenedRun.yorisoi(arguments, stdout: stdout)
    }

    func writeCase(_ id: String, to url: URL, replacing: [(String, String)] = []) throws {
        try HardenedRun.writeCase(id, to: url, replacing: replacing)
    }

    func manifest(_ folder: URL) throws -> [String: Any] { try HardenedRun.manifest(folder) }

    func render(_ caseFile: URL, _ output: String, kind: String = "support-plan", extra: [String] = []) throws -> Run {
        try yorisoi(["render", caseFile.path, "--kind", kind, "-o", output] + extra)
    }

    // MARK: 8, 9 — personal data in pointers and messages

    @Test func unknownKeysAreMaskedInPointers() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-key")
        let caseFile = work.appendingPathComponent("c.yaml")
        try writeCase("P-1", to: caseFile, replacing: [("guardians:\n", "guardians:\n  - {name: 例野 さくら, 秘密太郎: 1}\n")])
        let json = try yorisoi(["validate", caseFile.path, "--kind", "support-plan", "--format", "json"])
        let text = try yorisoi(["validate", caseFile.path, "--kind", "support-plan"])
        #expect(json.stdout.contains("W020"), "\(json.stdout)")
        #expect(json.stdout.contains("/guardians/0/~unknown1"), "\(json.stdout)")
        #expect(text.stderr.contains("/guardians/0/~unknown1"), "\(text.stderr)")
        #expect(!json.stdout.contains("秘密太郎") && !text.stderr.contains("秘密太郎"), "\(text.stderr)")
    }

    @Test func aBirthdateBeforeMeiji6IsACaseErrorWithoutTheDate() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-meiji")
        let caseFile = work.appendingPathComponent("c.yaml")
        // 涌谷町's form prints the birthdate in 和暦.
        let wakuya = try String(contentsOf: Self.samples.appendingPathComponent("wakuya-support-plan.yaml"), encoding: .utf8)
        try wakuya.replacingOccurrences(of: "birthdate: 2016-09-21", with: "birthdate: 1868-01-01")
            .write(to: caseFile, atomically: true, encoding: .utf8)
        let validate = try yorisoi(["validate", caseFile.path, "--kind", "support-plan"])
        #expect(validate.status == 1, "\(validate.stderr)")
        #expect(validate.stderr.contains("E021"))
        let render = try render(caseFile, work.appendingPathComponent("out.pdf").path)
        #expect(render.status == 1, "\(render.stderr)")
        #expect(!validate.stderr.contains("1868-01-01") && !render.stderr.contains("1868-01-01"), "\(render.stderr)")
        let batch = try yorisoi(["batch", work.path, "--kind", "support-plan", "-o", work.appendingPathComponent("out").path, "--quiet"])
        #expect(batch.status == 1, "\(batch.stderr)")
    }
}
