/// One CSV row → the raw case tree every format loads into, with each value positioned at its
/// cell (`line`, `column` = the CSV column), so diagnostics point at `file:line:col` and a JSON
/// Pointer as they do for YAML.
///
/// Cell types follow the case file's shape: a number where it wants an integer, true/false for a
/// yes/no, text everywhere else. Dates stay text for the typed case to read, except that Excel's
/// own spelling `2025/1/17` becomes `2025-01-17`. Empty cells are left out, and list entries with
/// nothing in them are closed up (課題1 empty and 課題2 filled gives one issue).
public struct CSVRowTreeBuilder: Sendable {
    public let header: CSVHeader

    public init(header: CSVHeader) {
        self.header = header
    }

    /// The tree of one row, and findings about cells that belong to no column.
    public func tree(for record: CSVRecord) -> (root: CaseNode, diagnostics: [Diagnostic]) {
        var root = Draft.object([], SourcePosition(line: record.line, column: 1))
        var diagnostics: [Diagnostic] = []
        for (index, field) in record.fields.enumerated() {
            guard !field.text.allSatisfy(\.isWhitespace) else { continue }
            let position = SourcePosition(line: field.line, column: index + 1)
            guard index < header.columns.count else {
                diagnostics.append(Diagnostic(.e031, path: "", at: position,
                                              message: "\(index + 1)列目に値がありますが、見出しがありません",
                                              messageEN: "column \(index + 1) has a value but no heading"))
                continue
            }
            guard let column = header.columns[index] else { continue }
            root.insert(Self.value(field.text, shape: column.leaf, at: position), along: column.steps[...], at: position)
        }
        return (root.node, diagnostics)
    }

    /// A cell's text as the value its field wants; anything that does not read as that type
    /// stays text, so the shape check reports it at the cell (E020) rather than losing it.
    static func value(_ text: String, shape: FieldShape, at position: SourcePosition) -> CaseNode {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch shape {
        case .integer:
            if let number = Int(trimmed) { return CaseNode(.integer(number), at: position) }
        case .boolean:
            switch trimmed.lowercased() {
            case "true", "はい": return CaseNode(.bool(true), at: position)
            case "false", "いいえ": return CaseNode(.bool(false), at: position)
            default: break
            }
        case .date:
            return CaseNode(.string(ExcelDate.iso(trimmed) ?? trimmed), at: position)
        case .code, .choice:
            return CaseNode(.string(trimmed), at: position)
        case .text, .textOrObject, .list, .object:
            break
        }
        return CaseNode(.string(text), at: position)
    }

    /// The tree while it is being filled: list entries keyed by their column number until the
    /// row is done.
    private indirect enum Draft {
        case object([(String, Draft)], SourcePosition)
        case list([Int: Draft], SourcePosition)
        case leaf(CaseNode)

        mutating func insert(_ value: CaseNode, along steps: ArraySlice<CSVColumnPath.Step>, at position: SourcePosition) {
            guard let step = steps.first else { self = .leaf(value); return }
            let rest = steps.dropFirst()
            switch (self, step) {
            case (.object(var members, let start), .key(let key)):
                if let at = members.firstIndex(where: { $0.0 == key }) {
                    members[at].1.insert(value, along: rest, at: position)
                } else {
                    var child = Draft.empty(for: rest.first, at: position)
                    child.insert(value, along: rest, at: position)
                    members.append((key, child))
                }
                self = .object(members, start)
            case (.list(var entries, let start), .index(let index)):
                var child = entries[index] ?? Draft.empty(for: rest.first, at: position)
                child.insert(value, along: rest, at: position)
                entries[index] = child
                self = .list(entries, start)
            default:
                // CSVColumnPath checked every path against one shape, so steps always fit.
                break
            }
        }

        static func empty(for step: CSVColumnPath.Step?, at position: SourcePosition) -> Draft {
            switch step {
            case .index: .list([:], position)
            case .key, nil: .object([], position)
            }
        }

        var node: CaseNode {
            switch self {
            case .leaf(let node):
                return node
            case .object(let members, let position):
                return CaseNode(.object(members.map { CaseMember(key: $0.0, keyPosition: $0.1.position, node: $0.1.node) }),
                                at: position)
            case .list(let entries, let position):
                return CaseNode(.array(entries.keys.sorted().compactMap { entries[$0]?.node }), at: position)
            }
        }

        var position: SourcePosition? {
            switch self {
            case .leaf(let node): node.position
            case .object(_, let position), .list(_, let position): position
            }
        }
    }
}

/// Excel writes a date cell as `2025/1/17` (or `2025/4` for a year-month) in CSV.
enum ExcelDate {
    static func iso(_ text: String) -> String? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count <= 2 }) else { return nil }
        return ([String(parts[0])] + parts.dropFirst().map { $0.count == 1 ? "0" + $0 : String($0) }).joined(separator: "-")
    }
}
