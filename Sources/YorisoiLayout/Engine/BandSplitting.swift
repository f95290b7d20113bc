/// Cutting a band at a page boundary. Each cell that the cut crosses keeps the lines that fit
/// above it; the rest continue in the same cell on the next page. Nothing is clipped.
///
/// A cut obeys the rules of a form that is read on paper (when `strict`):
/// - a label cell (`keepsWhole`) is never cut between its lines: the cut moves above its row;
/// - a cell that is cut keeps at least two lines on each side (no orphan, no widow): the cut
///   moves up until it does;
/// - no page ends with an empty sliver of a row (only padding and borders): the cut moves to
///   the row's top; and none starts with one: a continuation that would hold nothing is dropped;
/// - a row that continues on the next page shows its label there again, with 「（続き）」.
extension Band {
    /// Splits so the first part is at most `available` tall; nil when no useful first part exists.
    /// The tail is nil when everything that is printed fitted in the first part.
    func split(at available: Double, strict: Bool = true) -> (head: Band, tail: Band?)? {
        var limit = available
        while true {
            guard let attempt = cut(at: limit, strict: strict) else { return nil }
            guard strict, let lower = attempt.retryBelow else { return (attempt.head, attempt.tail) }
            guard lower < limit - 0.001 else { return nil }
            limit = lower
        }
    }

    private struct Attempt {
        var head: Band
        var tail: Band?
        /// A lower limit that would satisfy a rule this cut breaks.
        var retryBelow: Double?
    }

    private func cut(at available: Double, strict: Bool) -> Attempt? {
        let tops = rowTops
        guard let k = rows.indices.first(where: { tops[$0] + heights[$0] > available + 0.01 }) else { return nil }
        // A fixed row is a box on the form: it is never cut, so the cut moves up to its top.
        var insideRow = rows[k].fixed == nil
        if insideRow, strict, !keepsAnyLine(ofRow: k, cut: available, tops: tops) {
            insideRow = false
        }
        let cut = insideRow ? available : tops[k]
        guard insideRow || k > 0 else { return nil }

        var headCells: [BandCell] = []
        var tailCells: [BandCell] = []
        var movedAnyLine = false
        var retryBelow: Double?
        func retry(_ limit: Double) { retryBelow = min(retryBelow ?? limit, limit) }
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
            let contentTop = tops[cell.row] + cell.style.padding.top
            let room = cut - tops[cell.row] - cell.style.padding.vertical
            var used = 0.0
            var keep = 0
            while keep < cell.strips.count, used + cell.strips[keep].height <= room + 0.01 {
                used += cell.strips[keep].height
                keep += 1
            }
            let lines = cell.strips.indices.filter { !cell.strips[$0].items.isEmpty }
            let headLines = lines.filter { $0 < keep }.count
            let tailLines = lines.count - headLines
            if headLines > 0 { movedAnyLine = true }
            if strict, headLines > 0, tailLines > 0 {
                // The limit at which the cell keeps exactly the strips before `index`.
                func limit(keepingBefore index: Int) -> Double {
                    contentTop + Array(cell.strips[..<index]).totalHeight + cell.style.padding.bottom + 0.005
                }
                if cell.keepsWhole {
                    retry(tops[cell.row])
                } else if headLines < 2 {
                    retry(limit(keepingBefore: lines[0]))
                } else if tailLines < 2 {
                    retry(limit(keepingBefore: lines[lines.count - 2]))
                }
            }
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
        // The cut row continues: its label cells (all of them above the cut) say so on the new page.
        if insideRow, tailCells.contains(where: { $0.row == 0 && !$0.keepsWhole && $0.strips.contains { !$0.items.isEmpty } }) {
            for index in tailCells.indices where tailCells[index].row == 0 && tailCells[index].keepsWhole
                && tailCells[index].strips.allSatisfy(\.items.isEmpty) && !tailCells[index].continuation.isEmpty {
                tailCells[index].strips = tailCells[index].continuation
                tailCells[index].isSplit = true
            }
        }

        var headRows = Array(rows[0...lastHeadRow])
        if insideRow { headRows[k] = Row(fixed: cut - tops[k], minimum: 0) }
        var headBand = Band(rows: headRows, cells: headCells)
        // Rows above the cut keep the heights they had (a spanning cell may have grown them).
        headBand.heights = Array(heights[0..<k]) + (insideRow ? [cut - tops[k]] : [])

        var tailRows = Array(rows[k...])
        if insideRow { tailRows[0] = Row(fixed: nil, minimum: 0) }
        var tail: Band? = Band(rows: tailRows, cells: tailCells)
        if strict, insideRow { tail = tail?.droppingEmptyFirstRow() }
        return Attempt(head: headBand, tail: tail, retryBelow: retryBelow)
    }

    /// Whether a cut at `cut` inside row `k` leaves at least one line of some cell above it.
    private func keepsAnyLine(ofRow k: Int, cut: Double, tops: [Double]) -> Bool {
        cells.contains { cell in
            guard cell.row <= k, cell.row + cell.rowspan - 1 >= k else { return false }
            let room = cut - tops[cell.row] - cell.style.padding.vertical
            var used = 0.0
            for strip in cell.strips {
                guard used + strip.height <= room + 0.01 else { return false }
                used += strip.height
                if !strip.items.isEmpty { return true }
            }
            return false
        }
    }

    /// The continuation without a first row that has nothing left to print (its content all
    /// fitted above the cut; only the rest of its minimum height was left). nil if nothing remains.
    func droppingEmptyFirstRow() -> Band? {
        let first = cells.filter { $0.row == 0 }
        guard first.allSatisfy({ $0.rowspan == 1 && $0.strips.allSatisfy { $0.items.isEmpty } }) else { return self }
        guard rows.count > 1 else { return nil }
        let rest = cells.filter { $0.row > 0 }.map { cell -> BandCell in
            var moved = cell
            moved.row -= 1
            return moved
        }
        return Band(rows: Array(rows.dropFirst()), cells: rest)
    }

    /// The least height a first part can have: two lines (one if it has only one) of the first
    /// cell that has text (used to decide whether a table may start on a page at all).
    var smallestHead: Double {
        guard rows.first?.fixed == nil else { return heights.first ?? 0 }
        let candidates = cells.filter { $0.row == 0 }.compactMap { cell -> Double? in
            let lines = cell.strips.indices.filter { !cell.strips[$0].items.isEmpty }
            guard let first = lines.first else { return nil }
            let last = lines.count > 1 ? lines[1] : first
            return cell.style.padding.vertical + Array(cell.strips[...last]).totalHeight
        }
        return min(candidates.min() ?? height, height)
    }
}
