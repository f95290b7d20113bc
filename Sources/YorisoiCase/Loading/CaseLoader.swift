import Foundation

/// Case files → `LoadedCase`s. Never throws and never crashes on bad input: every problem is a
/// diagnostic (E001 unreadable is a configuration problem, the rest are invalid input).
public struct CaseLoader: Sendable {
    public var limits: LoadLimits

    public init(limits: LoadLimits = LoadLimits()) {
        self.limits = limits
    }

    /// Loads a file; the format comes from the extension (sniffed when unknown).
    /// YAML and JSON give one case, JSON Lines one per non-blank line.
    public func load(contentsOf url: URL, displayName: String? = nil) -> [LoadedCase] {
        let name = displayName ?? url.path
        // One stat(2) for both questions. (FileManager's attributes also named the file's owner and
        // group, reading /etc/passwd and /etc/group for every case of a batch.)
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else {
            return [failed(name, ReadFailure(code: .e001, position: nil,
                                             message: "ファイルが見つからないか、フォルダです",
                                             messageEN: "file not found or is a directory"))]
        }
        if info.st_size > limits.maxBytes {
            return [failed(name, tooLarge())]
        }
        guard let handle = try? FileHandle(forReadingFrom: url) else {
            return [failed(name, ReadFailure(code: .e001, position: nil, message: "ファイルを読み取れません",
                                             messageEN: "file cannot be read"))]
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: a file that grew since stat is still refused.
        guard let data = try? handle.read(upToCount: limits.maxBytes + 1) ?? Data() else {
            return [failed(name, ReadFailure(code: .e001, position: nil, message: "ファイルを読み取れません",
                                             messageEN: "file cannot be read"))]
        }
        let format = CaseFormat(fileExtension: url.pathExtension) ?? CaseFormat.sniff(data)
        return load(data: data, format: format, displayName: name)
    }

    /// Loads standard input (`CASE` given as "-"), sniffing JSON or YAML.
    public func loadStandardInput(displayName: String = "-") -> [LoadedCase] {
        let data = ((try? FileHandle.standardInput.read(upToCount: limits.maxBytes + 1)) ?? nil) ?? Data()
        return load(data: data, format: CaseFormat.sniff(data), displayName: displayName)
    }

    public func load(data: Data, format: CaseFormat, displayName: String) -> [LoadedCase] {
        if data.count > limits.maxBytes { return [failed(displayName, tooLarge())] }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return [failed(displayName, ReadFailure(code: .e003, position: Self.firstInvalidUTF8(bytes),
                                                    message: "文字コードが UTF-8 ではありません（UTF-8 で保存してください）",
                                                    messageEN: "file is not valid UTF-8 text"))]
        }
        if text.allSatisfy(\.isWhitespace) { return [failed(displayName, empty())] }
        switch format {
        case .yaml:
            return [loadYAML(text, name: displayName)]
        case .json:
            return [loadJSON(bytes, name: displayName, line: nil)]
        case .jsonLines:
            return loadJSONLines(bytes, name: displayName)
        }
    }

    /// A case given as a value tree that is already read (a meeting's inline `case:`), checked
    /// like a file; positions stay those of the file the tree came from.
    public func load(tree root: CaseNode, displayName: String) -> LoadedCase {
        finish(root, name: displayName, line: nil, readerFindings: [])
    }

    // MARK: - Formats

    private func loadYAML(_ text: String, name: String) -> LoadedCase {
        do {
            let (root, duplicates) = try YAMLCaseReader(limits: limits).read(text)
            guard let root else { return failed(name, empty()) }
            return finish(root, name: name, line: nil, readerFindings: duplicates)
        } catch {
            return failed(name, error)
        }
    }

    private func loadJSON(_ bytes: [UInt8], name: String, line: Int?) -> LoadedCase {
        var reader = JSONCaseReader(limits: limits, firstLine: line ?? 1)
        do {
            let root = try reader.read(bytes)
            return finish(root, name: name, line: line, readerFindings: reader.duplicateKeys)
        } catch {
            return failed(name, error, line: line)
        }
    }

    private func loadJSONLines(_ bytes: [UInt8], name: String) -> [LoadedCase] {
        var cases: [LoadedCase] = []
        var lineNumber = 0
        for slice in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(slice)
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            cases.append(loadJSON(line, name: name, line: lineNumber))
        }
        return cases.isEmpty ? [failed(name, empty())] : cases
    }

    /// Shape checks and the typed case, once a tree exists.
    private func finish(_ root: CaseNode, name: String, line: Int?, readerFindings: [Diagnostic]) -> LoadedCase {
        guard case .object = root.value else {
            return failed(name, ReadFailure(code: .e009, position: root.position,
                                            message: "ケースファイルの一番外側は「キー: 値」の組でなければなりません",
                                            messageEN: "the top level of a case file must be a mapping"), line: line)
        }
        // Before any rule walks the text: one error and nothing more for a case over a bound.
        if let refused = CaseTextBounds.refusal(of: root, limits: limits, source: name, line: line) { return refused }
        let findings = UnknownKeyRedaction(root: root).redact(readerFindings + CaseShapeChecker().check(root))
        return LoadedCase(source: name, line: line, root: root, typed: CaseBuilder.build(root),
                          diagnostics: findings.sortedBySource())
    }

    private func failed(_ name: String, _ failure: ReadFailure, line: Int? = nil) -> LoadedCase {
        var diagnostic = failure.diagnostic
        if failure.position == nil, let line { diagnostic.position = SourcePosition(line: line, column: 1) }
        return LoadedCase(source: name, line: line, root: nil, typed: nil, diagnostics: [diagnostic])
    }

    private func tooLarge() -> ReadFailure {
        ReadFailure(code: .e002, position: nil,
                    message: "ファイルが大きすぎます（上限 \(limits.maxBytes / 1_048_576) MB）",
                    messageEN: "file is larger than \(limits.maxBytes) bytes")
    }

    private func empty() -> ReadFailure {
        ReadFailure(code: .e007, position: nil, message: "ファイルが空です", messageEN: "file is empty")
    }

    /// Where decoding UTF-8 first fails (line and column), to point the user at it.
    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> SourcePosition {
        var line = 1, column = 1, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourcePosition(line: line, column: column)
            }
            guard index + length <= bytes.count,
                  String(validating: bytes[index..<index + length], as: UTF8.self) != nil else {
                return SourcePosition(line: line, column: column)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index += length
        }
        return SourcePosition(line: line, column: column)
    }
}
