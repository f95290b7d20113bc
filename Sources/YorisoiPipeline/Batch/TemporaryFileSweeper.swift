import Foundation

/// Removes the temporary files `AtomicFile` leaves when a process dies between writing and
/// renaming (`kill -9`, power loss): `.<name>.<pid>.<random>.part`. Only files whose writer is
/// gone are removed, so two batches writing into one folder do not break each other.
public enum TemporaryFileSweeper {
    /// Returns how many files were removed.
    @discardableResult
    public static func sweep(_ folder: URL, includingOwnProcess: Bool = false) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        let own = ProcessInfo.processInfo.processIdentifier
        var removed = 0
        for name in names where name.hasPrefix(".") && name.hasSuffix(".part") {
            let parts = name.dropLast(".part".count).split(separator: ".")
            guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), UInt64(parts[parts.count - 1]) != nil else { continue }
            let writerAlive = pid == own ? !includingOwnProcess : (kill(pid, 0) == 0 || errno == EPERM)
            if writerAlive { continue }
            if (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }
}
