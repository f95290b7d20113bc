import Foundation
import Testing
import TestSupport

/// No command writes onto a file it reads (issue #24, criterion 3): the output is refused with
/// exit 2, naming the option, before any work, and the input keeps its bytes.
@Suite struct InputOverwriteTests {
    static let samples = HardenedRun.samples

    /// A meeting in `work` listing one case by `file:` and a folder of cases by `folder:`.
    func meeting(in work: URL) throws -> (meeting: URL, listed: URL, inFolder: URL) {
        let listed = work.appendingPathComponent("a.yaml")
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("mihon-national-support-plan.yaml"), to: listed)
        let folder = work.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let inFolder = folder.appendingPathComponent("b.yaml")
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("rare-names.yaml"), to: inFolder)
        let meeting = work.appendingPathComponent("meeting.yaml")
        try """
            version: 1
            municipality: "990019"
            meeting: {kind: 進行管理会議, title: 見本の会議, date: 2025-02-14}
            documents: [support-plan]
            cases:
              - {file: a.yaml, agenda: 協議}
              - {folder: more, agenda: 情報共有}
            """.write(to: meeting, atomically: true, encoding: .utf8)
        return (meeting, listed, inFolder)
    }

    @Test func packetRefusesToWriteOntoACaseFileTheMeetingLists() throws {
        let work = try TestPaths.makeTemporaryDirectory("overwrite-packet-file")
        let files = try meeting(in: work)
        let before = try Data(contentsOf: files.listed)
        // Another spelling of the same path.
        let run = try HardenedRun.yorisoi(["packet", files.meeting.path, "-o", work.path + "/./a.yaml"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("-o/--output") && run.stderr.contains("入力ファイル"), "\(run.stderr)")
        // Refused before the packet was built: no summary line.
        #expect(!run.stderr.contains(" cases, "), "\(run.stderr)")
        #expect(try Data(contentsOf: files.listed) == before)
    }

    @Test func packetRefusesToWriteOntoACaseInAListedFolder() throws {
        let work = try TestPaths.makeTemporaryDirectory("overwrite-packet-folder")
        let files = try meeting(in: work)
        let before = try Data(contentsOf: files.inFolder)
        let run = try HardenedRun.yorisoi(["packet", files.meeting.path, "-o", files.inFolder.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("-o/--output"), "\(run.stderr)")
        #expect(try Data(contentsOf: files.inFolder) == before)
    }

    @Test func packetRefusesToWriteOntoItsMeetingFileThroughALink() throws {
        let work = try TestPaths.makeTemporaryDirectory("overwrite-packet-meeting")
        let files = try meeting(in: work)
        let before = try Data(contentsOf: files.meeting)
        let link = work.appendingPathComponent("link.pdf")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: files.meeting)
        let run = try HardenedRun.yorisoi(["packet", files.meeting.path, "-o", link.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(try Data(contentsOf: files.meeting) == before)
    }

    @Test func packetToANewFileStillWorks() throws {
        let work = try TestPaths.makeTemporaryDirectory("overwrite-packet-ok")
        let files = try meeting(in: work)
        let output = work.appendingPathComponent("packet.pdf")
        let run = try HardenedRun.yorisoi(["packet", files.meeting.path, "-o", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: output).starts(with: Data("%PDF-".utf8)))
    }

    @Test func batchRefusesAMappingFileItWouldReplaceAsItsManifest() throws {
        let work = try TestPaths.makeTemporaryDirectory("overwrite-batch-mapping")
        let output = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let csv = work.appendingPathComponent("cases.csv")
        try "id,child.name\nC-1,見本 花子\n".write(to: csv, atomically: true, encoding: .utf8)
        let mapping = output.appendingPathComponent("manifest.json")
        try "{}\n".write(to: mapping, atomically: true, encoding: .utf8)
        let run = try HardenedRun.yorisoi(["batch", csv.path, "--kind", "support-plan", "-o", output.path,
                                           "--mapping", mapping.path, "--quiet"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("-o/--output"), "\(run.stderr)")
        #expect(try String(contentsOf: mapping, encoding: .utf8) == "{}\n")
    }

    @Test func batchRefusesATemplateFileThatIsAPDFInItsOutdir() throws {
        let work = try TestPaths.makeTemporaryDirectory("overwrite-batch-template")
        let output = work.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let input = work.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try HardenedRun.writeCase("T-1", to: input.appendingPathComponent("a.yaml"))
        // A hard link: the same file under a name the batch would write or remove.
        let template = work.appendingPathComponent("plan.xml")
        try "<template/>\n".write(to: template, atomically: true, encoding: .utf8)
        try FileManager.default.linkItem(at: template, to: output.appendingPathComponent("T-1.pdf"))
        let run = try HardenedRun.yorisoi(["batch", input.path, "--kind", "support-plan", "-o", output.path,
                                           "--template", template.path, "--quiet"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(try String(contentsOf: template, encoding: .utf8) == "<template/>\n")
    }

    @Test func auditExportRefusesToReplaceTheDatabase() throws {
        let data = try TestPaths.makeTemporaryDirectory("overwrite-audit")
        let database = data.appendingPathComponent("yorisoi.sqlite")
        try Data("not opened".utf8).write(to: database)
        let run = try HardenedRun.yorisoi(["audit", "export", "--from", "2026-01-01", "--to", "2026-01-02",
                                           "--data", data.path, "-o", database.path])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("-o/--output"), "\(run.stderr)")
        #expect(try Data(contentsOf: database) == Data("not opened".utf8))
    }
}
