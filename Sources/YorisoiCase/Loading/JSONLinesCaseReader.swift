import Foundation

/// A JSON Lines file (one case per line) read one line at a time: `nextLine()` finds the next
/// non-blank line (cheap, in file order) and `load(_:)` parses and checks it on any thread, so
/// a batch never holds more parsed cases than it is rendering. `CaseLoader` reads the same
/// format all at once for `validate`; positions and diagnostics are the same.
public struct JSONLinesCaseReader: Sendable {
    public struct Line: Sendable {
        public let number: Int
        let bytes: ArraySlice<UInt8>
    }

    public let displayName: String
    public let limits: LoadLimits
    private let bytes: [UInt8]
    private var offset = 0
    private var lineNumber = 0

    public init(bytes: [UInt8], displayName: String, limits: LoadLimits = LoadLimits()) {
        self.displayName = displayName
        self.limits = limits
        self.bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    }

    /// The next line with something on it, or nil at the end.
    public mutating func nextLine() -> Line? {
        while offset < bytes.count {
            let end = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
            let slice = bytes[offset..<end]
            lineNumber += 1
            offset = end + 1
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            return Line(number: lineNumber, bytes: slice)
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
        guard bytes.count <= limits.maxBytes else {
            return failed(ReadFailure(code: .e002, position: nil, message: "行が大きすぎます（上限 \(limits.maxBytes / 1_048_576) MB）",
                                      messageEN: "line is larger than \(limits.maxBytes) bytes"))
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
            let findings = UnknownKeyRedaction(root: root).redact(reader.duplicateKeys + CaseShapeChecker().check(root))
            return LoadedCase(source: displayName, line: line.number, root: root, typed: CaseBuilder.build(root),
                              diagnostics: findings.sortedBySource())
        } catch {
            return failed(error)
        }
    }
}
