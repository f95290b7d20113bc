import Foundation
import Testing
import TestSupport

/// `yorisoi serve|accounts|audit` are handed over to the sibling executable `yorisoi-server`
/// (issue #24, criterion 5): the document executable links no server code, and without the
/// sibling it says how to build it instead of failing obscurely.
@Suite struct ServerHandoverTests {
    @Test func theServerCommandsRunThroughTheDocumentExecutable() throws {
        // The server's own check of its arguments answers, through yorisoi.
        let run = try HardenedRun.yorisoi(["serve", "--port", "99999", "--data", "/nonexistent-yorisoi-data"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(!run.stderr.contains("yorisoi-server"), "\(run.stderr)")
        let help = try HardenedRun.yorisoi(["accounts", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("disable"), "\(help.stdout)")
    }

    @Test func withoutTheServerExecutableItSaysHowToBuildIt() throws {
        let folder = try TestPaths.makeTemporaryDirectory("handover-alone")
        let alone = folder.appendingPathComponent("yorisoi")
        do { try FileManager.default.linkItem(at: TestPaths.yorisoiExecutable, to: alone) } catch {
            try FileManager.default.copyItem(at: TestPaths.yorisoiExecutable, to: alone)
        }
        let process = Process()
        process.executableURL = alone
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = TestPaths.repositoryRoot
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(message)")
        #expect(message.contains("swift build --product yorisoi-server"), "\(message)")
        // The document commands still work alone.
        let version = Process()
        version.executableURL = alone
        version.arguments = ["templates"]
        version.currentDirectoryURL = TestPaths.repositoryRoot
        version.standardOutput = FileHandle.nullDevice
        version.standardError = FileHandle.nullDevice
        try version.run()
        version.waitUntilExit()
        #expect(version.terminationStatus == 0)
    }
}
