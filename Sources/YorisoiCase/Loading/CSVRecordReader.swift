import Foundation

/// One CSV record: its cells and the line it starts on (a quoted cell may span lines).
public struct CSVRecord: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var text: String
        /// The line the cell starts on (1-based).
        public var line: Int
    }

    public var line: Int
    public var fields: [Field]
    /// Why the record's cells were not kept (then `fields` is empty): the row is refused, the
    /// rows after it are still read.
    public var refusal: Refusal?

    public enum Refusal: Sendable, Hashable {
        /// More bytes than the reader's limit (its length); scanned to its end, never held.
        case tooLong(Int)
        /// A cell that is not text in the file's encoding (CP932 pairs with no character).
        case notText
    }

    public init(line: Int, fields: [Field], refusal: Refusal? = nil) {
        self.line = line
        self.fields = fields
        self.refusal = refusal
    }

    /// A row Excel writes for an empty line of the sheet (",,,," or nothing at all).
    public var isBlank: Bool { fields.allSatisfy { $0.text.allSatisfy(\.isWhitespace) } }
}

/// Why a CSV file cannot be read past some point.
public struct CSVSyntaxError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A quoted cell is never closed.
        case unterminatedQuote
        /// Text follows a closing quote before the next comma ("abc"x).
        case textAfterClosingQuote
    }

    public var kind: Kind
    public var line: Int
    /// 1-based CSV column (cell number), not a character offset.
    public var column: Int
}

/// An RFC 4180 reader that hands out one record at a time and knows where each cell started.
///
/// Written here rather than taken from SwiftCSV or CSV.swift because diagnostics need the line
/// every record and cell starts on, and a clear error for a quote that is never closed; neither
/// library reports positions (CSV.swift silently accepts malformed quotes). The rules are Excel's:
/// comma-separated, cells quoted with `"` when they hold commas, quotes or line breaks, `""`
/// for a quote inside a quoted cell, CRLF, LF or CR between records. Line breaks inside a cell
/// become LF. A stray quote inside an unquoted cell is kept as text, as Excel does.
public struct CSVRecordReader: Sendable {
    private let source: CSVByteSource
    private let encoding: CSVTextDecoder.Encoding
    private let maxRecordBytes: Int
    private var line = 1

    /// - Parameter text: the decoded file (see `CSVTextDecoder`), without a BOM.
    public init(text: String, maxRecordBytes: Int = Int.max) {
        self.init(source: CSVByteSource(bytes: Array(text.utf8)), encoding: .utf8, maxRecordBytes: maxRecordBytes)
    }

    /// Cells are decoded from `encoding` one at a time (their separators are ASCII, which is never
    /// the second byte of a CP932 pair); a record of more than `maxRecordBytes` is scanned to its
    /// end without being kept and comes back with `refusal` set.
    init(source: CSVByteSource, encoding: CSVTextDecoder.Encoding, maxRecordBytes: Int) {
        self.source = source
        self.encoding = encoding
        self.maxRecordBytes = maxRecordBytes
    }

    /// True once the reader has nothing more to give (the end, or after a syntax error).
    public private(set) var isFinished = false

    /// Stops reading: a syntax error leaves no reliable place to go on from.
    public mutating func finish() {
        isFinished = true
    }

    /// The next record, nil at the end of the text.
    public mutating func next() throws(CSVSyntaxError) -> CSVRecord? {
        guard !isFinished, source.peek() != nil else { return nil }
        var record = CSVRecord(line: line, fields: [])
        var budget = RecordBudget(limit: maxRecordBytes)
        var notText = false
        while true {
            let (cell, startLine, atEndOfRecord) = try readField(column: record.fields.count + 1, budget: &budget)
            if !budget.exceeded {
                if let text = decode(cell) {
                    record.fields.append(CSVRecord.Field(text: text, line: startLine))
                } else {
                    notText = true
                    record.fields.append(CSVRecord.Field(text: "", line: startLine))
                }
            }
            if atEndOfRecord { break }
        }
        if budget.exceeded {
            record.fields = []
            record.refusal = .tooLong(budget.used)
        } else if notText {
            record.fields = []
            record.refusal = .notText
        }
        return record
    }

    /// Bytes of the record so far; past the limit cells are only scanned.
    struct RecordBudget {
        let limit: Int
        var used = 0
        var exceeded: Bool { used > limit }
    }

    private func decode(_ cell: [UInt8]) -> String? {
        switch encoding {
        case .utf8, .utf8BOM: return String(decoding: cell, as: UTF8.self)
        case .cp932:
            guard cell.contains(where: { $0 >= 0x80 }) else { return String(decoding: cell, as: UTF8.self) }
            return String(data: Data(cell), encoding: .shiftJIS)
        }
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Reads one cell and the separator after it: its bytes (none once the record is over its
    /// limit), the line it starts on, and whether that separator ended the record.
    private mutating func readField(column: Int, budget: inout RecordBudget) throws(CSVSyntaxError) -> ([UInt8], Int, Bool) {
        let startLine = line
        var cell: [UInt8] = []
        func keep(_ byte: UInt8) {
            budget.used += 1
            if budget.exceeded { cell = [] } else { cell.append(byte) }
        }
        if source.peek() == Self.quote {
            source.advance()
            while true {
                guard let byte = source.peek() else {
                    throw CSVSyntaxError(kind: .unterminatedQuote, line: startLine, column: column)
                }
                if byte == Self.quote {
                    if source.peek(1) == Self.quote {
                        keep(Self.quote)
                        source.advance(2)
                        continue
                    }
                    source.advance()
                    break
                }
                if byte == Self.cr || byte == Self.lf {
                    consumeLineBreak()
                    keep(Self.lf)
                    continue
                }
                keep(byte)
                source.advance()
            }
            // After the closing quote only a separator or the end may follow.
            if let next = source.peek(), next != Self.comma, next != Self.cr, next != Self.lf {
                throw CSVSyntaxError(kind: .textAfterClosingQuote, line: line, column: column)
            }
        } else {
            while let byte = source.peek(), byte != Self.comma, byte != Self.cr, byte != Self.lf {
                keep(byte)
                source.advance()
            }
        }
        guard let separator = source.peek() else { return (cell, startLine, true) }
        budget.used += 1
        if separator == Self.comma {
            source.advance()
            return (cell, startLine, false)
        }
        consumeLineBreak()
        return (cell, startLine, true)
    }

    /// Steps over CRLF, LF or a lone CR and counts the line.
    private mutating func consumeLineBreak() {
        if source.peek() == Self.cr, source.peek(1) == Self.lf { source.advance() }
        source.advance()
        line += 1
    }
}
