/// A strict RFC 8259 JSON parser that keeps the line and column of every value and key
/// (Foundation's JSONSerialization throws positions away). Columns count Unicode scalars, as
/// libyaml does for YAML, so both formats report the same columns for the same text.
///
/// Duplicate keys do not stop parsing: the first value wins and every later one is reported.
struct JSONCaseReader {
    let limits: LoadLimits
    /// Added to every line (JSON Lines: the line the document sits on).
    var firstLine = 1

    private(set) var duplicateKeys: [Diagnostic] = []

    init(limits: LoadLimits, firstLine: Int = 1) {
        self.limits = limits
        self.firstLine = firstLine
    }

    mutating func read(_ bytes: [UInt8]) throws(ReadFailure) -> CaseNode {
        var cursor = Cursor(bytes: bytes, line: firstLine)
        var values = 0
        var duplicates: [Diagnostic] = []
        cursor.skipWhitespace()
        let root = try parseValue(&cursor, depth: 0, pointer: "", values: &values, duplicates: &duplicates)
        cursor.skipWhitespace()
        if !cursor.atEnd {
            throw cursor.syntaxError("値のあとに余分な文字があります", "unexpected characters after the value")
        }
        duplicateKeys = duplicates
        return root
    }

    // MARK: - Grammar

    private func parseValue(_ c: inout Cursor, depth: Int, pointer: String, values: inout Int,
                            duplicates: inout [Diagnostic]) throws(ReadFailure) -> CaseNode {
        values += 1
        let position = c.position
        if values > limits.maxValues { throw .tooManyValues(limits.maxValues, at: position) }
        guard let byte = c.peek else {
            throw c.syntaxError("値がありません（ファイルが途中で終わっています）", "unexpected end of input")
        }
        switch byte {
        case UInt8(ascii: "{"):
            if depth >= limits.maxDepth { throw .tooDeep(limits.maxDepth, at: position) }
            return try parseObject(&c, depth: depth + 1, pointer: pointer, values: &values, duplicates: &duplicates)
        case UInt8(ascii: "["):
            if depth >= limits.maxDepth { throw .tooDeep(limits.maxDepth, at: position) }
            return try parseArray(&c, depth: depth + 1, pointer: pointer, values: &values, duplicates: &duplicates)
        case UInt8(ascii: "\""):
            return CaseNode(.string(try parseString(&c)), at: position)
        case UInt8(ascii: "t"):
            try c.expectWord("true")
            return CaseNode(.bool(true), at: position)
        case UInt8(ascii: "f"):
            try c.expectWord("false")
            return CaseNode(.bool(false), at: position)
        case UInt8(ascii: "n"):
            try c.expectWord("null")
            return CaseNode(.null, at: position)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return CaseNode(try parseNumber(&c), at: position)
        default:
            throw c.syntaxError("ここに値を書くことはできません", "unexpected character where a value was expected")
        }
    }

    private func parseObject(_ c: inout Cursor, depth: Int, pointer: String, values: inout Int,
                             duplicates: inout [Diagnostic]) throws(ReadFailure) -> CaseNode {
        let position = c.position
        c.advance()  // {
        var members: [CaseMember] = []
        var seen: [String: Int] = [:]
        c.skipWhitespace()
        if c.peek == UInt8(ascii: "}") {
            c.advance()
            return CaseNode(.object(members), at: position)
        }
        while true {
            c.skipWhitespace()
            guard c.peek == UInt8(ascii: "\"") else {
                throw c.syntaxError("キーは \" で囲んだ文字列で書いてください", "expected a quoted key")
            }
            let keyPosition = c.position
            let key = try parseString(&c)
            c.skipWhitespace()
            guard c.peek == UInt8(ascii: ":") else {
                throw c.syntaxError("キーのあとに「:」が必要です", "expected ':' after a key")
            }
            c.advance()
            c.skipWhitespace()
            let memberPointer = pointer + "/" + key.jsonPointerEscaped
            let node = try parseValue(&c, depth: depth, pointer: memberPointer, values: &values, duplicates: &duplicates)
            if seen[key] != nil {
                duplicates.append(CaseNodeDiagnostics.duplicateKey(key, pointer: memberPointer, at: keyPosition))
            } else {
                seen[key] = members.count
                members.append(CaseMember(key: key, keyPosition: keyPosition, node: node))
            }
            c.skipWhitespace()
            switch c.peek {
            case UInt8(ascii: ","): c.advance()
            case UInt8(ascii: "}"):
                c.advance()
                return CaseNode(.object(members), at: position)
            default:
                throw c.syntaxError("「,」か「}」が必要です", "expected ',' or '}'")
            }
        }
    }

    private func parseArray(_ c: inout Cursor, depth: Int, pointer: String, values: inout Int,
                            duplicates: inout [Diagnostic]) throws(ReadFailure) -> CaseNode {
        let position = c.position
        c.advance()  // [
        var items: [CaseNode] = []
        c.skipWhitespace()
        if c.peek == UInt8(ascii: "]") {
            c.advance()
            return CaseNode(.array(items), at: position)
        }
        while true {
            c.skipWhitespace()
            items.append(try parseValue(&c, depth: depth, pointer: pointer + "/\(items.count)",
                                        values: &values, duplicates: &duplicates))
            c.skipWhitespace()
            switch c.peek {
            case UInt8(ascii: ","): c.advance()
            case UInt8(ascii: "]"):
                c.advance()
                return CaseNode(.array(items), at: position)
            default:
                throw c.syntaxError("「,」か「]」が必要です", "expected ',' or ']'")
            }
        }
    }

