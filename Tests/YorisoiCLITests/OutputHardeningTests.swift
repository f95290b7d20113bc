import Foundation
import Testing
import TestSupport

/// Where output goes (issue #15, findings 1, 2, 11, 12): devices and FIFOs are written through,
/// never replaced; a full device is an environment error; inputs are never overwritten; `bench`
/// touches only its own files.
@Suite struct OutputHardeningTests {
    typealias Run = HardenedRun.Run
    static let samples = HardenedRun.samples
    static let sodegaura = HardenedRun.sodegaura

    func yorisoi(_ arguments: [String], stdout: FileHandle? = nil) throws -> Run {
        try HardenedRun.yorisoi(arguments, stdout: stdout)
    }

    func fileType(_ path: String) -> mode_t { HardenedRun.fileType(path) }

    func render(_ caseFile: URL, _ output: String, kind: String = "support-plan", extra: [String] = []) throws -> Run {
        try yorisoi(["render", caseFile.path, "--kind", kind, "-o", output] + extra)
    }

    // MARK: 1, 11, 12 — where output goes

    @Test func renderOntoAFIFOWritesThroughAndKeepsTheFIFO() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-fifo")
        let fifo = work.appendingPathComponent("out.pdf").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Our own reader, plus a writer of our own so the reader sees end-of-file only when we
        // close it, after yorisoi has exited (whether or not it wrote anything).
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        let keeper = open(fifo, O_WRONLY | O_NONBLOCK)
        #expect(reader >= 0 && keeper >= 0)
        _ = fcntl(reader, F_SETFL, fcntl(reader, F_GETFL) & ~O_NONBLOCK)
        let received = WatchdogData()
        let drain = Thread {
            var all = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(reader, &buffer, buffer.count)
                if count <= 0 { break }
                all.append(contentsOf: buffer[0..<count])
            }
            received.set(all)
        }
        drain.start()
        let run = try render(Self.sodegaura, fifo)
        close(keeper)
        while !received.isSet { usleep(1000) }
        close(reader)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(fileType(fifo) == S_IFIFO, "the FIFO was replaced")
        let copy = work.appendingPathComponent("copy.pdf")
        try received.get().write(to: copy)
        #expect(received.get().starts(with: Array("%PDF-".utf8)))
        #expect(try ExternalTool.qpdfCheck(copy).status == 0)
    }

    /// A device node made in a temporary folder (needs root; skipped otherwise): `-o` onto a
    /// null device writes through and leaves the node a device; onto a full device it is an
    /// environment error (exit 2) in both languages, and the node stays.
    @Test func renderOntoDeviceNodesWritesThroughAndReportsAFullDevice() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-dev")
        let null = work.appendingPathComponent("null").path, full = work.appendingPathComponent("full").path
        // Character devices 1:3 (null) and 1:7 (full), in the old dev_t encoding (major << 8 | minor).
        guard mknod(null, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0, mknod(full, S_IFCHR | 0o666, dev_t(1 << 8 | 7)) == 0 else { return }
        let toNull = try render(Self.sodegaura, null)
        #expect(toNull.status == 0, "\(toNull.stderr)")
        #expect(fileType(null) == S_IFCHR)
        let toFull = try render(Self.sodegaura, full)
        #expect(toFull.status == 2, "\(toFull.stderr)")
        #expect(toFull.stderr.contains("空き容量") && toFull.stderr.contains("no space left on device"), "\(toFull.stderr)")
        #expect(fileType(full) == S_IFCHR)
    }

    /// `-o -` with standard output on /dev/full (only written to, which fails with ENOSPC).
    @Test func standardOutputOnAFullDeviceIsAnEnvironmentError() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let run = try yorisoi(["render", Self.sodegaura.path, "--kind", "support-plan", "-o", "-"], stdout: full)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("空き容量") && run.stderr.contains("no space left on device"), "\(run.stderr)")
    }

    @Test func renderRefusesToWriteOverItsOwnCaseFile() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-self")
        let caseFile = work.appendingPathComponent("c.yaml")
        try FileManager.default.copyItem(at: Self.sodegaura, to: caseFile)
        let before = try Data(contentsOf: caseFile)
        // The same file under another spelling of its path.
        let run = try render(caseFile, work.path + "/./c.yaml")
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("入力ファイル"), "\(run.stderr)")
        #expect(try Data(contentsOf: caseFile) == before)
    }

    // MARK: 2 — bench touches only its own files

    @Test func benchLeavesOtherFilesInItsFolder() throws {
        let folder = try TestPaths.makeTemporaryDirectory("harden-bench")
        try Data("keep".utf8).write(to: folder.appendingPathComponent("keep.txt"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("sub/also.txt"))
        let run = try yorisoi(["bench", "--count", "1", "-o", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("keep.txt").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("sub/also.txt").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("specimen-0.pdf").path))
    }
}
