/// "Did you mean" for unknown keys: the closest known key by edit distance, if close enough.
enum KeySuggestion {
    static func closest(to key: String, among candidates: [String]) -> String? {
        let typed = Array(key.lowercased().unicodeScalars)
        var best: (key: String, distance: Int)?
        for candidate in candidates {
            let allowed = allowedDistance(for: candidate)
            let target = Array(candidate.unicodeScalars)
            // Lengths further apart than the allowed edits can never match: skip the table.
            guard abs(target.count - typed.count) <= allowed else { continue }
            let distance = editDistance(typed, target)
            if distance <= allowed, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.key
    }

    /// One edit for short keys, up to a third of the length (at most 3) for long ones.
    private static func allowedDistance(for key: String) -> Int {
        max(1, min(3, key.count / 3))
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit (optimal string
    /// alignment), kept to three rows so a file full of unknown keys stays cheap.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
