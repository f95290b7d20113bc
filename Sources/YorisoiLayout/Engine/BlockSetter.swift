import YorisoiDisplayList
import YorisoiText

/// What the paginator places: strips that may be separated by a page break, tables (which
/// repeat their header rows), groups that want to stay on one page, and forced breaks.
indirect enum Flow {
    case strips([Strip])
    case table(TableFlow)
    case group(keepTogether: Bool, keepWithPrevious: Bool, [Flow])
    case pageBreak

    var height: Double {
        switch self {
        case .strips(let strips): return strips.totalHeight
        case .table(let table): return table.totalHeight
        case .group(_, _, let children): return children.reduce(0) { $0 + $1.height }
        case .pageBreak: return 0
        }
    }

    /// Only space: a spacer, the space before a block.
    var isOnlySpace: Bool {
        if case .strips(let strips) = self { return strips.allSatisfy { $0.items.isEmpty && $0.boxes.isEmpty && $0.bookmarks.isEmpty } }
        return false
    }
}

/// Sets any block at a given width, at the current shrink factor.
struct BlockSetter {
    let text: TextSetting

    init(context: LayoutContext, scale: Double = 1) {
        text = TextSetting(context: context, scale: scale)
    }

    /// For the body: tables stay tables so they can split and repeat their headers.
    func flow(_ block: Block, width: Double) throws -> Flow {
        switch block {
        case .table(let table):
            return .table(try TableBuilder(setter: self).build(table, availableWidth: width))
        case .group(let group):
            return .group(keepTogether: group.keepTogether,
                          keepWithPrevious: group.keepWithPrevious ?? block.holdsHandwritingBlank,
                          try group.blocks.map { try flow($0, width: width) })
        case .pageBreak:
            return .pageBreak
        default:
            return .strips(try strips(block, width: width))
        }
    }

    /// For cell content and page regions: everything as strips; a nested table is one strip.
    func strips(_ block: Block, width: Double) throws -> [Strip] {
        switch block {
        case .paragraph(let paragraph):
            return try ParagraphSetter(text: text).strips(paragraph, width: width).map { $0.stamped(paragraph.structure) }
        case .table(let table):
            return [try TableBuilder(setter: self).build(table, availableWidth: width).asSingleStrip()]
        case .group(let group):
            let children = try group.blocks.flatMap { try strips($0, width: width) }
            return group.keepTogether ? [Strip.stacked(children)] : children
        case .spacer(let spacer):
            // Space between blocks: a page does not start with it.
            return [Strip.space(spacer.height)]
        case .checkBox(let box):
            return try CheckBoxSetter(text: text).strips(checked: box.checked, label: box.label, style: box.style,
                                                         mark: box.mark, lineHeight: box.lineHeight, width: width,
                                                         sourcePath: box.sourcePath, structure: box.structure)
        case .checkList(let list):
            return try CheckListSetter(text: text).strips(list, width: width)
        case .signatureLine(let signature):
            return try BlankRow(text: text).signature(signature, width: width).map { $0.stamped(signature.structure) }
        case .dateBlank(let date):
            return try BlankRow(text: text).date(date, width: width).map { $0.stamped(date.structure) }
        case .scale(let scale):
            return try ScaleSetter(text: text).strips(scale, width: width)
                .map { $0.stamped(scale.structure, includingDrawings: true) }
        case .rule(let rule):
            let y = rule.spaceBefore + rule.line.width / 2
            var stroke = rule.line.stroke
            stroke.cap = .butt
            return [Strip(height: rule.spaceBefore + rule.line.width + rule.spaceAfter,
                          items: [.line(from: Point(x: 0, y: y), to: Point(x: width, y: y), stroke: stroke)])]
        case .columns(let row):
            return [try columns(row)]
        case .framed(let framed):
            let content = try strips(framed.blocks, width: max(0, width - 2 * framed.padding))
            var strip = Strip(height: content.totalHeight)
            strip.overlay(stacking: content, dx: framed.padding, dy: 0)
            strip.items.append(.rectangle(Rect(x: 0, y: 0, width: width, height: strip.height),
                                          stroke: framed.stroke, fill: nil))
            return [strip]
        case .pageBreak:
            return []
        case .bookmark(let bookmark):
            return [Strip(height: 0, bookmarks: [RelativeBookmark(block: bookmark, x: 0, y: 0)])]
        }
    }

    /// Each column's content, then its edge rules; the row as tall as the tallest column.
    private func columns(_ row: ColumnsBlock) throws -> Strip {
        var strip = Strip(height: 0)
        for column in row.columns {
            let content = try strips(column.blocks, width: column.width)
            let height = content.totalHeight
            strip.overlay(stacking: content, dx: column.x, dy: 0)
            if let rules = column.edgeRules {
                for edge in [column.x - rules.outset, column.x + column.width + rules.outset] {
                    strip.items.append(.line(from: Point(x: edge, y: 0), to: Point(x: edge, y: height),
                                             stroke: rules.stroke))
                }
            }
            strip.height = max(strip.height, height)
        }
        return strip
    }

    func strips(_ blocks: [Block], width: Double) throws -> [Strip] {
        try blocks.flatMap { try strips($0, width: width) }
    }
}
