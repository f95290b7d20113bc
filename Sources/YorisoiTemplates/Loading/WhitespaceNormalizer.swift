/// XML indentation is not text. A run of white space that contains a line break disappears
/// between two Japanese characters (Japanese has no inter-word spaces) and becomes one space
/// between Latin ones; spaces on a single line are kept as written, and 全角 spaces (U+3000) are
/// never touched: forms use them deliberately (「氏　名」).
enum WhitespaceNormalizer {
    static func normalize(_ interpolation: Interpolation) -> Interpolation {
        Interpolation(interpolation.segments.compactMap { segment in
            guard case .literal(let text) = segment else { return segment }
            let collapsed = collapse(text)
            return collapsed.isEmpty ? nil : .literal(collapsed)
        })
    }

    static func collapse(_ text: String) -> String {
        var out = ""
        var pending = ""
        var pendingHasBreak = false
        func flush(before next: Character?) {
            defer { pending = ""; pendingHasBreak = false }
            guard !pending.isEmpty else { return }
            guard pendingHasBreak else { out += pending; return }
            // A break at either edge of the run, or between two wide characters, vanishes.
            guard let previous = out.last, let next else { return }
            if isWide(previous) || isWide(next) { return }
            out += " "
        }
        for c in text {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" {
                pending.append(c)
                if c == "\n" || c == "\r" || c == "\r\n" { pendingHasBreak = true }
            } else {
                flush(before: c)
                out.append(c)
            }
        }
        flush(before: nil)
        return out
    }

    /// Drops spaces at the very start and end of a paragraph.
    static func trimEdges(_ inlines: [TemplateInline]) -> [TemplateInline] {
        var result = inlines
        if case .text(let i, let l)? = result.first, case .literal(let s)? = i.segments.first {
            var segments = i.segments
            let trimmed = String(s.drop(while: { $0 == " " || $0 == "\t" }))
            if trimmed.isEmpty { segments.removeFirst() } else { segments[0] = .literal(trimmed) }
            if segments.isEmpty { result.removeFirst() } else { result[0] = .text(Interpolation(segments), l) }
        }
        if case .text(let i, let l)? = result.last, case .literal(let s)? = i.segments.last {
            var segments = i.segments
            var trimmed = Substring(s)
            while let c = trimmed.last, c == " " || c == "\t" { trimmed.removeLast() }
            if trimmed.isEmpty { segments.removeLast() } else { segments[segments.count - 1] = .literal(String(trimmed)) }
            if segments.isEmpty { result.removeLast() } else { result[result.count - 1] = .text(Interpolation(segments), l) }
        }
        return result
    }

    private static func isWide(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        return scalar.value >= 0x2E80
    }
}
