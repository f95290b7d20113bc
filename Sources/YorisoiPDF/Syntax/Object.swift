/// An indirect object reference (`n 0 R`). Generation is always 0: we only write new files.
struct Ref: Hashable, Comparable, Sendable {
    let number: Int
    static func < (a: Ref, b: Ref) -> Bool { a.number < b.number }
}

/// Hands out object numbers in order, so the xref is dense (no free entries besides 0).
struct RefAllocator {
    private(set) var next = 1
    mutating func bump() -> Ref {
        defer { next += 1 }
        return Ref(number: next)
    }
}

/// Writes exactly one PDF value into the buffer. Every method consumes the writer's purpose:
/// call one of them once. Dictionaries and arrays take a closure and are closed when it returns.
///
/// `compact` writes dictionaries on one line (`<</S /P /K 3>>`): for the tens of thousands of
/// small objects a packet's structure tree packs into object streams, where the line breaks and
/// indentation that make the file readable by eye would only be bytes to write and deflate.
struct Obj {
    let buffer: ByteBuffer
    let indent: Int
    var compact = false

    func null() { buffer.append("null") }
    func bool(_ value: Bool) { buffer.append(value ? "true" : "false") }
    func int(_ value: Int) { buffer.appendInt(value) }
    func real(_ value: Double) { buffer.appendReal(value) }
    func ref(_ ref: Ref) { buffer.appendInt(ref.number); buffer.append(" 0 R") }

    func name(_ name: String) {
        buffer.append(UInt8(ascii: "/"))
        PDFName.append(name, to: buffer)
    }

    /// A literal string `( … )` of raw bytes, escaped where PDF's lexer would otherwise trip.
    func literalString(_ bytes: [UInt8]) {
        buffer.append(UInt8(ascii: "("))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "\\"):
                buffer.append(UInt8(ascii: "\\")); buffer.append(byte)
            case 0x0A: buffer.append("\\n")
            case 0x0D: buffer.append("\\r")
            default: buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: ")"))
    }

    /// A hex string `<…>`; always an even number of digits (a PDF/A rule).
    func hexString(_ bytes: [UInt8]) {
        buffer.append(UInt8(ascii: "<"))
        buffer.appendHex(bytes)
        buffer.append(UInt8(ascii: ">"))
    }

    /// A PDF "text string" (Info entries, outline titles, page-label prefixes, /Lang):
    /// plain ASCII stays a readable literal; anything else becomes UTF-16BE with a BOM.
    func textString(_ text: String) {
        if TextEncoding.isPlainASCII(text) {
            literalString(Array(text.utf8))
        } else {
            hexString(TextEncoding.utf16BEWithBOM(text))
        }
    }

    func array(_ body: (ArrayWriter) -> Void) {
        buffer.append(UInt8(ascii: "["))
        body(ArrayWriter(buffer: buffer, indent: indent, start: buffer.count, compact: compact))
        buffer.append(UInt8(ascii: "]"))
    }

    func dict(_ body: (DictWriter) -> Void) {
        buffer.append("<<")
        body(DictWriter(buffer: buffer, indent: indent + 1, start: buffer.count, compact: compact))
        if compact { buffer.append(">>"); return }
        buffer.append(UInt8(ascii: "\n"))
        for _ in 0..<indent { buffer.append("  ") }
        buffer.append(">>")
    }

    /// Pre-formatted syntax (used for the few values that are already PDF text, e.g. a real array).
    func raw(_ text: String) { buffer.append(text) }
}

/// Writes `/Key value` pairs, one per line, indented by nesting depth (compact: space-separated
/// on one line).
struct DictWriter {
    let buffer: ByteBuffer
    let indent: Int
    var start = 0
    var compact = false

    /// Starts a pair; write its value with the returned `Obj`.
    func key(_ key: String) -> Obj {
        if compact {
            if buffer.count > start { buffer.append(UInt8(ascii: " ")) }
        } else {
            buffer.append(UInt8(ascii: "\n"))
            for _ in 0..<indent { buffer.append("  ") }
        }
        buffer.append(UInt8(ascii: "/"))
        PDFName.append(key, to: buffer)
        buffer.append(UInt8(ascii: " "))
        return Obj(buffer: buffer, indent: indent, compact: compact)
    }

    // Shorthands for the most common pairs.
    func name(_ key: String, _ value: String) { self.key(key).name(value) }
    func int(_ key: String, _ value: Int) { self.key(key).int(value) }
    func real(_ key: String, _ value: Double) { self.key(key).real(value) }
    func ref(_ key: String, _ value: Ref) { self.key(key).ref(value) }
}

/// Writes space-separated array items on one line.
struct ArrayWriter {
    let buffer: ByteBuffer
    let indent: Int
    let start: Int
    var compact = false

    func item() -> Obj {
        if buffer.count > start { buffer.append(UInt8(ascii: " ")) }
        return Obj(buffer: buffer, indent: indent, compact: compact)
    }

    func int(_ value: Int) { item().int(value) }
    func real(_ value: Double) { item().real(value) }
    func ref(_ value: Ref) { item().ref(value) }
    func name(_ value: String) { item().name(value) }
}

enum PDFName {
    /// Regular characters go through; whitespace, delimiters, `#` and non-ASCII bytes are `#XX`.
    static func append(_ name: String, to buffer: ByteBuffer) {
        for byte in name.utf8 {
            if isRegular(byte) {
                buffer.append(byte)
            } else {
                buffer.append(UInt8(ascii: "#"))
                buffer.append(PDFNumber.hexDigits[Int(byte >> 4)])
                buffer.append(PDFNumber.hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// A switch rather than a search of a delimiter string: every key and name of every object
    /// comes through here (a tagged packet's structure elements alone have some 150 000), and
    /// the search was 3 % of a packet's instructions.
    @inline(__always)
    static func isRegular(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "#"):
            return false
        default:
            return byte >= 0x21 && byte <= 0x7E
        }
    }
}
