import Foundation

/// The lock a batch holds on its OUTDIR for the whole run, so that two batches never write into
/// one folder at once (their PDFs and manifests would mix: a manifest hash naming the other
/// batch's PDF).
///
/// The lock is `flock(2)` on `OUTDIR/.yorisoi-batch.lock`, which holds the holder's pid for the
/// message a second batch prints. The kernel drops a flock when its process dies, however it
/// dies (`kill -9` included), so a lock file left by a dead process is simply locked again and
/// taken over: no pid is guessed alive or dead, and a reused pid cannot keep a folder locked.
public final class OutputFolderLock: Sendable {
    public static let fileName = ".yorisoi-batch.lock"

    private let descriptor: Int32
    private let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Takes the lock or throws a configuration error (exit 2) naming the pid that holds it.
    public static func acquire(_ folder: URL) throws -> OutputFolderLock {
        let path = folder.appendingPathComponent(fileName).path
        // A few rounds at most: a round is lost only when the holder removed the file between
        // our open and our flock, and then the next round opens the new file.
        for _ in 0..<8 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else {
                throw OutputFailure.error(errno, path: path, doing: "ロックファイルを作れません", "cannot create the lock file")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let failure = errno
                let holder = readHolder(descriptor)
                close(descriptor)
                guard failure == EWOULDBLOCK else {
                    throw OutputFailure.error(failure, path: path, doing: "ロックできません", "cannot lock")
                }
                let who = holder.map { "pid \($0)" } ?? "pid ?"
                throw PipelineError.configuration("\(folder.path): 別のバッチ（\(who)）がこの出力フォルダに書き込み中です。終わるのを待つか、別の出力フォルダを指定してください (another batch, \(who), is writing into this OUTDIR; wait for it or choose another folder)")
            }
            // The holder before us may have removed the file after we opened it: then we hold
            // a lock on a file nobody else will open, and must try the one now at the path.
            guard isStillAtPath(descriptor, path) else {
                close(descriptor)
                continue
            }
            let pid = Array("\(ProcessInfo.processInfo.processIdentifier)\n".utf8)
            guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, pid, pid.count, 0) == pid.count else {
                let failure = errno
                close(descriptor)
                throw OutputFailure.error(failure, path: path, doing: "ロックファイルに書き込めません", "cannot write the lock file")
            }
            return OutputFolderLock(descriptor: descriptor, path: path)
        }
        throw PipelineError.configuration("\(folder.path): 出力フォルダをロックできません (cannot lock OUTDIR: its lock file keeps changing)")
    }

    /// Removes the lock file while still holding the lock, then lets go: a batch waiting to open
    /// the old file finds it gone from the path and opens a new one.
    public func release() {
        unlink(path)
        close(descriptor)
    }

    private static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 24)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func isStillAtPath(_ descriptor: Int32, _ path: String) -> Bool {
        var open = stat(), named = stat()
        guard fstat(descriptor, &open) == 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }
}
