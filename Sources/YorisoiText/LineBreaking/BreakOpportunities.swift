/// Where a line may end: JLREQ 禁則 (strict) and 分離禁止, decided between two adjacent clusters.
enum BreakOpportunities {
    /// Whether a line may end after `a` with `b`, the cluster right after it, starting the next line.
    static func allowed(between a: ClusterMetrics, _ b: ClusterMetrics) -> Bool {
        // Spaces stay on the line they follow (they hang at its end), so never break before one.
        if b.isWesternSpace { return false }
        // 行頭禁則: 」。、ー っ … may not start a line, even after a space.
        if !b.jlreqClass.mayStartLine { return false }
        if a.isWesternSpace { return true }
        // 行末禁則: 「（ may not end a line.
        if !a.jlreqClass.mayEndLine { return false }
        // 分離禁止: a Western word or number (1,234.5, PDF/A, $5) is one unit.
        if a.isWesternRunMember && b.isWesternRunMember { return false }
        // 分離禁止: —— …… ‥‥.
        if b.repeatsInseparable { return false }
        // 分離禁止: ￥ + number, number + ％ (full-width forms; half-width ones are Western-run members).
        if a.jlreqClass == .prefixedAbbreviation && b.jlreqClass == .groupedNumeral { return false }
        if a.jlreqClass == .groupedNumeral && b.jlreqClass == .postfixedAbbreviation { return false }
        return true
    }

    /// `result[i]` says whether a line may start at cluster `i` (break between `i - 1` and `i`);
    /// `result[0]` is unused (true).
    static func compute(_ metrics: [ClusterMetrics]) -> [Bool] {
        var result = [Bool](repeating: true, count: metrics.count)
        for i in metrics.indices.dropFirst() {
            result[i] = allowed(between: metrics[i - 1], metrics[i])
        }
        return result
    }
}
