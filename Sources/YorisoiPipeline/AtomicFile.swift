import Foundation

/// Writes a file so that readers see either nothing or the whole file: the bytes go to a
/// temporary name in the same folder and are renamed into place. rename(2) is atomic, so a
/// process killed at any point leaves no partial file under the final name. There is no fsync:
/// it would cost ~3 ms per document and only matters for a power loss, not a crash.
///
/// A destination that exists and is not a regular file is never replaced: a FIFO or a character
/// device (`/dev/null`, a pipe from `>(…)`) is written through, anything else (a folder, a
/// socket, a block device) is refused. Renaming over a device node would replace it with a
/// regular file — as root, for the whole machine.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to destination: URL) throws {
        try write(to: destination, through: { descriptor in
            try writeAll(bytes, to: descriptor, path: destination.path)
        })
    }

    /// The same, for output made in pieces (the batch manifest): `body` writes to the open
    /// descriptor, of the temporary file or of the FIFO/device written through.
    static func write(to destination: URL, through body: (Int32) throws -> Void) throws {
        switch try OutputTarget.kind(of: destination.path) {
        case .writeThrough:
            let descriptor = open(destination.path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw OutputFailure.error(errno, path: destination.path, doing: "書き込めません", "cannot write")
            }
            defer { _ = close(descriptor) }
            try body(descriptor)
            return
        case .refused(let what):
            throw PipelineError.configuration("\(destination.path): \(what)には書き込みません (refusing to write onto a \(what))")
        case .missing, .regularFile:
            break
        }
        let folder = destination.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw PipelineError.configuration("\(folder.path): フォルダを作れません (cannot create the folder)")
        }
        // A dot-name so a crash never leaves something that looks like a finished PDF.
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).part",
                                                     isDirectory: false)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFailure.error(errno, path: folder.path, doing: "書き込めません", "cannot write here")
        }
        do {
            try body(descriptor)
            let closed = close(descriptor)
            if closed != 0 { throw OutputFailure.error(errno, path: destination.path, doing: "書き込めません", "cannot write") }
            if rename(temporary.path, destination.path) != 0 {
                throw OutputFailure.error(errno, path: destination.path, doing: "書き込めません", "cannot rename into place")
            }
        } catch {
            _ = close(descriptor)
            unlink(temporary.path)
            throw error
        }
    }

    /// Writes to standard output when `destination` is "-". `inputs` are the files the output
    /// was made from: writing onto one of them (`render c.yaml -o c.yaml`) is refused.
    public static func writeOrStream(_ bytes: [UInt8], to path: String, inputs: [String] = []) throws {
        if path == "-" {
            try writeAll(bytes, to: STDOUT_FILENO, path: "standard output")
        } else {
            try InputOverwriteGuard.refuse(output: path, inputs: inputs, option: "-o/--output")
            try write(bytes, to: URL(fileURLWithPath: path))
        }
    }

    /// Opens an existing FIFO or character device for writing (no create, no truncate) and
    /// writes the bytes to it.
    static func writeThrough(_ bytes: [UInt8], to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputFailure.error(errno, path: path, doing: "書き込めません", "cannot write") }
        defer { _ = close(descriptor) }
        try writeAll(bytes, to: descriptor, path: path)
    }

    /// write(2) until every byte is out; a short write is continued, EINTR retried, and any
    /// other failure (ENOSPC on a full disk or /dev/full, EPIPE) thrown as an environment error.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFailure.error(errno, path: path, doing: "書き込めません", "cannot write")
            }
            offset += written
        }
    }
}

/// What is at an output path before anything is written there.
enum OutputTarget {
    case missing, regularFile, writeThrough
    case refused(String)

    static func kind(of path: String) throws -> OutputTarget {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile
        case S_IFIFO, S_IFCHR: return .writeThrough
        case S_IFDIR: return .refused("フォルダ (folder)")
        case S_IFBLK: return .refused("ブロックデバイス (block device)")
        case S_IFSOCK: return .refused("ソケット (socket)")
        default: return .refused("特殊ファイル (special file)")
        }
    }
}

/// System errors of writing output, in Japanese and English, as configuration/environment
/// problems (exit 2) rather than internal failures: a full disk is not a bug.
enum OutputFailure {
    static func error(_ code: Int32, path: String, doing japanese: String, _ english: String) -> PipelineError {
        let reason: (String, String)
        switch code {
        case ENOSPC: reason = ("ディスクの空き容量がありません", "no space left on device")
        case EDQUOT: reason = ("ディスクの使用量の上限に達しました", "disk quota exceeded")
        case EACCES, EPERM: reason = ("書き込み権限がありません", "permission denied")
        case EROFS: reason = ("読み取り専用のファイルシステムです", "read-only file system")
        case EPIPE: reason = ("出力先が閉じられました", "the reader closed the pipe")
        case ENOENT, ENOTDIR: reason = ("フォルダがありません", "no such folder")
        default: reason = ("入出力エラー", String(cString: strerror(code)))
        }
        return .configuration("\(path): \(japanese)（\(reason.0)） (\(english): \(reason.1))")
    }
}
