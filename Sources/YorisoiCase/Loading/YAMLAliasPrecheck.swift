/// Looks at the YAML text for alias references (`*name`) before Yams composes it.
///
/// Why: Yams checks duplicate keys by hashing key nodes, and an alias in key position hashes the
/// whole expanded tree it points to — an alias bomb used as a key hangs the composer before any
/// limit of ours can act. Aliases as values are safe to compose (shared, not copied) and are
/// bounded later by `LoadLimits.maxValues`.
///
/// The scan is textual and errs on the side of refusing: an asterisk that merely looks like an
/// alias inside quoted text counts too. Case files have no need for aliases at all.
struct YAMLAliasPrecheck {
    let limits: LoadLimits

    func check(_ text: String) throws(ReadFailure) {
        // Almost every case file has no asterisk at all.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        let scalars = Array(text.unicodeScalars)
        var aliases: [(index: Int, position: SourcePosition)] = []
        var riskyKeyPositions: [SourcePosition] = []
        var line = 1, column = 1
        var atLineStart = true  // only indentation seen so far on this line
        for (i, scalar) in scalars.enumerated() {
            let previous: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            let startsNode = previous.map { Self.isBlank($0) || "[{,".unicodeScalars.contains($0) } ?? true
            if scalar == "*", startsNode, let next, !Self.isBlank(next), !Self.isFlowIndicator(next) {
                aliases.append((i, SourcePosition(line: line, column: column)))
                if aliases.count > limits.maxAliases {
                    throw ReadFailure(code: .e011, position: SourcePosition(line: line, column: column),
                                      message: "YAML のエイリアス（*名前）が多すぎます（上限 \(limits.maxAliases) 個）",
                                      messageEN: "more than \(limits.maxAliases) YAML aliases")
                }
            }
            // Places where a complex (non-scalar) key may start: "? " and "]:" / "}:".
            if scalar == "?", atLineStart || previous == " ", next == nil || next.map(Self.isBlank) == true {
                riskyKeyPositions.append(SourcePosition(line: line, column: column))
            }
            if scalar == "]" || scalar == "}", Self.colonFollows(scalars, after: i) {
                riskyKeyPositions.append(SourcePosition(line: line, column: column))
            }
            if scalar == "\n" {
                line += 1
                column = 1
                atLineStart = true
            } else {
                column += 1
                if scalar != " " && scalar != "-" { atLineStart = false }
            }
        }
        guard !aliases.isEmpty else { return }
        for alias in aliases {
            var end = alias.index + 1
            while end < scalars.count, !Self.isBlank(scalars[end]), !Self.isFlowIndicator(scalars[end]) { end += 1 }
            if Self.colonFollows(scalars, after: end - 1) { throw Self.aliasAsKey(at: alias.position) }
        }
        if let first = riskyKeyPositions.first { throw Self.aliasAsKey(at: first) }
    }

    private static func aliasAsKey(at position: SourcePosition) -> ReadFailure {
        ReadFailure(code: .e011, position: position,
                    message: "YAML のエイリアス（*名前）を含むファイルでは、エイリアスや複合キーをキーに使えません",
                    messageEN: "YAML aliases cannot be used as keys (and complex keys are refused in files with aliases)")
    }

    /// True when, after `index`, optional spaces lead to a ':' that ends a key.
    private static func colonFollows(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        var i = index + 1
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        guard i < scalars.count, scalars[i] == ":" else { return false }
        let after = i + 1 < scalars.count ? scalars[i + 1] : nil
        return after.map { isBlank($0) || isFlowIndicator($0) } ?? true
    }

    private static func isBlank(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\n" || s == "\r"
    }

    private static func isFlowIndicator(_ s: Unicode.Scalar) -> Bool {
        s == "," || s == "[" || s == "]" || s == "{" || s == "}"
    }
}
