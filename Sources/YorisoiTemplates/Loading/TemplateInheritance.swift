/// Applies `extends`: the base template's tree with the extending template's named blocks put
/// in place of the base blocks of the same name (wherever they sit: body, cells, loops), and its
/// header, footer and root settings taking precedence where given.
enum TemplateInheritance {
    static func merge(base: TemplateDocument, child: TemplateDocument) throws(TemplateError) -> TemplateDocument {
        var replacements: [String: TemplateBlock] = [:]
        for item in child.body {
            guard case .block(let block) = item, let name = block.name else {
                throw TemplateError(.inheritance, at: child.location,
                                    "a template that extends another may only contain named <block>s, <header> and <footer>")
            }
            replacements[name] = block
        }
        var used: Set<String> = []
        let body = replace(in: base.body, with: replacements, used: &used)
        let header = base.header.map { replace(in: $0, with: replacements, used: &used) }
        let footer = base.footer.map { replace(in: $0, with: replacements, used: &used) }
        for item in child.body {
            if case .block(let block) = item, let name = block.name, !used.contains(name) {
                throw TemplateError(.inheritance, at: block.location,
                                    "block \"\(name)\" does not exist in the base template \(base.file)")
            }
        }
        var merged = base
        merged.file = child.file
        merged.location = child.location
        merged.kind = child.kind
        merged.kindLocation = child.kindLocation
        merged.extends = nil
        merged.title = child.title ?? base.title
        merged.pageSize = child.pageSize ?? base.pageSize
        merged.orientation = child.orientation ?? base.orientation
        merged.margins = child.margins ?? base.margins
        merged.style = child.style.inheriting(base.style)
        merged.lineHeight = child.lineHeight ?? base.lineHeight
        merged.header = child.header ?? header
        merged.footer = child.footer ?? footer
        merged.body = body
        merged.sources = [child.file] + base.sources
        merged.unprinted = child.unprinted ?? base.unprinted
        return merged
    }

    private static func replace(in items: [FlowItem], with replacements: [String: TemplateBlock],
                                used: inout Set<String>) -> [FlowItem] {
        items.map { replace($0, with: replacements, used: &used) }
    }

    private static func replace(_ item: FlowItem, with replacements: [String: TemplateBlock],
                                used: inout Set<String>) -> FlowItem {
        switch item {
        case .block(var block):
            if let name = block.name, let replacement = replacements[name] {
                used.insert(name)
                return .block(replacement)
            }
            block.content = replace(in: block.content, with: replacements, used: &used)
            return .block(block)
        case .table(var table):
            table.rows = table.rows.map { replace($0, with: replacements, used: &used) }
            return .table(table)
        case .repeating(var r):
            r.content = replace(in: r.content, with: replacements, used: &used)
            return .repeating(r)
        case .conditional(var c):
            c.content = replace(in: c.content, with: replacements, used: &used)
            return .conditional(c)
        default:
            return item
        }
    }

    private static func replace(_ row: TableRowItem, with replacements: [String: TemplateBlock],
                                used: inout Set<String>) -> TableRowItem {
        switch row {
        case .row(var r):
            r.cells = r.cells.map { cell in
                var copy = cell
                copy.content = replace(in: cell.content, with: replacements, used: &used)
                return copy
            }
            return .row(r)
        case .repeating(var r):
            r.content = r.content.map { replace($0, with: replacements, used: &used) }
            return .repeating(r)
        case .conditional(var c):
            c.content = c.content.map { replace($0, with: replacements, used: &used) }
            return .conditional(c)
        }
    }
}
