import YorisoiCase
import YorisoiTemplates

/// W120: a filled value the chosen form does not print. The template declares such values in
/// `<unprinted>` with its reason; staff learn before hand-over that the family will not see them
/// on this form. One finding per declared value that holds something (a whole `family` list is
/// one finding, at /family), at that value's own pointer.
struct UnprintedRules {
    let kind: DocumentKind

    func check(_ root: CaseNode, into findings: inout Findings, context: ValidationContext) {
        guard !context.unprinted.isEmpty, case .object(let members) = root.value else { return }
        let sections = GlyphRules.printedSections(for: kind)
        let all = Array(context.unprinted.indices)
        for member in members where sections.contains(member.key) {
            visit(member.node, tokens: [member.key], candidates: all, root: root, into: &findings, context: context)
        }
    }

    /// Whether `declaration` covers the value at `tokens`, leaving out the list item its
    /// `except-index` names (the notice's addressee).
    private func covers(_ declaration: UnprintedValue, _ tokens: [String], root: CaseNode) -> Bool {
        guard declaration.path.covers(tokens) else { return false }
        guard let except = declaration.exceptIndex?.plainPointer,
              let index = declaration.path.firstItemIndex(in: tokens),
              case .integer(let printed)? = root.resolve(pointer: except)?.value else { return true }
        return index != printed
    }

    /// `candidates`: the declarations (indices into `context.unprinted`, in their order) whose
    /// patterns admit every token above this value. Only they can cover it or anything under it,
    /// so a part of the case no declaration reaches is not walked at all (most of it: the walk
    /// of every value was 2.8% of a batch's instructions).
    private func visit(_ node: CaseNode, tokens: [String], candidates: [Int], root: CaseNode,
                       into findings: inout Findings, context: ValidationContext) {
        let depth = tokens.count - 1
        let candidates = candidates.filter { context.unprinted[$0].path.admits(tokens[depth], at: depth) }
        guard !candidates.isEmpty else { return }
        if let index = candidates.first(where: { covers(context.unprinted[$0], tokens, root: root) }) {
            guard node.holdsValue else { return }
            let declaration = context.unprinted[index]
            let pointer = "/" + tokens.map(\.jsonPointerEscaped).joined(separator: "/")
            findings.addAtValue(.w120, pointer,
                                "この値はこの様式には印刷されません（\(declaration.reason)）。必要なら別の様式か記録で伝えてください",
                                "this value is not printed on this form (\(declaration.path)); the template gives its reason")
            return
        }
        // A declaration whose whole pattern is matched here and still does not cover this value
        // (its `except-index` item) covers nothing under it either: only longer ones go on.
        let deeper = candidates.filter { context.unprinted[$0].path.steps.count > tokens.count }
        guard !deeper.isEmpty else { return }
        switch node.value {
        case .array(let items):
            for (index, item) in items.enumerated() {
                visit(item, tokens: tokens + [String(index)], candidates: deeper, root: root, into: &findings, context: context)
            }
        case .object(let members):
            for member in members {
                visit(member.node, tokens: tokens + [member.key], candidates: deeper, root: root, into: &findings, context: context)
            }
        default:
            break
        }
    }
}
