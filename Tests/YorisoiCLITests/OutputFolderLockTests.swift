import Foundation
import Testing
import TestSupport

/// A batch holds a lock on its OUTDIR (issue #24, criterion 3): a second batch into the same
/// folder exits 2 naming the holder's pid, and a lock left by a dead process is taken over.
@Suite struct OutputFolderLockTests {
    static let lockName = ".yorisoi-batch.lock"

    func writeCases(_ count: Int, prefix: String, into folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<count {
            try HardenedRun.writeCase("\(prefix)-\(index)", to: folder.appendingPathComponent("c\(index).yaml"))
        }
    }

    @Test func aSecondBatchIntoAFolderInUseExits2NamingTheHolder() throws {
        let work = try TestPaths.makeTemporaryDirectory("lock-second")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try writeCases(12, prefix: "L", into: input)
        // The first batch, stopped (SIGSTOP) once it holds the lock, so that the second one
        // meets it mid-run whatever the machine's speed.
        let first = Process()
        first.executableURL = TestPaths.yorisoiExecutable
        first.arguments = ["batch", input.path, "--kind", "support-plan", "-o", output.path, "--quiet", "--jobs", "1"]
        first.currentDirectoryURL = TestPaths.repositoryRoot
        first.standardError = FileHandle.nullDevice
        try first.run()
        let lockFile = output.appendingPathComponent(Self.lockName)
        let deadline = Date().addingTimeInterval(120)
        while (try? String(contentsOf: lockFile, encoding: .utf8)) != "\(first.processIdentifier)\n", first.isRunning, Date() < deadline {
            usleep(2_000)
        }
        kill(first.processIdentifier, SIGSTOP)
        defer { kill(first.processIdentifier, SIGCONT) }
        try #require(FileManager.default.fileExists(atPath: lockFile.path), "the first batch finished before it could be stopped")

        let other = work.appendingPathComponent("other")
        try writeCases(1, prefix: "M", into: other)
        let second = try HardenedRun.yorisoi(["batch", other.path, "--kind", "support-plan", "-o", output.path, "--quiet"])
        #expect(second.status == 2, "\(second.stderr)")
        #expect(second.stderr.contains("pid \(first.processIdentifier)"), "\(second.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("M-0.pdf").path))

        kill(first.processIdentifier, SIGCONT)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        // The first batch's manifest is its own, and the lock is gone with it.
        let cases = try HardenedRun.manifest(output)["cases"] as? [[String: Any]] ?? []
        #expect(cases.count == 12 && cases.allSatisfy { ($0["id"] as? String)?.hasPrefix("L-") == true })
        #expect(!FileManager.default.fileExists(atPath: lockFile.path))
    }

    @Test func aLockLeftByADeadProcessIsTakenOver() throws {
        let work = try TestPaths.makeTemporaryDirectory("lock-stale")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try writeCases(1, prefix: "S", into: input)
        // A process that has exited: its pid is in the lock file, but it holds no lock.
        let dead = Process()
        dead.executableURL = URL(fileURLWithPath: "/bin/true")
        try dead.run()
        dead.waitUntilExit()
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("\(dead.processIdentifier)\n".utf8).write(to: output.appendingPathComponent(Self.lockName))

        let run = try HardenedRun.yorisoi(["batch", input.path, "--kind", "support-plan", "-o", output.path, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("S-0.pdf").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(Self.lockName).path))
    }

    @Test func aLockHeldByAnotherLiveProcessIsRespected() throws {
        let work = try TestPaths.makeTemporaryDirectory("lock-live")
        let input = work.appendingPathComponent("in"), output = work.appendingPathComponent("out")
        try writeCases(1, prefix: "H", into: input)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // This test process holds the lock, as a batch would.
        let path = output.appendingPathComponent(Self.lockName).path
        let descriptor = open(path, O_RDWR | O_CREAT, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let pid = Array("\(getpid())\n".utf8)
        #expect(write(descriptor, pid, pid.count) == pid.count)

        let run = try HardenedRun.yorisoi(["batch", input.path, "--kind", "support-plan", "-o", output.path, "--quiet"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("pid \(getpid())"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("manifest.json").path))
        #expect(FileManager.default.fileExists(atPath: path), "the holder's lock file must stay")
    }
}
