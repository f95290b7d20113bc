import Foundation

/// The bytes a `CSVRecordReader` walks: a whole array (a request body, a test) or a file read
/// 64 KiB at a time, so a batch over a CSV file never holds more of it than the row being read
/// (and no more than the row limit of that). A reference type because the batch's cursor, a
/// value, is copied as it advances while the file position must move on once.
final class CSVByteSource: @unchecked Sendable {
    // Used by one thread at a time: the batch's feeder takes its lock around the cursor. Exempt
    // from Swift's run-time exclusivity checks, which cost more than the byte they guard: a 512 MB
    // row took a minute to skip with them.
    @exclusivity(unchecked) private var buffer: [UInt8]
    @exclusivity(unchecked) private var position: Int
    private let descriptor: Int32?
    @exclusivity(unchecked) private var atEnd: Bool

    init(bytes: [UInt8], skipping: Int = 0) {
        buffer = bytes
        position = min(skipping, bytes.count)
        descriptor = nil
        atEnd = true
    }

    /// nil when the file cannot be opened.
    init?(path: String, skipping: Int = 0) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        buffer = []
        position = 0
        atEnd = false
        var skipped = 0
        while skipped < skipping, peek() != nil {
            advance()
            skipped += 1
        }
    }

    deinit { if let descriptor { close(descriptor) } }

    /// The byte `ahead` (0 or 1) past the current one's position, nil past the end.
    @inline(__always)
    func peek(_ ahead: Int = 0) -> UInt8? {
        if position + ahead < buffer.count { return buffer[position + ahead] }
        while position + ahead >= buffer.count {
            guard refill() else { return nil }
        }
        return buffer[position + ahead]
    }

    @inline(__always)
    func advance(_ count: Int = 1) { position += count }

    private func refill() -> Bool {
        guard let descriptor, !atEnd else { return false }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        var count: Int
        repeat {
            count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        guard count > 0 else { atEnd = true; return false }
        // Unread bytes (at most the one byte of look-ahead) move to the front of the new buffer.
        buffer = Array(buffer[min(position, buffer.count)...]) + chunk[..<count]
        position = 0
        return true
    }
}

/// Which encoding a CSV file is in, found by reading it once in chunks (never whole): the rules of
/// `CSVTextDecoder` — a BOM means UTF-8, bytes that are valid UTF-8 are UTF-8, bytes shaped like
/// Shift_JIS (CP932) are CP932, anything else is neither.
enum CSVEncodingScan {
    /// The encoding and how many bytes of BOM to skip; nil when the file is neither or unreadable.
    static func scan(path: String) -> (encoding: CSVTextDecoder.Encoding, skip: Int)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var utf8 = UTF8Check(), cp932 = CP932Check()
        var first = true, bom = false
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            var count: Int
            repeat {
                count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            } while count < 0 && errno == EINTR
            guard count >= 0 else { return nil }
            if count == 0 { break }
            var bytes = chunk[..<count]
            if first {
                first = false
                // A BOM split over two reads would need a file of under three bytes per read: not from disk.
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bom = true; bytes = bytes.dropFirst(3) }
            }
            utf8.feed(bytes)
            if !bom { cp932.feed(bytes) }
            if bom && !utf8.valid { return nil }
        }
        if utf8.finish() { return (bom ? .utf8BOM : .utf8, bom ? 3 : 0) }
        if !bom && cp932.finish() { return (.cp932, 0) }
        return nil
    }

    /// UTF-8 validity over chunks: each chunk is checked up to its last sequence start, which is
    /// carried over to the next.
    struct UTF8Check {
        private(set) var valid = true
        private var carry: [UInt8] = []

        mutating func feed(_ chunk: ArraySlice<UInt8>) {
            guard valid else { return }
            let bytes = carry + chunk
            // The last byte that starts a sequence (not 10xxxxxx), at most four from the end.
            var cut = bytes.count
            var back = 0
            while cut > 0, back < 4, bytes[cut - 1] & 0xC0 == 0x80 { cut -= 1; back += 1 }
            if cut > 0, back < 4 { cut -= 1 }
            if bytes[..<cut].contains(where: { $0 >= 0x80 }) {
                valid = String(validating: bytes[..<cut], as: UTF8.self) != nil
            }
            carry = Array(bytes[cut...])
            if carry.count > 4 { valid = false }
        }

        mutating func finish() -> Bool {
            if valid, !carry.isEmpty { valid = String(validating: carry, as: UTF8.self) != nil }
            return valid
        }
    }

    /// Shift_JIS shape: single bytes 00–7F and A1–DF; lead bytes 81–9F and E0–FC, each followed
    /// by a trail byte 40–7E or 80–FC. (A well-shaped pair with no character is refused at its row.)
    struct CP932Check {
        private(set) var valid = true
        private var expectingTrail = false

        mutating func feed(_ chunk: ArraySlice<UInt8>) {
            guard valid else { return }
            for byte in chunk {
                if expectingTrail {
                    guard (0x40...0x7E).contains(byte) || (0x80...0xFC).contains(byte) else { valid = false; return }
                    expectingTrail = false
                } else if byte < 0x80 || (0xA1...0xDF).contains(byte) {
                    continue
                } else if (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte) {
                    expectingTrail = true
                } else {
                    valid = false
                    return
                }
            }
        }

        mutating func finish() -> Bool { valid && !expectingTrail }
    }
}
