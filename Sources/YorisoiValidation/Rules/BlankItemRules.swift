import YorisoiCase

/// W022: a list item every field of which is empty — the blank row a spreadsheet export leaves —
/// is skipped (the kind's rules and the form pass over it) and said so once, at its pointer. A
/// partly filled item is not blank and gets the kind's errors at its own fields.
struct BlankItemRules {
    func check(_ root: CaseNode, into findings: inout Findings) {
        visit(root, pointer: "", into: &findings)
    }

    private func visit(_ node: CaseNode, pointer: String, into findings: inout Findings) {
        switch node.value {
        case .array(let items):
            for (index, item) in items.enumerated() {
                let path = pointer + "/\(index)"
                if case .object = item.value, item.isBlankListItem {
                    findings.add(.w022, path, "空の行（すべての項目が空）を読み飛ばしました",
                                 "a list item with every field empty was skipped")
                } else {
                    visit(item, pointer: path, into: &findings)
                }
            }
        case .object(let members):
            for member in members { visit(member.node, pointer: pointer + "/" + member.key.jsonPointerEscaped, into: &findings) }
        default:
            break
        }
    }
}
