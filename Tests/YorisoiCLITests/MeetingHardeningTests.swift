import Foundation
import Testing
import TestSupport

/// Meeting files (issue #15, finding 15): a case listed twice, `folder: .`, and a `file:` that
/// is not a case file.
@Suite struct MeetingHardeningTests {
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

    // MARK: 15 — meeting files and template kinds

    func meeting(_ cases: String, in folder: URL, name: String = "meeting.yaml") throws -> URL {
        let url = folder.appendingPathComponent(name)
        try """
            version: 1
            municipality: "122297"
            meeting: {kind: 実務者会議, title: テスト用の会議, date: 2025-02-14}
            cases:
            \(cases)
            """.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func aCaseListedTwiceWritesNoPacket() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-meeting-twice")
        try writeCase("D-1", to: work.appendingPathComponent("d.yaml"))
        let file = try meeting("  - {file: d.yaml, agenda: 協議}\n  - {file: d.yaml, agenda: 情報共有}\n", in: work)
        let output = work.appendingPathComponent("packet.pdf")
        let run = try yorisoi(["packet", file.path, "-o", output.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("E704"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func folderDotDoesNotTakeMeetingFilesAsCases() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-meeting-dot")
        try writeCase("D-1", to: work.appendingPathComponent("d.yaml"))
        let file = try meeting("  - {folder: ., agenda: 協議}\n", in: work)
        _ = try meeting("  - {folder: ., agenda: 協議}\n", in: work, name: "another-meeting.yaml")
        let output = work.appendingPathComponent("packet.pdf")
        let run = try yorisoi(["packet", file.path, "-o", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("1 cases"), "\(run.stderr)")
    }

    @Test func aFileThatIsNotACaseFileIsRefusedUnread() throws {
        let work = try TestPaths.makeTemporaryDirectory("harden-meeting-shadow")
        let file = try meeting("  - {file: /etc/passwd, agenda: 協議}\n", in: work)
        let output = work.appendingPathComponent("packet.pdf")
        let run = try yorisoi(["packet", file.path, "-o", output.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("E706"), "\(run.stderr)")
        #expect(!run.stderr.contains("同意") && !run.stderr.contains("consent"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }
}
