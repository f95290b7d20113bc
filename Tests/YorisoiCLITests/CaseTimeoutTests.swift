import Foundation
import Testing
import TestSupport

/// A batch case past its time budget is cancelled on the command line too (issue #24,
/// criterion 2): the layout stops at its next paragraph or block, the case is listed as failed
/// with E037, and the batch goes on. A budget of a millisecond is far below what laying out a
/// two-page plan takes (tens of milliseconds even in a release build), so the cancellation is
/// what ends the case, not its completion.
@Suite struct CaseTimeoutTests {
    @Test func aCaseOverItsBudgetIsStoppedAndListedAsFailed() throws {
        let work = try TestPaths.makeTemporaryDirectory("case-timeout")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try HardenedRun.writeCase("T-1", to: input.appendingPathComponent("a.yaml"))
        try HardenedRun.writeCase("T-2", to: input.appendingPathComponent("b.yaml"))
        let run = try HardenedRun.yorisoi(["batch", input.path, "--kind", "support-plan", "-o", output.path,
                                           "--case-timeout", "0.001", "--quiet", "--jobs", "1"])
        #expect(run.status == 1, "\(run.stderr)")
        let cases = try HardenedRun.manifest(output)["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 2)
        for entry in cases {
            #expect(entry["status"] as? String == "failed")
            let codes = (entry["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            #expect(codes.contains("E037"), "\(codes)")
        }
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("T-1.pdf").path))
    }

    @Test func aNonPositiveBudgetIsAUsageError() throws {
        let run = try HardenedRun.yorisoi(["batch", HardenedRun.samples.path, "--kind", "support-plan",
                                           "-o", "/tmp/yorisoi-never", "--case-timeout", "0"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("--case-timeout"))
    }
}
