/// Removing a form's blank handwriting rows (`TableRow.isPadding`) for a layout trial.
extension [Block] {
    /// How many padding rows the blocks hold (in their tables and groups).
    var paddingRowCount: Int { reduce(0) { $0 + $1.paddingRowCount } }

    /// The blocks without their last `count` padding rows (in document order): the rows a form
    /// adds last are the ones it misses least.
    func droppingPaddingRows(_ count: Int) -> [Block] {
        var left = count
        var blocks = self
        for index in blocks.indices.reversed() where left > 0 {
            blocks[index] = blocks[index].droppingPaddingRows(&left)
        }
        return blocks
    }
}

extension Block {
    var paddingRowCount: Int {
        switch self {
        case .table(let table): return table.rows.count(where: \.isPadding)
        case .group(let group): return group.blocks.paddingRowCount
        default: return 0
        }
    }

    func droppingPaddingRows(_ left: inout Int) -> Block {
        switch self {
        case .table(var table):
            for row in table.rows.indices.reversed() where left > 0 && table.rows[row].isPadding {
                table.rows.remove(at: row)
                left -= 1
            }
            return .table(table)
        case .group(var group):
            for index in group.blocks.indices.reversed() where left > 0 {
                group.blocks[index] = group.blocks[index].droppingPaddingRows(&left)
            }
            return .group(group)
        default:
            return self
        }
    }
}
