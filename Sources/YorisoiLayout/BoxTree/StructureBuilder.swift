public import YorisoiDisplayList
import YorisoiText

/// The document's logical structure (PDF tags), read off the box tree before layout: the body's
/// blocks in template order become structure elements, and each block that prints something
/// gets a reference that layout stamps on the items it draws. The order of the tree is the
/// template's order, whatever the geometry (a label set to the right of its value, a table row
/// continued on the next page).
///
/// Block kinds → roles (docs/tagged-pdf.md):
///   paragraph → P, or H1/H2 when set large (≥ 1.3 × the default size) or as the template says
///   table with header rows or label cells → Table / TR / TH (header row: Scope Column; label
///     cell: Scope Row) / TD; a table with neither is a layout grid → Div (its cells' content in order)
///   checklist → L / LI / Lbl (「チェックあり」「チェックなし」) / LBody; a lone check box → L with one LI
///   signature line, date blank → P; scale → Figure with /Alt (label, value, range)
///   group, columns, framed → transparent (their blocks go to the enclosing element)
///   spacer, rule, page break, bookmark → nothing (rules are artifacts)
/// Headers and footers are not walked: their content stays unreferenced and is written as
/// artifacts (running heads, page numbers).
public struct StructureBuilder {
    public private(set) var tree = StructureTree()
    private let defaultSize: Double
    private var headingsSoFar = 0

    /// Announced by a check box's label (Lbl) element: what paper shows as the tick.
    public static let checkedText = "チェックあり"
    public static let uncheckedText = "チェックなし"
    /// A paragraph set this much larger than the default is a heading.
    static let headingScale = 1.3

    public init(defaultSize: Double) { self.defaultSize = defaultSize }

    /// The body with references set, and the tree they point into.
    public static func build(_ body: [Block], defaultSize: Double) -> ([Block], StructureTree) {
        var builder = StructureBuilder(defaultSize: defaultSize)
        let root = builder.tree.root
        let blocks = body.map { builder.visit($0, under: root) }
        return (blocks, builder.tree)
    }

    mutating func visit(_ block: Block, under parent: StructureRef) -> Block {
        switch block {
        case .paragraph(var paragraph):
            switch role(of: paragraph) {
            case .artifact: paragraph.structure = nil
            case .paragraph: paragraph.structure = tree.add(.paragraph, under: parent)
            case .heading(let level): paragraph.structure = tree.add(.heading(level: level), under: parent)
            }
            return .paragraph(paragraph)
        case .table(var table):
            let isDataTable = table.rows.contains { row in row.isHeader || row.cells.contains(where: \.keepsWhole) }
            if !isDataTable {
                let grid = tree.add(.division, under: parent)
                for r in table.rows.indices {
                    for c in table.rows[r].cells.indices {
                        table.rows[r].cells[c].content = table.rows[r].cells[c].content.map { visit($0, under: grid) }
                    }
                }
                return .table(table)
            }
            let element = tree.add(.table, under: parent)
            for r in table.rows.indices {
                let row = tree.add(.tableRow, under: element)
                let isHeader = table.rows[r].isHeader
                for c in table.rows[r].cells.indices {
                    let cell = table.rows[r].cells[c]
                    let scope: TableHeaderScope? = isHeader ? .column : cell.keepsWhole ? .row : nil
                    let ref = tree.add(scope == nil ? .tableData : .tableHeader, under: row, scope: scope,
                                       rowSpan: cell.rowspan, columnSpan: cell.colspan)
                    table.rows[r].cells[c].content = cell.content.map { visit($0, under: ref) }
                }
            }
            return .table(table)
        case .group(var group):
            group.blocks = group.blocks.map { visit($0, under: parent) }
            return .group(group)
        case .columns(var columns):
            for index in columns.columns.indices {
                columns.columns[index].blocks = columns.columns[index].blocks.map { visit($0, under: parent) }
            }
            return .columns(columns)
        case .framed(var framed):
            framed.blocks = framed.blocks.map { visit($0, under: parent) }
            return .framed(framed)
        case .checkList(var list):
            let element = tree.add(.list, under: parent)
            for index in list.items.indices {
                list.items[index].structure = addItem(checked: list.items[index].checked, under: element)
            }
            return .checkList(list)
        case .checkBox(var box):
            box.structure = addItem(checked: box.checked, under: tree.add(.list, under: parent))
            return .checkBox(box)
        case .signatureLine(var line):
            line.structure = tree.add(.paragraph, under: parent)
            return .signatureLine(line)
        case .dateBlank(var date):
            date.structure = tree.add(.paragraph, under: parent)
            return .dateBlank(date)
        case .scale(var scale):
            scale.structure = tree.add(.figure, under: parent, alt: Self.alt(of: scale))
            return .scale(scale)
        case .spacer, .rule, .pageBreak, .bookmark:
            return block
        }
    }

    /// LI, then its Lbl (announcing the state) and LBody: the LI's reference, the other two follow it.
    private mutating func addItem(checked: Bool, under list: StructureRef) -> StructureRef {
        let item = tree.add(.listItem, under: list)
        tree.add(.label, under: item, actualText: checked ? Self.checkedText : Self.uncheckedText)
        tree.add(.listBody, under: item)
        return item
    }

    private mutating func role(of paragraph: ParagraphBlock) -> ParagraphRole {
        if let role = paragraph.role { return role }
        let size = paragraph.content.map { inline -> Double in
            switch inline {
            case .text(let span), .underlined(let span): return span.text.isEmpty ? 0 : span.style.size
            case .pageNumber, .pageCount: return 0
            }
        }.max() ?? 0
        guard size >= defaultSize * Self.headingScale else { return .paragraph }
        // The first large line is the document's title; later ones head its parts.
        headingsSoFar += 1
        return .heading(level: headingsSoFar == 1 ? 1 : 2)
    }

    /// What a scale shows, for a reader who cannot see the pointer: 「満足度：75（0〜100）」.
    static func alt(of scale: ScaleBlock) -> String {
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        let range = "\(number(scale.minimum))〜\(number(scale.maximum))"
        let value = scale.value.map(number) ?? "記入なし"
        return "\(scale.label ?? "目盛り")：\(value)（\(range)）"
    }
}

extension Strip {
    /// Every glyph run (and, for a figure, every path) not yet stamped, stamped as `ref`'s content.
    func stamped(_ ref: StructureRef?, includingDrawings: Bool = false) -> Strip {
        guard let ref else { return self }
        var copy = self
        copy.items = items.map { $0.stamped(ref, includingDrawings: includingDrawings) }
        return copy
    }

    /// The strip with its structure references removed: a repeated table header is furniture
    /// the second time (read once, where the table starts).
    var unstamped: Strip {
        var copy = self
        copy.items = items.map { item in
            switch item {
            case .glyphRun(var run):
                run.structure = nil
                return .glyphRun(run)
            case .path(var path, let stroke, let fill):
                path.structure = nil
                return .path(path, stroke: stroke, fill: fill)
            case .line, .rectangle:
                return item
            }
        }
        return copy
    }
}
