/// Fills `<checklist catalogue="…">` with the named catalogue of the municipality profile.
enum CatalogueResolver {
    static func resolve(_ items: [FlowItem], profile: MunicipalityProfile) throws(TemplateError) -> [FlowItem] {
        var out: [FlowItem] = []
        for item in items { out.append(try resolve(item, profile: profile)) }
        return out
    }

    private static func resolve(_ item: FlowItem, profile: MunicipalityProfile) throws(TemplateError) -> FlowItem {
        switch item {
        case .checklist(var list):
            guard let name = list.catalogue else { return item }
            guard let catalogue = profile.catalogues[name] else {
                let known = profile.catalogues.keys.sorted().joined(separator: ", ")
                throw TemplateError(.unknownCatalogue, at: list.location,
                                    "\(profile.file) has no catalogue \"\(name)\" (it has: \(known.isEmpty ? "none" : known))")
            }
            list.groups = catalogue.groups
            return .checklist(list)
        case .block(var block):
            block.content = try resolve(block.content, profile: profile)
            return .block(block)
        case .repeating(var r):
            r.content = try resolve(r.content, profile: profile)
            return .repeating(r)
        case .conditional(var c):
            c.content = try resolve(c.content, profile: profile)
            return .conditional(c)
        case .table(var table):
            var rows: [TableRowItem] = []
            for row in table.rows { rows.append(try resolve(row, profile: profile)) }
            table.rows = rows
            return .table(table)
        default:
            return item
        }
    }

    private static func resolve(_ row: TableRowItem, profile: MunicipalityProfile) throws(TemplateError) -> TableRowItem {
        switch row {
        case .row(var r):
            var cells: [TemplateTableCell] = []
            for var cell in r.cells {
                cell.content = try resolve(cell.content, profile: profile)
                cells.append(cell)
            }
            r.cells = cells
            return .row(r)
        case .repeating(var r):
            var content: [TableRowItem] = []
            for c in r.content { content.append(try resolve(c, profile: profile)) }
            r.content = content
            return .repeating(r)
        case .conditional(var c):
            var content: [TableRowItem] = []
            for x in c.content { content.append(try resolve(x, profile: profile)) }
            c.content = content
            return .conditional(c)
        }
    }
}
