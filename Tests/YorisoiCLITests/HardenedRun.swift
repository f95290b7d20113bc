import Foundation
import Testing
import TestSupport

/// Running the real executable for the hardening tests (issue #15): a command that would hang on
/// a regression (a FIFO, a huge thread count, an exponential template) runs under a watchdog
/// that kills it after five minutes, so a regression fails its test instead of stalling the suite.
struct HardenedRun {
    static let samples = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")
    static let sodegaura = samples.appendingPathComponent("sodegaura-support-plan.yaml")

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var killedByWatchdog: Bool
    }

    /// Runs yorisoi with `arguments`; stdout goes to `stdout` when given (a device), else a pipe.
    static func yorisoi(_ arguments: [String], stdout: FileHandle? = nil, watchdog seconds: Double = 300) throws -> Run {
        let process = Process()
        process.executableURL = TestPaths.yorisoiExecutable
        process.arguments = arguments
        process.currentDirectoryURL = TestPaths.repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = stdout ?? out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let fired = WatchdogFlag()
        let watchdog = Thread {
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning {
                if Date() > deadline { fired.set(); kill(process.processIdentifier, SIGKILL); return }
                usleep(50_000)
            }
        }
        watchdog.start()
        let errData = WatchdogData()
        let errReader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        errReader.start()
        let outData = stdout == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        while !errData.isSet { usleep(1000) }
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData.get(), as: UTF8.self), killedByWatchdog: fired.isSet)
    }

    static func fileType(_ path: String) -> mode_t {
        var info = stat()
        guard lstat(path, &info) == 0 else { return 0 }
        return info.st_mode & S_IFMT
    }

    static func writeCase(_ id: String, to url: URL, replacing: [(String, String)] = []) throws {
        var text = try String(contentsOf: sodegaura, encoding: .utf8)
            .replacingOccurrences(of: "id: \"R6-0042\"", with: "id: \"\(id)\"")
        for (old, new) in replacing { text = text.replacingOccurrences(of: old, with: new) }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func manifest(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

/// A flag and a buffer shared with helper threads.
final class WatchdogFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

final class WatchdogData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ new: Data) { lock.withLock { data = new } }
    var isSet: Bool { lock.withLock { data != nil } }
    func get() -> Data { lock.withLock { data ?? Data() } }
}
