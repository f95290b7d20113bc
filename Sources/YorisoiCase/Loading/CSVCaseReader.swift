import Foundation

/// A case CSV (one case per row, the first row the header) read one row at a time, so a batch
/// of thousands of rows never holds more than the rows being rendered.
///
/// `nextRow()` only splits the text (cheap, in file order); `load(_:)` builds and checks the case
/// of one row and may run on any thread. Problems with the file as a whole — not text, a header
/// naming no case value, a quote never closed — come out as one failed `LoadedCase` for the file
/// (or, for a syntax error, for the row it starts on), after which there are no more rows.
public struct CSVCaseReader: Sendable {
    /// A row split into cells, ready for `load`.
    public struct Row: Sendable {
        public let record: CSVRecord
        public var line: Int { record.line }
    }

    public enum Item: Sendable {
        case row(Row)
        /// The file or the rest of it cannot be read: one entry with the reason.
        case failed(LoadedCase)
    }

    public let displayName: String
    public private(set) var encoding: CSVTextDecoder.Encoding?
    private var records: CSVRecordReader?
    private var builder: CSVRowTreeBuilder?
    private var pendingFailure: LoadedCase?

    /// A CSV given as bytes (a request body) of more than this is refused as a whole; a file is
    /// read a chunk at a time and has no such bound.
    public static let maxBytes = 64 << 20
    /// A row of more bytes than this (one case file's limit, as for a JSON Lines line) is refused
    /// (E013) at its line, scanned to its end without being held; the rows after it are read.
    public static let maxRowBytes = LoadLimits().maxBytes

    public init(bytes: [UInt8], displayName: String, mapping: CSVColumnMapping? = nil) {
        self.displayName = displayName
        guard bytes.count <= Self.maxBytes else {
            pendingFailure = Self.failure(displayName, line: nil, Diagnostic(
                .e002, path: "", at: nil, message: "ファイルが大きすぎます（上限 \(Self.maxBytes / 1_048_576) MB）",
                messageEN: "file is larger than \(Self.maxBytes) bytes"))
            return
        }
        guard let (text, encoding) = CSVTextDecoder.decode(bytes) else {
            pendingFailure = Self.notText(displayName)
            return
        }
        start(CSVRecordReader(text: text, maxRecordBytes: Self.maxRowBytes), encoding: encoding, mapping: mapping)
    }

    /// Reads a file a chunk at a time: once to find its encoding, then row by row, never holding
    /// more than one row; an unreadable file is one failed entry (E001).
    public init(contentsOf url: URL, displayName: String? = nil, mapping: CSVColumnMapping? = nil) {
        let name = displayName ?? url.path
        self.displayName = name
        guard FileManager.default.isReadableFile(atPath: url.path), let found = CSVEncodingScan.scan(path: url.path) else {
            pendingFailure = FileManager.default.isReadableFile(atPath: url.path)
                ? Self.notText(name)
                : Self.failure(name, line: nil, Diagnostic(.e001, path: "", at: nil, message: "ファイルを読み取れません",
                                                           messageEN: "file cannot be read"))
            return
        }
        guard let source = CSVByteSource(path: url.path, skipping: found.skip) else {
            pendingFailure = Self.failure(name, line: nil, Diagnostic(.e001, path: "", at: nil, message: "ファイルを読み取れません",
                                                                      messageEN: "file cannot be read"))
            return
        }
        start(CSVRecordReader(source: source, encoding: found.encoding, maxRecordBytes: Self.maxRowBytes),
              encoding: found.encoding, mapping: mapping)
    }

    /// Reads the header; the rows are read by `nextItem`.
    private mutating func start(_ reader: CSVRecordReader, encoding: CSVTextDecoder.Encoding, mapping: CSVColumnMapping?) {
        self.encoding = encoding
        var records = reader
        do {
            var first = try records.next()
            while let record = first, record.refusal == nil, record.isBlank { first = try records.next() }
            guard let headerRecord = first else {
                pendingFailure = Self.failure(displayName, line: nil, Diagnostic(
                    .e007, path: "", at: nil, message: "ファイルが空です", messageEN: "file is empty"))
                return
            }
            if let refusal = headerRecord.refusal {
                // Without its header no row can be read.
                pendingFailure = Self.refused(displayName, headerRecord.line, refusal)
                return
            }
            let header = CSVHeader(headerRecord, mapping: mapping)
            if !header.diagnostics.isEmpty {
                pendingFailure = LoadedCase(source: displayName, line: headerRecord.line, root: nil, typed: nil,
                                            diagnostics: header.diagnostics)
                return
            }
            self.builder = CSVRowTreeBuilder(header: header)
            self.records = records
        } catch {
            pendingFailure = Self.syntaxFailure(displayName, error)
        }
    }

