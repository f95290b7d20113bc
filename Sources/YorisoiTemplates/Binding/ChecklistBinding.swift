import Foundation

/// Which boxes of a check list are ticked for a case's selected values, and what goes into the
/// 「その他（　）」 write-in.
///
/// Matching ignores white space and full-/half-width differences (NFKC), so 「ベビーシッター（民間）」
/// in a case ticks 「ベビーシッター(民間)」 in the catalogue. Values that match no option are written,
/// joined with 「、」, into the 「その他」 write-in (see `otherWriteIn`) and tick it; with no write-in option they are
/// returned in `unmatched` for the caller to report — never dropped silently.
public struct ChecklistState: Sendable, Hashable {
    public struct Group: Sendable, Hashable {
        public var label: String?
        public var options: [Option]
    }

    public struct Option: Sendable, Hashable {
        public var label: String
        public var isChecked: Bool
        public var isWriteIn: Bool
        /// The text written into a write-in option (empty when none).
        public var writeIn: String
    }

    public var groups: [Group]
    public var unmatched: [String]

    public static func bind(_ checklist: TemplateChecklist, selected: [String]) -> ChecklistState {
        bind(groups: checklist.groups, selected: selected)
    }

    public static func bind(_ checklist: TemplateChecklist, in scope: EvaluationScope) throws(TemplateError) -> ChecklistState {
        let selected = try checklist.bind.map { expression throws(TemplateError) in texts(try scope.evaluate(expression)) } ?? []
        let also = try checklist.alsoTicks.map { expression throws(TemplateError) in texts(try scope.evaluate(expression)) } ?? []
        return Self.bind(groups: checklist.groups, selected: selected, alsoTicking: also)
    }

    private static func texts(_ value: BoundValue) -> [String] {
        switch value.value {
        case .array(let nodes): return nodes.map { BoundValue($0).text }.filter { !$0.isEmpty }
        case .null: return []
        default: return value.text.isEmpty ? [] : [value.text]
        }
    }

    /// `alsoTicking`: values that tick a matching option and are otherwise let go (see
    /// `TemplateChecklist.alsoTicks`).
    static func bind(groups: [ChecklistGroup], selected: [String], alsoTicking: [String] = []) -> ChecklistState {
        let wanted = selected.map(normalise)
        let also = Set(alsoTicking.map(normalise))
        var used = Set<Int>()
        var result = groups.map { group in
            Group(label: group.label, options: group.options.map { option in
                let keys = ([option.label] + option.aliases).filter { !$0.isEmpty }.map(normalise)
                var checked = false
                for (i, w) in wanted.enumerated() where keys.contains(w) {
                    checked = true
                    used.insert(i)
                }
                if !option.isWriteIn, keys.contains(where: also.contains) { checked = true }
                return Option(label: option.label, isChecked: checked, isWriteIn: option.isWriteIn, writeIn: "")
            })
        }
        let leftovers = selected.enumerated().filter { !used.contains($0.offset) }.map(\.element)
        guard !leftovers.isEmpty else { return ChecklistState(groups: result, unmatched: []) }
        guard let (g, o) = otherWriteIn(result) else { return ChecklistState(groups: result, unmatched: leftovers) }
        result[g].options[o].isChecked = true
        result[g].options[o].writeIn = leftovers.joined(separator: "、")
        return ChecklistState(groups: result, unmatched: [])
    }

    /// Where a value that matches no option is written: the write-in of the 「その他」 group, else
    /// a write-in labelled 「その他」, else the last group's write-in — never the first group's
    /// blank line, which belongs to an unrelated topic (家事・育児).
    static func otherWriteIn(_ groups: [Group]) -> (Int, Int)? {
        func isOther(_ label: String?) -> Bool {
            guard let label else { return false }
            let key = normalise(label)
            return key.hasPrefix("その他") || key.hasPrefix("そのほか")
        }
        for g in groups.indices where isOther(groups[g].label) {
            if let o = groups[g].options.lastIndex(where: \.isWriteIn) { return (g, o) }
        }
        for g in groups.indices {
            if let o = groups[g].options.firstIndex(where: { $0.isWriteIn && isOther($0.label) }) { return (g, o) }
        }
        for g in groups.indices.reversed() {
            if let o = groups[g].options.lastIndex(where: \.isWriteIn) { return (g, o) }
        }
        return nil
    }

    static func normalise(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping.filter { !$0.isWhitespace }
    }
}
