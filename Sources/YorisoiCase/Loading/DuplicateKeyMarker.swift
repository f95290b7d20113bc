import Yams

/// Locates duplicate YAML keys. Yams refuses a mapping with a repeated key and names only the
/// first occurrence; we rename that occurrence in the text (prefixing a marker), compose again,
/// and afterwards report every later occurrence with its JSON Pointer and position.
enum DuplicateKeyMarker {
    static let prefix = "yorisoiDuplicateKey__"

    /// The text with the key at `mark` prefixed, or nil when the mark does not point at a key start.
    static func mark(in text: String, at mark: Mark) -> String? {
        var line = 1, column = 1
        var scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if line == mark.line && column == mark.column {
                let insertAt = (scalar == "\"" || scalar == "'") ? i + 1 : i
                scalars.insert(contentsOf: prefix.unicodeScalars, at: insertAt)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            if line > mark.line { return nil }
        }
        return nil
    }

    /// Removes the renamed members and reports the duplicates they stood for.
    static func resolve(_ root: CaseNode, marked: Bool) -> (CaseNode, [Diagnostic]) {
        guard marked else { return (root, []) }
        var diagnostics: [Diagnostic] = []
        let cleaned = clean(root, pointer: "", into: &diagnostics)
        return (cleaned, diagnostics)
    }

    private static func unmarked(_ key: String) -> String {
        var key = Substring(key)
        while key.hasPrefix(prefix) { key = key.dropFirst(prefix.count) }
        return String(key)
    }

    private static func clean(_ node: CaseNode, pointer: String, into diagnostics: inout [Diagnostic]) -> CaseNode {
        switch node.value {
        case .array(let items):
            let cleaned = items.enumerated().map { clean($1, pointer: pointer + "/\($0)", into: &diagnostics) }
            return CaseNode(.array(cleaned), at: node.position)
        case .object(let members):
            var occurrences: [String: [SourcePosition]] = [:]
            for member in members where member.key.hasPrefix(prefix) {
                if let position = member.keyPosition { occurrences[unmarked(member.key), default: []].append(position) }
            }
            var kept: [CaseMember] = []
            for member in members where !member.key.hasPrefix(prefix) {
                if occurrences[member.key] != nil, let position = member.keyPosition {
                    occurrences[member.key]?.append(position)
                }
                var copy = member
                copy.node = clean(member.node, pointer: pointer + "/" + member.key.jsonPointerEscaped, into: &diagnostics)
                kept.append(copy)
            }
            for (key, positions) in occurrences.sorted(by: { $0.key < $1.key }) {
                let ordered = positions.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
                for position in ordered.dropFirst() {
                    diagnostics.append(CaseNodeDiagnostics.duplicateKey(
                        key, pointer: pointer + "/" + key.jsonPointerEscaped, at: position))
                }
            }
            return CaseNode(.object(kept), at: node.position)
        default:
            return node
        }
    }
}