    private static func notText(_ name: String) -> LoadedCase {
        failure(name, line: nil, Diagnostic(.e027, path: "", at: nil,
                                            message: "CSV の文字コードが UTF-8 でも Shift_JIS（CP932）でもありません",
                                            messageEN: "CSV text is neither UTF-8 nor Shift_JIS (CP932)"))
    }

    /// A row refused as a whole, named by the line it starts on.
    private static func refused(_ name: String, _ line: Int, _ refusal: CSVRecord.Refusal) -> LoadedCase {
        let position = SourcePosition(line: line, column: 1)
        switch refusal {
        case .tooLong:
            return failure(name, line: line, Diagnostic(
                .e013, path: "", at: position, message: "CSV の行が長すぎます（上限 \(maxRowBytes / 1_048_576) MB）",
                messageEN: "CSV row is longer than \(maxRowBytes) bytes"))
        case .notText:
            return failure(name, line: line, Diagnostic(
                .e027, path: "", at: position, message: "この行に Shift_JIS（CP932）の文字でないバイト列があります",
                messageEN: "this row holds bytes that are no Shift_JIS (CP932) character"))
        }
    }

    /// The next row (blank rows skipped), a failure, or nil at the end.
    public mutating func nextItem() -> Item? {
        if let failure = pendingFailure {
            pendingFailure = nil
            records = nil
            return .failed(failure)
        }
        guard var reader = records else { return nil }
        defer { records = reader.isFinished ? nil : reader }
        do {
            while let record = try reader.next() {
                if record.refusal == nil, record.isBlank { continue }
                return .row(Row(record: record))
            }
            reader.finish()
            return nil
        } catch {
            reader.finish()
            return .failed(Self.syntaxFailure(displayName, error))
        }
    }

    /// The case of one row: tree, shape checks and the typed case.
    public func load(_ row: Row) -> LoadedCase {
        guard let builder else { return LoadedCase(source: displayName, line: row.line, root: nil, typed: nil, diagnostics: []) }
        if let refusal = row.record.refusal { return Self.refused(displayName, row.line, refusal) }
        let (root, cellFindings) = builder.tree(for: row.record)
        if let refused = CaseTextBounds.refusal(of: root, limits: LoadLimits(), source: displayName, line: row.line) {
            return refused
        }
        let findings = UnknownKeyRedaction(root: root).redact(cellFindings + CaseShapeChecker().check(root))
        return LoadedCase(source: displayName, line: row.line, root: root, typed: CaseBuilder.build(root),
                          diagnostics: findings.sortedBySource())
    }

    /// Every case of the file, in order (for `validate` and tests; a batch goes row by row).
    public mutating func loadAll() -> [LoadedCase] {
        var cases: [LoadedCase] = []
        while let item = nextItem() {
            switch item {
            case .row(let row): cases.append(load(row))
            case .failed(let failure): cases.append(failure)
            }
        }
        return cases
    }

    private static func failure(_ name: String, line: Int?, _ diagnostic: Diagnostic) -> LoadedCase {
        LoadedCase(source: name, line: line, root: nil, typed: nil, diagnostics: [diagnostic])
    }

    private static func syntaxFailure(_ name: String, _ error: CSVSyntaxError) -> LoadedCase {
        let (ja, en) = switch error.kind {
        case .unterminatedQuote: ("「\"」で始まるセルが閉じられていません", "a quoted cell is never closed")
        case .textAfterClosingQuote: ("閉じた「\"」のあとに文字があります（セル内の \" は \"\" と書きます）",
                                      "text after a closing quote (write \"\" for a quote inside a cell)")
        }
        return failure(name, line: error.line, Diagnostic(.e028, path: "", at: SourcePosition(line: error.line, column: error.column),
                                                          message: "CSV の書き方に誤りがあります: \(ja)",
                                                          messageEN: "CSV syntax error: \(en)"))
    }
}
