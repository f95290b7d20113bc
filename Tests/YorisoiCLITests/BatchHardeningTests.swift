import Foundation
import Testing
import TestSupport

/// `batch` against hostile folders (issue #15, findings 6, 10, 13, 14): FIFOs, huge thread
/// counts, OUTDIR = INPUT, a killed rerun, and case ids that are unsafe as file names.
@Suite struct BatchHardeningTests {
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

    // MARK: 6, 10, 13, 14 — batch

    @Test func aFIFOInTheBatchFolderIsSkippedWithADiagnostic() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-batch-fifo")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try writeCase("F-1", to: input.appendingPathComponent("a.yaml"))
        #expect(mkfifo(input.appendingPathComponent("b.yaml").path, 0o600) == 0)
        let run = try yorisoi(["batch", input.path, "--kind", "support-plan", "-o", output.path, "--quiet"])
        #expect(!run.killedByWatchdog)
        #expect(run.status == 1, "\(run.stderr)")
        let cases = try manifest(output)["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 2)
        #expect(cases.contains { $0["id"] as? String == "F-1" && $0["status"] as? String == "ok" })
        let skipped = cases.first { ($0["source"] as? [String: Any])?["file"] as? String == input.appendingPathComponent("b.yaml").path }
        #expect((skipped?["diagnostics"] as? [[String: Any]])?.first?["code"] as? String == "E036")
    }

    @Test func aHugeJobCountFinishes() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-jobs")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try writeCase("J-1", to: input.appendingPathComponent("a.yaml"))
        try writeCase("J-2", to: input.appendingPathComponent("b.yaml"))
        let run = try yorisoi(["batch", input.path, "--kind", "support-plan", "-o", output.path, "--jobs", "100000", "--quiet"])
        #expect(!run.killedByWatchdog)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func outdirInsideTheInputFolderDoesNotReadItsOwnManifest() throws {
        let folder = try TestPaths.makeTemporaryDirectory("harden-same")
        try writeCase("S-1", to: folder.appendingPathComponent("a.yaml"))
        for _ in 0..<2 {
            let run = try yorisoi(["batch", folder.path, "--kind", "support-plan", "-o", folder.path, "--quiet"])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let cases = try manifest(folder)["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 1)
        #expect(cases.first?["id"] as? String == "S-1")
    }

    /// A rerun into the same OUTDIR killed with SIGKILL: the manifest left behind claims nothing
    /// (the old run's manifest listed PDFs this run had replaced).
    @Test func aKilledRerunLeavesNoManifestClaimingOldPDFs() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-rerun")
        let first = work.appendingPathComponent("first"), second = work.appendingPathComponent("second")
        let output = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: first, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        for index in 1...3 { try writeCase("K-\(index)", to: first.appendingPathComponent("k\(index).yaml")) }
        #expect(try yorisoi(["batch", first.path, "--kind", "support-plan", "-o", output.path, "--quiet"]).status == 0)
        for index in 1...200 { try writeCase("L-\(index)", to: second.appendingPathComponent("l\(index).yaml")) }

        let process = Process()
        process.executableURL = TestPaths.yorisoiExecutable
        process.arguments = ["batch", second.path, "--kind", "support-plan", "-o", output.path, "--quiet", "--jobs", "1"]
        process.currentDirectoryURL = TestPaths.repositoryRoot
        process.standardError = FileHandle.nullDevice
        try process.run()
        while process.isRunning, !FileManager.default.fileExists(atPath: output.appendingPathComponent("L-1.pdf").path) {
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let left = try manifest(output)
        #expect(left["interrupted"] as? Bool == true)
        #expect((left["totals"] as? [String: Int])?["ok"] == 0)
        #expect((left["cases"] as? [[String: Any]] ?? []).allSatisfy { $0["status"] as? String == "not_done" })
    }

    @Test func caseIdsThatCollideOnCaseInsensitiveDisksOrCannotBeFileNamesAreRefused() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-ids")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try writeCase("Case-1", to: input.appendingPathComponent("a.yaml"))
        try writeCase("case-1", to: input.appendingPathComponent("b.yaml"))
        try writeCase(String(repeating: "𠮷", count: 64), to: input.appendingPathComponent("c.yaml"))
        try writeCase("a:b", to: input.appendingPathComponent("d.yaml"))
        try writeCase("=HYPERLINK(1)", to: input.appendingPathComponent("e.yaml"))
        let run = try yorisoi(["batch", input.path, "--kind", "support-plan", "-o", output.path, "--quiet"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(!run.stderr.contains("HYPERLINK"), "\(run.stderr)")
        let text = try String(contentsOf: output.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(!text.contains("HYPERLINK"))
        let cases = try manifest(output)["cases"] as? [[String: Any]] ?? []
        func codes(_ file: String) -> [String] {
            let entry = cases.first { ($0["source"] as? [String: Any])?["file"] as? String == input.appendingPathComponent(file).path }
            return (entry?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        }
        #expect(codes("a.yaml").allSatisfy { $0.hasPrefix("W") })   // warnings only (W120 since forms)
        #expect(codes("b.yaml").contains("E032"))
        #expect(codes("c.yaml").contains("E026"))
        #expect(codes("d.yaml").contains("E026"))
        #expect(codes("e.yaml").contains("E026"))
        // Named in the failure: one fresh-clone run found something else in OUTDIR here.
        let listing = try FileManager.default.contentsOfDirectory(atPath: output.path).sorted()
        #expect(listing == ["Case-1.pdf", "manifest.json"], "OUTDIR holds \(listing); a.yaml: \(codes("a.yaml"))")
    }
}
