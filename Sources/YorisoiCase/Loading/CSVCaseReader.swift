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

    /// Rows of more than this many bytes of CSV are refused as a whole (a CSV of 2,000 cases is a
    /// few megabytes).
    public static let maxBytes = 64 << 20

    public init(bytes: [UInt8], displayName: String, mapping: CSVColumnMapping? = nil) {
        self.displayName = displayName
        guard bytes.count <= Self.maxBytes else {
            pendingFailure = Self.failure(displayName, line: nil, Diagnostic(
                .e002, path: "", at: nil, message: "ファイルが大きすぎます（上限 \(Self.maxBytes / 1_048_576) MB）",
                messageEN: "file is larger than \(Self.maxBytes) bytes"))
            return
        }
        guard let (text, encoding) = CSVTextDecoder.decode(bytes) else {
            pendingFailure = Self.failure(displayName, line: nil, Diagnostic(
                .e027, path: "", at: nil,
                message: "CSV の文字コードが UTF-8 でも Shift_JIS（CP932）でもありません",
                messageEN: "CSV text is neither UTF-8 nor Shift_JIS (CP932)"))
            return
        }
        self.encoding = encoding
        var records = CSVRecordReader(text: text)
        do {
            var first = try records.next()
            while let record = first, record.isBlank { first = try records.next() }
            guard let headerRecord = first else {
                pendingFailure = Self.failure(displayName, line: nil, Diagnostic(
                    .e007, path: "", at: nil, message: "ファイルが空です", messageEN: "file is empty"))
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

    /// Reads a whole file; an unreadable file is one failed entry (E001).
    public init(contentsOf url: URL, displayName: String? = nil, mapping: CSVColumnMapping? = nil) {
        let name = displayName ?? url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            self.init(failure: Self.failure(name, line: nil, Diagnostic(
                .e001, path: "", at: nil, message: "ファイルを読み取れません", messageEN: "file cannot be read")), name: name)
            return
        }
        self.init(bytes: [UInt8](data), displayName: name, mapping: mapping)
    }

    private init(failure: LoadedCase, name: String) {
        self.displayName = name
        self.pendingFailure = failure
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
                if record.isBlank { continue }
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
