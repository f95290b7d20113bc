import YorisoiDisplayList
import YorisoiText

/// A table ready to paginate: column edges, header bands (repeated on every page the table
/// continues on) and body bands.
struct TableFlow {
    var columnX: [Double]
    var headerBands: [Band]
    var bodyBands: [Band]
    var rowSplitting: RowSplitting
    var spaceBefore: Double
    var spaceAfter: Double
    var sourcePath: String?

    var headerHeight: Double { headerBands.reduce(0) { $0 + $1.height } }
    var totalHeight: Double { spaceBefore + headerHeight + bodyBands.reduce(0) { $0 + $1.height } + spaceAfter }

    /// The whole table in one piece (a table nested in a cell is not split).
    func asSingleStrip() -> Strip {
        var strips: [Strip] = []
        if spaceBefore > 0 { strips.append(Strip(height: spaceBefore)) }
        strips += (headerBands + bodyBands).map { $0.render(columnX: columnX) }
        if spaceAfter > 0 { strips.append(Strip(height: spaceAfter)) }
        return .stacked(strips)
    }
}

/// Table block → `TableFlow`: column widths, the cell grid (colspan / rowspan), cell content
/// fitted to its box, rows grouped into bands.
struct TableBuilder {
    let setter: BlockSetter
    private var context: LayoutContext { setter.text.context }

    /// A label cell as it reads where its row continues on a new page: the label, then 「（続き）」
    /// a little smaller.
    static func continued(_ cell: TableCell, style: TextStyle) -> TableCell {
        var continued = cell
        var small = style
        small.size = style.size * 0.85
        continued.content.append(.paragraph(ParagraphBlock([.text("（続き）", style: small)], alignment: .center)))
        return continued
    }

    func build(_ table: TableBlock, availableWidth: Double) throws -> TableFlow {
        let columnX = columnEdges(table, availableWidth: availableWidth)
        let placed = placeCells(table, columnCount: columnX.count - 1)
        let rowSpecs = table.rows.map { row -> Band.Row in
            switch row.height {
            case .auto: return Band.Row(fixed: nil, minimum: 0)
            case .minimum(let h): return Band.Row(fixed: nil, minimum: h)
            case .fixed(let h): return Band.Row(fixed: h, minimum: h)
            }
        }

        let fitter = CellFitter(context: context, baseScale: setter.text.scale)
        var cells: [BandCell] = []
        for p in placed {
            let width = columnX[p.column + p.colspan] - columnX[p.column]
            let padding = p.cell.style.padding
            let spanned = rowSpecs[p.row..<(p.row + p.rowspan)]
            // Only a cell whose every row is fixed has a fixed box; otherwise its row grows.
            let fixedHeight: Double? = spanned.allSatisfy({ $0.fixed != nil })
                ? spanned.reduce(0) { $0 + $1.fixed! } - padding.vertical : nil
            let sourcePath = p.cell.sourcePath ?? table.rows[p.row].sourcePath ?? table.sourcePath
            let strips = try fitter.fit(p.cell, at: CellLocation(row: p.row, column: p.column), sourcePath: sourcePath,
                                        innerWidth: max(0, width - padding.horizontal),
                                        innerHeight: fixedHeight.map { max(0, $0) })
            var cell = BandCell(row: p.row, rowspan: p.rowspan, column: p.column, colspan: p.colspan,
                                style: p.cell.style, strips: strips, keepsWhole: p.cell.keepsWhole,
                                tableRow: p.row, tableColumn: p.column,
                                sourcePath: sourcePath)
            if p.cell.keepsWhole, fixedHeight == nil, !strips.allSatisfy(\.items.isEmpty) {
                // Set like the label itself; anything it would report, the label has reported.
                let mark = context.diagnosticsMark
                defer { context.rollBack(to: mark) }
                cell.continuation = try fitter.fit(Self.continued(p.cell, style: context.defaultStyle),
                                                   at: CellLocation(row: p.row, column: p.column), sourcePath: sourcePath,
                                                   innerWidth: max(0, width - padding.horizontal), innerHeight: nil)
            }
            cells.append(cell)
        }

        var headerBands: [Band] = []
        var bodyBands: [Band] = []
        // Each cell into its band in one pass, in the order the cells came (filtering every cell
        // for every band was quadratic in the rows: a 200-case 進行管理表).
        let ranges = bandRanges(rowCount: table.rows.count, cells: placed)
        var bandOfRow = [Int](repeating: 0, count: table.rows.count)
        for (band, range) in ranges.enumerated() {
            for row in range { bandOfRow[row] = band }
        }
        var cellsOfBand = [[BandCell]](repeating: [], count: ranges.count)
        for var cell in cells {
            let band = bandOfRow[cell.row]
            cell.row -= ranges[band].lowerBound
            cellsOfBand[band].append(cell)
        }
        for (band, range) in ranges.enumerated() {
            let band = Band(rows: Array(rowSpecs[range]), cells: cellsOfBand[band])
            // Header rows count only while they lead the table.
            if bodyBands.isEmpty, table.rows[range].allSatisfy(\.isHeader) {
                headerBands.append(band)
            } else {
                bodyBands.append(band)
            }
        }
        return TableFlow(columnX: columnX, headerBands: headerBands, bodyBands: bodyBands,
                         rowSplitting: table.rowSplitting, spaceBefore: table.spaceBefore,
                         spaceAfter: table.spaceAfter, sourcePath: table.sourcePath)
    }

