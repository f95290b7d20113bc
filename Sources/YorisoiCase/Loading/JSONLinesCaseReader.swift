import Foundation

/// A JSON Lines file (one case per line) read one line at a time: `nextLine()` finds the next
/// non-blank line (cheap, in file order) and `load(_:)` parses and checks it on any thread, so
/// a batch never holds more parsed cases than it is rendering. `CaseLoader` reads the same
/// format all at once for `validate`; positions and diagnostics are the same.
public struct JSONLinesCaseReader: Sendable {
    public struct Line: Sendable {
        public let number: Int
        let bytes: ArraySlice<UInt8>
        /// The length of a line longer than `LoadLimits.maxBytes`, whose bytes were not kept.
        let tooLong: Int?
    }

    public let displayName: String
    public let limits: LoadLimits
    private let bytes: [UInt8]
    /// A file read as it is walked (the batch), instead of `bytes` held whole.
    private let file: BoundedLineReader?
    private var offset = 0
    private var lineNumber = 0

    public init(bytes: [UInt8], displayName: String, limits: LoadLimits = LoadLimits()) {
        self.displayName = displayName
        self.limits = limits
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        self.file = nil
    }

    /// A file read a chunk at a time: no line longer than `limits.maxBytes` is ever held.
    /// nil when the file cannot be opened.
    public init?(contentsOf url: URL, displayName: String, limits: LoadLimits = LoadLimits()) {
        guard let file = BoundedLineReader(path: url.path, maxLineBytes: limits.maxBytes) else { return nil }
        self.displayName = displayName
        self.limits = limits
        self.bytes = []
        self.file = file
    }

    /// The next line with something on it, or nil at the end.
    public mutating func nextLine() -> Line? {
        if let file { return nextLine(from: file) }
        while offset < bytes.count {
            let end = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
            let slice = bytes[offset..<end]
            lineNumber += 1
            offset = end + 1
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            if slice.count > limits.maxBytes { return Line(number: lineNumber, bytes: [], tooLong: slice.count) }
            return Line(number: lineNumber, bytes: slice, tooLong: nil)
        }
        return nil
    }

    private mutating func nextLine(from file: BoundedLineReader) -> Line? {
        while let next = file.next() {
            lineNumber += 1
            switch next {
            case .tooLong(let length):
                return Line(number: lineNumber, bytes: [], tooLong: length)
            case .bytes(var line):
                if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line.removeFirst(3) }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                return Line(number: lineNumber, bytes: line[...], tooLong: nil)
            }
        }
        return nil
    }

    /// The case on one line.
    public func load(_ line: Line) -> LoadedCase {
        let bytes = Array(line.bytes)
        func failed(_ failure: ReadFailure) -> LoadedCase {
            var diagnostic = failure.diagnostic
            if failure.position == nil { diagnostic.position = SourcePosition(line: line.number, column: 1) }
            return LoadedCase(source: displayName, line: line.number, root: nil, typed: nil, diagnostics: [diagnostic])
        }
        if line.tooLong != nil {
            return failed(ReadFailure(code: .e013, position: nil, message: "行が長すぎます（上限 \(limits.maxBytes / 1_048_576) MB）",
                                      messageEN: "line is longer than \(limits.maxBytes) bytes"))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return failed(ReadFailure(code: .e003, position: nil, message: "文字コードが UTF-8 ではありません（UTF-8 で保存してください）",
                                      messageEN: "line is not valid UTF-8 text"))
        }
        var reader = JSONCaseReader(limits: limits, firstLine: line.number)
        do {
            let root = try reader.read(bytes)
            guard case .object = root.value else {
                return failed(ReadFailure(code: .e009, position: root.position,
                                          message: "ケースファイルの一番外側は「キー: 値」の組でなければなりません",
                                          messageEN: "the top level of a case file must be a mapping"))
            }
            if let refused = CaseTextBounds.refusal(of: root, limits: limits, source: displayName, line: line.number) {
                return refused
            }
            let findings = UnknownKeyRedaction(root: root).redact(reader.duplicateKeys + CaseShapeChecker().check(root))
            return LoadedCase(source: displayName, line: line.number, root: root, typed: CaseBuilder.build(root),
                              diagnostics: findings.sortedBySource())
        } catch {
            return failed(error)
        }
    }
}