    private func parseString(_ c: inout Cursor) throws(ReadFailure) -> String {
        c.advance()  // opening quote
        // Most strings hold no escape: their bytes become the string as they are.
        let start = c.index
        c.skipPlainStringBytes()
        if c.peek == UInt8(ascii: "\"") {
            let text = String(decoding: c.bytes[start..<c.index], as: UTF8.self)
            c.advance()
            return text
        }
        var scalars = String.UnicodeScalarView()
        var run = Array(c.bytes[start..<c.index])  // raw UTF-8 between escapes (the input is already valid UTF-8)
        func flush() {
            if !run.isEmpty {
                scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
                run.removeAll(keepingCapacity: true)
            }
        }
        while true {
            guard let byte = c.peek else {
                throw c.syntaxError("文字列が閉じられていません", "unterminated string")
            }
            switch byte {
            case UInt8(ascii: "\""):
                c.advance()
                flush()
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush()
                c.advance()
                scalars.append(try parseEscape(&c))
            case 0..<0x20:
                throw c.syntaxError("文字列の中に制御文字があります（\\n などで書いてください）",
                                    "control character inside a string")
            default:
                run.append(byte)
                c.advance()
            }
        }
    }

    private func parseEscape(_ c: inout Cursor) throws(ReadFailure) -> Unicode.Scalar {
        guard let byte = c.peek else { throw c.syntaxError("文字列が閉じられていません", "unterminated string") }
        c.advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try c.hex4()
            if (0xD800...0xDBFF).contains(high) {
                guard c.peek == UInt8(ascii: "\\") else { throw c.badSurrogate() }
                c.advance()
                guard c.peek == UInt8(ascii: "u") else { throw c.badSurrogate() }
                c.advance()
                let low = try c.hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw c.badSurrogate() }
                let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                guard let scalar = Unicode.Scalar(value) else { throw c.badSurrogate() }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw c.badSurrogate() }
            return scalar
        default:
            throw c.syntaxError("使えないエスケープです", "invalid escape sequence")
        }
    }

    private func parseNumber(_ c: inout Cursor) throws(ReadFailure) -> CaseValue {
        var text = ""
        var isInteger = true
        func digits(_ c: inout Cursor) -> Int {
            var count = 0
            while let b = c.peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) {
                text.unicodeScalars.append(Unicode.Scalar(b))
                c.advance()
                count += 1
            }
            return count
        }
        if c.peek == UInt8(ascii: "-") { text += "-"; c.advance() }
        let leadingZero = c.peek == UInt8(ascii: "0")
        let intDigits = digits(&c)
        guard intDigits > 0, !(leadingZero && intDigits > 1) else {
            throw c.syntaxError("数値の書き方が正しくありません", "malformed number")
        }
        if c.peek == UInt8(ascii: ".") {
            isInteger = false
            text += "."
            c.advance()
            guard digits(&c) > 0 else { throw c.syntaxError("数値の書き方が正しくありません", "malformed number") }
        }
        if c.peek == UInt8(ascii: "e") || c.peek == UInt8(ascii: "E") {
            isInteger = false
            text += "e"
            c.advance()
            if c.peek == UInt8(ascii: "+") || c.peek == UInt8(ascii: "-") {
                text.unicodeScalars.append(Unicode.Scalar(c.peek!))
                c.advance()
            }
            guard digits(&c) > 0 else { throw c.syntaxError("数値の書き方が正しくありません", "malformed number") }
        }
        if isInteger, let value = Int(text) { return .integer(value) }
        guard let value = Double(text), value.isFinite else {
            throw c.syntaxError("数値が大きすぎます", "number out of range")
        }
        return .double(value)
    }
}

/// Reading position over UTF-8 bytes, tracking line and column (in Unicode scalars).
private struct Cursor {
    let bytes: [UInt8]
    var index = 0
    var line: Int
    var column = 1

    init(bytes: [UInt8], line: Int) {
        self.bytes = bytes
        self.line = line
    }

    var atEnd: Bool { index >= bytes.count }
    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }
    var position: SourcePosition { SourcePosition(line: line, column: column) }

    /// Columns count scalars: only a byte that starts a scalar (not a continuation byte) moves on.
    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Moves over a string's bytes up to its next quote, backslash or control character, as
    /// `advance()` would one by one (no line ends before a control character, so only the
    /// column moves: by the scalars passed). One pass over the buffer: strings are most of a
    /// case's bytes, and byte-by-byte advancing checked the bounds twice for each.
    mutating func skipPlainStringBytes() {
        var position = index, columns = 0
        bytes.withUnsafeBufferPointer { buffer in
            while position < buffer.count {
                let byte = buffer[position]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                if byte & 0xC0 != 0x80 { columns += 1 }
                position += 1
            }
        }
        index = position
        column += columns
    }

    mutating func skipWhitespace() {
        while let b = peek, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
    }

    mutating func expectWord(_ word: String) throws(ReadFailure) {
        for expected in word.utf8 {
            guard peek == expected else {
                throw syntaxError("ここに値を書くことはできません", "unexpected character where a value was expected")
            }
            advance()
        }
    }

    mutating func hex4() throws(ReadFailure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = peek, let digit = Cursor.hexValue(b) else {
                throw syntaxError("\\u のあとには16進数4桁が必要です", "expected four hex digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(b - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    func syntaxError(_ message: String, _ messageEN: String) -> ReadFailure {
        ReadFailure(code: .e004, position: position,
                    message: "JSON の書き方に誤りがあります: " + message,
                    messageEN: "JSON syntax error: " + messageEN)
    }

    func badSurrogate() -> ReadFailure {
        syntaxError("サロゲートペアが正しくありません", "invalid UTF-16 surrogate escape")
    }
}
