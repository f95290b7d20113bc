/// Cutting a band at a page boundary. Each cell that the cut crosses keeps the lines that fit
/// above it; the rest continue in the same cell on the next page. Nothing is clipped.
extension Band {
    /// Splits so the first part is at most `available` tall; nil when no useful first part exists
    /// (not one line of any cell would fit).
    func split(at available: Double) -> (head: Band, tail: Band)? {
        let tops = rowTops
        guard let k = rows.indices.first(where: { tops[$0] + heights[$0] > available + 0.01 }) else { return nil }
        // A fixed row is a box on the form: it is never cut, so the cut moves up to its top.
        let insideRow = rows[k].fixed == nil
        let cut = insideRow ? available : tops[k]
        guard insideRow || k > 0 else { return nil }

        var headCells: [BandCell] = []
        var tailCells: [BandCell] = []
        var movedAnyLine = false
        let lastHeadRow = insideRow ? k : k - 1
        for cell in cells {
            let lastRow = cell.row + cell.rowspan - 1
            if lastRow < k {
                headCells.append(cell)
                continue
            }
            if cell.row > k || (cell.row == k && !insideRow) {
                var moved = cell
                moved.row -= k
                tailCells.append(moved)
                continue
            }
            // The cut crosses this cell.
            let room = cut - tops[cell.row] - cell.style.padding.vertical
            var used = 0.0
            var keep = 0
            while keep < cell.strips.count, used + cell.strips[keep].height <= room + 0.01 {
                used += cell.strips[keep].height
                keep += 1
            }
            if keep > 0, cell.strips[..<keep].contains(where: { !$0.items.isEmpty }) { movedAnyLine = true }
            var head = cell
            head.rowspan = lastHeadRow - cell.row + 1
            head.strips = Array(cell.strips[..<keep])
            var tail = cell
            tail.row = 0
            tail.rowspan = lastRow - k + 1
            tail.strips = Array(cell.strips[keep...])
            // Space left over at the top of the continuation is not carried to the next page.
            while let first = tail.strips.first, first.isDiscardableAtPageTop { tail.strips.removeFirst() }
            if !tail.strips.isEmpty {
                head.isSplit = true
                tail.isSplit = true
            }
            headCells.append(head)
            tailCells.append(tail)
        }
        guard k > 0 || movedAnyLine else { return nil }

        var headRows = Array(rows[0...lastHeadRow])
        if insideRow { headRows[k] = Row(fixed: cut - tops[k], minimum: 0) }
        var headBand = Band(rows: headRows, cells: headCells)
        // Rows above the cut keep the heights they had (a spanning cell may have grown them).
        headBand.heights = Array(heights[0..<k]) + (insideRow ? [cut - tops[k]] : [])

        var tailRows = Array(rows[k...])
        if insideRow { tailRows[0] = Row(fixed: nil, minimum: 0) }
        let tailBand = Band(rows: tailRows, cells: tailCells)
        return (headBand, tailBand)
    }

    /// The least height a first part can have: one line of the first cell that has text (used to
    /// decide whether a table may start on a page at all).
    var smallestHead: Double {
        guard rows.first?.fixed == nil else { return heights.first ?? 0 }
        let candidates = cells.filter { $0.row == 0 }.compactMap { cell -> Double? in
            guard let first = cell.strips.first(where: { !$0.items.isEmpty }) else { return nil }
            let before = Array(cell.strips.prefix { $0.items.isEmpty }).totalHeight
            return cell.style.padding.vertical + before + first.height
        }
        return min(candidates.min() ?? height, height)
    }
}
