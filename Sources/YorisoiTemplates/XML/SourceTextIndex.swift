/// Maps between byte offsets in the source and line/column, and finds where start tags and
/// attributes begin. libxml2 2.9 records only a line per node, so columns are recovered here by
/// walking the source in document order (see docs/template-language.md, "Positions").
struct SourceTextIndex {
    let bytes: [UInt8]
    /// Byte offset of the first byte of each line (index 0 = line 1).
    private let lineStarts: [Int]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    func lineStart(_ line: Int) -> Int? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        return lineStarts[line - 1]
    }

    /// 1-based line and column (in Unicode scalars) of a byte offset.
    func lineColumn(of offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = lineStarts[lo]
        while i < offset && i < bytes.count {
            // Count only lead bytes so a kanji is one column, not three.
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (lo + 1, column)
    }

    /// The offset of `<name` followed by a delimiter, searching forward from `from`, but not
    /// past the end of `line` (the line libxml2 reports for the element). Nil when not found,
    /// e.g. when the name was produced by a namespace prefix we do not mirror.
    func findStartTag(_ name: String, from: Int, onOrBeforeLine line: Int) -> Int? {
        let needle = Array(("<" + name).utf8)
        let limit = lineStart(line + 1) ?? bytes.count
        var i = max(from, 0)
        while i + needle.count <= limit {
            if bytes[i] == needle[0], matches(needle, at: i) {
                let after = i + needle.count
                if after >= bytes.count || isTagDelimiter(bytes[after]) { return i }
            }
            i += 1
        }
        return nil
    }

    /// Offsets of an attribute's name and of its value's first character, inside the start tag
    /// that begins at `tagStart`.
    func findAttribute(_ name: String, inTagAt tagStart: Int) -> (name: Int, value: Int)? {
        let needle = Array(name.utf8)
        var i = tagStart + 1
        var quote: UInt8? = nil
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
                i += 1
                continue
            }
            if b == UInt8(ascii: ">") { return nil }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { quote = b; i += 1; continue }
            if isSpace(bytes[i - 1]), matches(needle, at: i) {
                var j = i + needle.count
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                    return (i, min(j + 1, bytes.count))
                }
            }
            i += 1
        }
        return nil
    }

    /// The end of the start tag beginning at `tagStart` (offset just after `>`).
    func endOfStartTag(at tagStart: Int) -> Int {
        var i = tagStart + 1
        var quote: UInt8? = nil
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote { if b == q { quote = nil } }
            else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") { quote = b }
            else if b == UInt8(ascii: ">") { return i + 1 }
            i += 1
        }
        return bytes.count
    }

    /// The first offset at or after `from` holding a non-blank byte that is not markup.
    func firstTextByte(from: Int) -> Int {
        var i = from
        while i < bytes.count, isSpace(bytes[i]) { i += 1 }
        return i
    }

    private func matches(_ needle: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return true
    }

    private func isTagDelimiter(_ b: UInt8) -> Bool {
        isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/")
    }

    private func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
    }
}
