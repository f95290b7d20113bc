/// One CSV record: its cells and the line it starts on (a quoted cell may span lines).
public struct CSVRecord: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public var text: String
        /// The line the cell starts on (1-based).
        public var line: Int
    }

    public var line: Int
    public var fields: [Field]

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
    private let bytes: [UInt8]
    private var offset = 0
    private var line = 1

    /// - Parameter text: the decoded file (see `CSVTextDecoder`), without a BOM.
    public init(text: String) {
        self.bytes = Array(text.utf8)
    }

    /// True once the reader has nothing more to give (the end, or after a syntax error).
    public private(set) var isFinished = false

    /// Stops reading: a syntax error leaves no reliable place to go on from.
    public mutating func finish() {
        isFinished = true
    }

    /// The next record, nil at the end of the text.
    public mutating func next() throws(CSVSyntaxError) -> CSVRecord? {
        guard !isFinished, offset < bytes.count else { return nil }
        var record = CSVRecord(line: line, fields: [])
        while true {
            let (field, atEndOfRecord) = try readField(column: record.fields.count + 1)
            record.fields.append(field)
            if atEndOfRecord { return record }
        }
    }

    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","),
                       lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

    /// Reads one cell and the separator after it; true when that separator ended the record.
    private mutating func readField(column: Int) throws(CSVSyntaxError) -> (CSVRecord.Field, Bool) {
        let startLine = line
        var cell: [UInt8] = []
        if offset < bytes.count, bytes[offset] == Self.quote {
            offset += 1
            while true {
                guard offset < bytes.count else {
                    throw CSVSyntaxError(kind: .unterminatedQuote, line: startLine, column: column)
                }
                let byte = bytes[offset]
                if byte == Self.quote {
                    if offset + 1 < bytes.count, bytes[offset + 1] == Self.quote {
                        cell.append(Self.quote)
                        offset += 2
                        continue
                    }
                    offset += 1
                    break
                }
                if byte == Self.cr || byte == Self.lf {
                    consumeLineBreak()
                    cell.append(Self.lf)
                    continue
                }
                cell.append(byte)
                offset += 1
            }
            // After the closing quote only a separator or the end may follow.
            if offset < bytes.count, ![Self.comma, Self.cr, Self.lf].contains(bytes[offset]) {
                throw CSVSyntaxError(kind: .textAfterClosingQuote, line: line, column: column)
            }
        } else {
            while offset < bytes.count, ![Self.comma, Self.cr, Self.lf].contains(bytes[offset]) {
                cell.append(bytes[offset])
                offset += 1
            }
        }
        let field = CSVRecord.Field(text: String(decoding: cell, as: UTF8.self), line: startLine)
        guard offset < bytes.count else { return (field, true) }
        if bytes[offset] == Self.comma {
            offset += 1
            return (field, false)
        }
        consumeLineBreak()
        return (field, true)
    }

    /// Steps over CRLF, LF or a lone CR and counts the line.
    private mutating func consumeLineBreak() {
        if bytes[offset] == Self.cr, offset + 1 < bytes.count, bytes[offset + 1] == Self.lf { offset += 1 }
        offset += 1
        line += 1
    }
}
