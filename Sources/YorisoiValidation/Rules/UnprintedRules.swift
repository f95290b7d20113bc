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
        for member in members where sections.contains(member.key) {
            visit(member.node, tokens: [member.key], root: root, into: &findings, context: context)
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

    private func visit(_ node: CaseNode, tokens: [String], root: CaseNode, into findings: inout Findings,
                       context: ValidationContext) {
        if let declaration = context.unprinted.first(where: { covers($0, tokens, root: root) }) {
            guard node.holdsValue else { return }
            let pointer = "/" + tokens.map(\.jsonPointerEscaped).joined(separator: "/")
            findings.addAtValue(.w120, pointer,
                                "この値はこの様式には印刷されません（\(declaration.reason)）。必要なら別の様式か記録で伝えてください",
                                "this value is not printed on this form (\(declaration.path)); the template gives its reason")
            return
        }
        switch node.value {
        case .array(let items):
            for (index, item) in items.enumerated() { visit(item, tokens: tokens + [String(index)], root: root, into: &findings, context: context) }
        case .object(let members):
            for member in members { visit(member.node, tokens: tokens + [member.key], root: root, into: &findings, context: context) }
        default:
            break
        }
    }
}
