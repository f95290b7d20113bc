import Foundation

/// Writes a file so that readers see either nothing or the whole file: the bytes go to a
/// temporary name in the same folder and are renamed into place. rename(2) is atomic, so a
/// process killed at any point leaves no partial file under the final name. There is no fsync:
/// it would cost ~3 ms per document and only matters for a power loss, not a crash.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to destination: URL) throws {
        let folder = destination.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A dot-name so a crash never leaves something that looks like a finished PDF.
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).part")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw PipelineError.configuration("\(folder.path): 書き込めません (cannot write here)")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: bytes)
            try handle.close()
            if rename(temporary.path, destination.path) != 0 {
                throw PipelineError.configuration("\(destination.path): 書き込めません (cannot rename into place)")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Writes to standard output when `destination` is "-".
    public static func writeOrStream(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } else {
            try write(bytes, to: URL(fileURLWithPath: path))
        }
    }
}
