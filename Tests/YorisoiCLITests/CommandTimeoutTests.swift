import Foundation
import Testing
import TestSupport

/// `render` and `packet` have a time budget too (issue #24, criterion 2, like batch's
/// `--case-timeout`): past it the layout stops at its next paragraph or block, nothing is
/// written, E037 says why and the command exits 1. A budget of a millisecond is far below what
/// validating and laying out a two-page plan takes (tens of milliseconds even in a release
/// build), so the cancellation is what ends the command, not its completion.
@Suite struct CommandTimeoutTests {
    @Test func aRenderOverItsBudgetIsStoppedAndWritesNothing() throws {
        let work = try TestPaths.makeTemporaryDirectory("render-timeout")
        let pdf = work.appendingPathComponent("plan.pdf")
        let run = try HardenedRun.yorisoi(["render", HardenedRun.sodegaura.path, "--kind", "support-plan",
                                           "-o", pdf.path, "--timeout", "0.001"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("E037"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    @Test func aPacketOverItsBudgetIsStoppedAndWritesNothing() throws {
        let work = try TestPaths.makeTemporaryDirectory("packet-timeout")
        let pdf = work.appendingPathComponent("packet.pdf")
        let meeting = TestPaths.repositoryRoot.appendingPathComponent("samples/meetings/mihon-progress-review.yaml")
        let run = try HardenedRun.yorisoi(["packet", meeting.path, "-o", pdf.path, "--copies", "3", "--timeout", "0.001"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("E037"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }

    @Test(arguments: [["render", "samples/cases/sodegaura-support-plan.yaml", "--kind", "support-plan"],
                      ["packet", "samples/meetings/mihon-progress-review.yaml"]])
    func aNonPositiveBudgetIsAUsageError(_ command: [String]) throws {
        for budget in ["0", "-1", "nan"] {
            let run = try HardenedRun.yorisoi(command + ["-o", "/tmp/yorisoi-never.pdf", "--timeout", budget])
            #expect(run.status == 2, "\(budget): \(run.stderr)")
            #expect(run.stderr.contains("--timeout"), "\(budget): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/yorisoi-never.pdf"))
    }
}
