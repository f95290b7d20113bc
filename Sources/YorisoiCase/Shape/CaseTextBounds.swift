internal import YorisoiUnicode

/// Bounds on a case's text, checked as soon as its value tree exists and before anything walks
/// the text (validation's glyph coverage, shaping, line breaking): a case over a bound gets one
/// error and no further work, so its cost stays bounded whatever it holds.
///
/// - E012: more text than `maxExpandedBytes` once YAML aliases are expanded (one long scalar
///   aliased many times); the pointer is the use that crosses the limit.
/// - E014: more text than `maxTextBytes`, what one document may print; the pointer is the
///   longest field, the one to shorten first.
/// - E015: a grapheme cluster of more than `maxClusterScalars` scalars ('あ' and thousands of
///   U+3099); the pointer is the field holding it.
///
/// Messages give sizes and limits only, never the text.
struct CaseTextBounds {
    let limits: LoadLimits

    /// The case as loaded when `root` is over a bound: no tree, one diagnostic. nil when the
    /// case is within every bound.
    static func refusal(of root: CaseNode, limits: LoadLimits, source: String, line: Int?) -> LoadedCase? {
        guard let bound = CaseTextBounds(limits: limits).check(root) else { return nil }
        return LoadedCase(source: source, line: line, root: nil, typed: nil, diagnostics: [bound])
    }

    /// The first bound `root` passes, as a diagnostic whose pointer names unknown keys by place
    /// (redacted from the raw pointer, before `Diagnostic` masks what it cannot show).
    func check(_ root: CaseNode) -> Diagnostic? {
        // Made only for a case that is refused: the walk over every key costs more than the check.
        var redaction: UnknownKeyRedaction { UnknownKeyRedaction(root: root) }
        var totals = Totals()
        var path: [Step] = []
        if let crossing = walk(root, path: &path, totals: &totals) {
            return Diagnostic(.e012, path: redaction.redact(crossing.pointer), at: crossing.position,
                              message: "YAML のエイリアスを展開すると文字が多すぎます（上限 \(limits.maxExpandedBytes / 1_048_576) MB）",
                              messageEN: "more than \(limits.maxExpandedBytes) bytes of text once YAML aliases are expanded")
        }
        if totals.textBytes > limits.maxTextBytes, let longest = totals.longest {
            return Diagnostic(.e014, path: redaction.redact(longest.pointer), at: longest.position,
                              message: "ケースの文字が多すぎます（\(totals.textBytes / 1024) KB、上限 \(limits.maxTextBytes / 1024) KB）。最も長いのはこの項目です",
                              messageEN: "the case holds \(totals.textBytes) bytes of text, more than the \(limits.maxTextBytes) a document may print; this is the longest field")
        }
        // Only now, with the text known to be small, is every cluster looked at.
        if let long = firstLongCluster(root, path: &path) {
            return Diagnostic(.e015, path: redaction.redact(long.pointer), at: long.position,
                              message: "結合文字などが長く続きすぎる文字があります（1文字に \(long.scalars) 個の符号位置、上限 \(limits.maxClusterScalars) 個）",
                              messageEN: "a character (grapheme cluster) of \(long.scalars) code points, more than \(limits.maxClusterScalars)")
        }
        return nil
    }

    /// Where the walk is: pointers are spelt only for the places reported, not for every value
    /// passed (spelling them was most of a case's check).
    private enum Step {
        case index(Int)
        case key(String)
    }

    private static func pointer(_ path: [Step]) -> String {
        var pointer = ""
        for step in path {
            switch step {
            case .index(let index): pointer += "/\(index)"
            case .key(let key): pointer += "/" + key.jsonPointerEscaped
            }
        }
        return pointer
    }

    private struct Place {
        var pointer: String
        var position: SourcePosition?
        var scalars = 0
    }

    private struct Totals {
        var expandedBytes = 0
        var textBytes = 0
        var longest: Place?
        var longestBytes = 0
    }

    /// Adds up the text; returns the place where the expanded size first passes its limit.
    private func walk(_ node: CaseNode, path: inout [Step], totals: inout Totals) -> Place? {
        switch node.value {
        case .string(let text):
            let bytes = text.utf8.count
            totals.expandedBytes += bytes
            totals.textBytes += bytes
            if bytes > totals.longestBytes {
                totals.longestBytes = bytes
                totals.longest = Place(pointer: Self.pointer(path), position: node.position)
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                defer { path.removeLast() }
                if let crossing = walk(item, path: &path, totals: &totals) { return crossing }
            }
        case .object(let members):
            for member in members {
                totals.expandedBytes += member.key.utf8.count
                path.append(.key(member.key))
                defer { path.removeLast() }
                if let crossing = walk(member.node, path: &path, totals: &totals) { return crossing }
            }
        case .null, .bool, .integer, .double:
            break
        }
        return totals.expandedBytes > limits.maxExpandedBytes ? Place(pointer: Self.pointer(path), position: node.position) : nil
    }

    private func firstLongCluster(_ node: CaseNode, path: inout [Step]) -> Place? {
        switch node.value {
        case .string(let text):
            guard let scalars = longestCluster(in: text), scalars > limits.maxClusterScalars else { return nil }
            return Place(pointer: Self.pointer(path), position: node.position, scalars: scalars)
        case .array(let items):
            for (index, item) in items.enumerated() {
                path.append(.index(index))
                defer { path.removeLast() }
                if let found = firstLongCluster(item, path: &path) { return found }
            }
        case .object(let members):
            for member in members {
                path.append(.key(member.key))
                defer { path.removeLast() }
                if let found = firstLongCluster(member.node, path: &path) { return found }
            }
        case .null, .bool, .integer, .double:
            break
        }
        return nil
    }

    /// The most scalars in one grapheme cluster of `text`, or nil when no cluster can reach the
    /// limit (fewer scalars than the limit in all): most values are short and skip the walk.
    private func longestCluster(in text: String) -> Int? {
        guard text.utf8.count > limits.maxClusterScalars else { return nil }
        // A cluster holds at most one scalar that stands alone (CR LF, two in all, excepted;
        // `standsAloneInGraphemeClusters`), so a cluster of n scalars holds a run of at least
        // (n − 1) / 2 scalars that do not. When every such run is shorter, every cluster is
        // within the limit: no grapheme breaking.
        var run = 0, longestRun = 0
        for scalar in text.unicodeScalars {
            if scalar.standsAloneInGraphemeClusters { run = 0 } else { run += 1; longestRun = max(longestRun, run) }
        }
        guard 2 * longestRun + 2 > limits.maxClusterScalars else { return nil }
        var longest = 0
        for character in text {
            longest = max(longest, character.unicodeScalars.count)
        }
        return longest
    }
}
