import Foundation

/// Reads a file line by line in 64 KiB chunks, keeping at most `maxLineBytes` of any one line:
/// a longer line is scanned to its end and reported by its length only, so a 1 GB line costs a
/// buffer, not a gigabyte. A reference type because the batch's cursor, a value, is copied as
/// it advances while the file position must move on once.
final class BoundedLineReader: @unchecked Sendable {
    /// One line: its bytes (without "\n"), or only its length when it was too long to keep.
    enum Line {
        case bytes([UInt8])
        case tooLong(Int)
    }

    // Used by one thread at a time: the batch's feeder takes its lock around the cursor.
    private let descriptor: Int32
    private let maxLineBytes: Int
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init?(path: String, maxLineBytes: Int) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        self.maxLineBytes = maxLineBytes
    }

    deinit { close(descriptor) }

    func next() -> Line? {
        var line: [UInt8] = []
        var length = 0
        var sawAnything = false
        while true {
            if position == chunk.count {
                guard refill() else { break }
            }
            sawAnything = true
            let end = chunk[position...].firstIndex(of: 0x0A)
            let piece = chunk[position..<(end ?? chunk.count)]
            length += piece.count
            if length <= maxLineBytes { line += piece } else if !line.isEmpty { line = [] }
            position = end.map { $0 + 1 } ?? chunk.count
            if end != nil { break }
        }
        guard sawAnything else { return nil }
        return length > maxLineBytes ? .tooLong(length) : .bytes(line)
    }

    private func refill() -> Bool {
        guard !atEnd else { return false }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var count: Int
        repeat {
            count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        guard count > 0 else { atEnd = true; return false }
        chunk = Array(buffer[..<count])
        position = 0
        return true
    }
}