    /// Column edges from the left edge of the table. Fixed columns get their width; fractions
    /// share the rest. Columns wider than the space are scaled down (and reported): a table
    /// must not run off the page.
    func columnEdges(_ table: TableBlock, availableWidth: Double) -> [Double] {
        let total = min(table.width ?? availableWidth, availableWidth)
        let columns = table.columns.isEmpty ? [ColumnWidth.fraction(1)] : table.columns
        var fixed = 0.0, shares = 0.0
        for column in columns {
            switch column {
            case .points(let w): fixed += max(0, w)
            case .fraction(let f): shares += max(0, f)
            }
        }
        var fixedFactor = 1.0
        if fixed > total + 0.01 {
            context.report(.tooWide(excessWidth: fixed - total), .warning, sourcePath: table.sourcePath)
            fixedFactor = total / fixed
        }
        let rest = max(0, total - fixed * fixedFactor)
        var edges = [0.0]
        for column in columns {
            let width: Double
            switch column {
            case .points(let w): width = max(0, w) * fixedFactor
            case .fraction(let f): width = shares > 0 ? rest * max(0, f) / shares : 0
            }
            edges.append(edges.last! + width)
        }
        return edges
    }

    struct PlacedCell {
        var row: Int
        var column: Int
        var rowspan: Int
        var colspan: Int
        var cell: TableCell
    }

    /// HTML-style grid placement: each cell takes the next free column of its row; spans that run
    /// past the last column or row are cut (and reported).
    func placeCells(_ table: TableBlock, columnCount: Int) -> [PlacedCell] {
        let rowCount = table.rows.count
        var occupied = Array(repeating: Array(repeating: false, count: columnCount), count: rowCount)
        var placed: [PlacedCell] = []
        for (r, row) in table.rows.enumerated() {
            var c = 0
            for cell in row.cells {
                while c < columnCount, occupied[r][c] { c += 1 }
                guard c < columnCount else {
                    context.report(.tableStructure("row \(r): more cells than columns"), .warning,
                                   sourcePath: row.sourcePath ?? table.sourcePath)
                    break
                }
                var colspan = min(cell.colspan, columnCount - c)
                // A span may not run into a cell placed by a rowspan from above.
                if let blocked = (c..<(c + colspan)).first(where: { occupied[r][$0] }) { colspan = blocked - c }
                let rowspan = min(cell.rowspan, rowCount - r)
                if colspan != cell.colspan || rowspan != cell.rowspan {
                    context.report(.tableStructure("row \(r) column \(c): span cut to \(rowspan)×\(colspan)"), .warning,
                                   sourcePath: cell.sourcePath ?? table.sourcePath)
                }
                for rr in r..<(r + rowspan) {
                    for cc in c..<(c + colspan) { occupied[rr][cc] = true }
                }
                placed.append(PlacedCell(row: r, column: c, rowspan: rowspan, colspan: colspan, cell: cell))
                c += colspan
            }
        }
        return placed
    }

    /// Rows grouped so that no rowspan crosses from one group to the next.
    func bandRanges(rowCount: Int, cells: [PlacedCell]) -> [Range<Int>] {
        // The last row each row's cells reach; a band runs on while a row inside it reaches
        // further. One pass over the cells and one over the rows.
        var reach = Array(0..<rowCount)
        for cell in cells where cell.row < rowCount {
            reach[cell.row] = max(reach[cell.row], cell.row + cell.rowspan - 1)
        }
        var ranges: [Range<Int>] = []
        var start = 0
        while start < rowCount {
            var end = reach[start]
            var row = start + 1
            while row <= end, row < rowCount {
                end = max(end, reach[row])
                row += 1
            }
            ranges.append(start..<(end + 1))
            start = end + 1
        }
        return ranges
    }
}
