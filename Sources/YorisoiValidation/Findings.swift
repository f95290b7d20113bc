import YorisoiCase

/// Collects the diagnostics of one rule run, placing each at the best source position the raw
/// tree offers: the key of a field that is there but empty or wrong, or the nearest existing
/// parent key for a field that is missing.
struct Findings {
    let root: CaseNode
    private(set) var items: [Diagnostic] = []

    init(root: CaseNode) {
        self.root = root
    }

    mutating func add(_ code: DiagnosticCode, _ path: String, _ message: String, _ messageEN: String) {
        items.append(Diagnostic(code, path: path, at: root.position(nearest: path), message: message, messageEN: messageEN))
    }

    /// True when the file has a non-null value at `path`, even one of the wrong type: a "missing"
    /// warning would only repeat the type error already reported for it.
    func isWritten(_ path: String) -> Bool {
        guard let node = root.resolve(pointer: path) else { return false }
        return node.value != .null
    }

    /// True for a list item every field of which is empty: rules skip it (W022 says so once).
    func isBlankItem(_ path: String) -> Bool {
        root.resolve(pointer: path)?.isBlankListItem ?? false
    }

    /// Drops the diagnostics added after the first `count` that `matches` selects.
    mutating func removeAdded(since count: Int, where matches: (Diagnostic) -> Bool) {
        let added = items[count...].filter { !matches($0) }
        items.removeSubrange(count...)
        items.append(contentsOf: added)
    }

    /// At the value itself (its first character) rather than its key.
    mutating func addAtValue(_ code: DiagnosticCode, _ path: String, _ message: String, _ messageEN: String) {
        let position = root.resolve(pointer: path)?.position ?? root.position(nearest: path)
        items.append(Diagnostic(code, path: path, at: position, message: message, messageEN: messageEN))
    }
}

extension Optional where Wrapped == String {
    /// Nothing written: nil, empty, or only whitespace (full-width spaces included).
    var isBlank: Bool {
        guard let self else { return true }
        return self.allSatisfy { $0.isWhitespace }
    }
}
