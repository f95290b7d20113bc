import YorisoiDisplayList

/// Consecutive table rows that no page break may fall between without splitting a cell: a
/// row, or rows tied together by rowspan. Bands are the unit the paginator places and splits.
struct Band {
    struct Row {
        var fixed: Double?
        var minimum: Double
    }

    var rows: [Row]
    var cells: [BandCell]
    var heights: [Double] = []

    init(rows: [Row], cells: [BandCell]) {
        self.rows = rows
        self.cells = cells
        resolveHeights()
    }

    var height: Double { heights.reduce(0, +) }

    /// Top of each row from the band's top.
    var rowTops: [Double] {
        var tops: [Double] = []
        var y = 0.0
        for h in heights {
            tops.append(y)
            y += h
        }
        return tops
    }

    /// Row heights: fixed rows as given; others as tall as their tallest single-row cell; a
    /// spanning cell that needs more than its rows give adds the difference to its last growable row.
    mutating func resolveHeights() {
        heights = rows.map { $0.fixed ?? $0.minimum }
        for cell in cells where cell.rowspan == 1 && rows[cell.row].fixed == nil {
            heights[cell.row] = max(heights[cell.row], cell.neededHeight)
        }
        for cell in cells.filter({ $0.rowspan > 1 }).sorted(by: { $0.rowspan < $1.rowspan }) {
            let span = cell.row..<(cell.row + cell.rowspan)
            let available = span.reduce(0) { $0 + heights[$1] }
            guard cell.neededHeight > available,
                  let growable = span.last(where: { rows[$0].fixed == nil }) else { continue }
            heights[growable] += cell.neededHeight - available
        }
    }

    /// Draws the band with its top-left at (0, 0); `columnX` are the column edges.
    func render(columnX: [Double]) -> Strip {
        let tops = rowTops
        var strip = Strip(height: height)
        var frames: [(borders: CellBorders, x: Double, y: Double, width: Double, height: Double)] = []
        frames.reserveCapacity(cells.count)
        var contents: [(strips: [Strip], x: Double, y: Double)] = []
        for cell in cells {
            let x = columnX[cell.column]
            let width = columnX[cell.column + cell.colspan] - x
            let y = tops[cell.row]
            let h = heights[cell.row..<(cell.row + cell.rowspan)].reduce(0, +)
            let style = cell.style
            if let gray = style.background {
                strip.items.append(.rectangle(Rect(x: x, y: y, width: width, height: h), stroke: nil, fill: .gray(gray)))
            }
            let contentHeight = cell.strips.totalHeight
            let innerHeight = h - style.padding.vertical
            var dy = style.padding.top
            switch cell.isSplit ? .top : style.verticalAlignment {
            case .top: break
            case .middle: dy += max(0, (innerHeight - contentHeight) / 2)
            case .bottom: dy += max(0, innerHeight - contentHeight)
            }
            contents.append((cell.strips, x + style.padding.left, y + dy))
            strip.boxes.append(RelativeBox(rect: Rect(x: x, y: y, width: width, height: h),
                                           kind: .cell(row: cell.tableRow, column: cell.tableColumn),
                                           sourcePath: cell.sourcePath))
            frames.append((style.borders, x, y, width, h))
        }
        // Fills first, then text, then rules on top, so no fill hides a neighbour's line. (The
        // rules go straight onto the strip: an array of them per cell, then the band's, each
        // copied on, was a tenth of placing a table.)
        for content in contents { strip.overlay(stacking: content.strips, dx: content.x, dy: content.y) }
        strip.items.reserveCapacity(strip.items.count + 4 * frames.count)
        for frame in frames {
            Self.borders(frame.borders, x: frame.x, y: frame.y, width: frame.width, height: frame.height,
                         into: &strip.items)
        }
        return strip
    }

    static func borders(_ borders: CellBorders, x: Double, y: Double, width: Double, height: Double,
                        into items: inout [DrawItem]) {
        let left = Point(x: x, y: y), right = Point(x: x + width, y: y)
        let bottomLeft = Point(x: x, y: y + height), bottomRight = Point(x: x + width, y: y + height)
        if let line = borders.top { items.append(.line(from: left, to: right, stroke: line.stroke)) }
        if let line = borders.right { items.append(.line(from: right, to: bottomRight, stroke: line.stroke)) }
        if let line = borders.bottom { items.append(.line(from: bottomLeft, to: bottomRight, stroke: line.stroke)) }
        if let line = borders.left { items.append(.line(from: left, to: bottomLeft, stroke: line.stroke)) }
    }
}

/// A cell as placed in a band, with its content already set into strips.
struct BandCell {
    var row: Int
    var rowspan: Int
    var column: Int
    var colspan: Int
    var style: CellStyle
    var strips: [Strip]
    /// A label cell: no page break between its lines.
    var keepsWhole = false
    /// What a label cell shows on the page its row continues on: the label again, with
    /// 「（続き）」, so the continuation is not a row without its label.
    var continuation: [Strip] = []
    /// The cell was cut by a page break: its content is set from the top on both pages.
    var isSplit = false
    /// Row and column in the table as written (for placed boxes and diagnostics).
    var tableRow: Int
    var tableColumn: Int
    var sourcePath: String?

    var neededHeight: Double { strips.totalHeight + style.padding.vertical }
}
