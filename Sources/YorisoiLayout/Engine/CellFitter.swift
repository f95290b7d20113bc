import YorisoiText

/// Sets a cell's content into its box and applies the overflow policy: a fixed box (or a line
/// that cannot be broken within the width) first gets smaller text, step by step down to the
/// minimum; what still does not fit is left out and reported — never drawn across the border.
struct CellFitter {
    let context: LayoutContext
    /// Shrink factor the table itself is set at (non-1 inside a shrunk outer cell).
    let baseScale: Double

    /// - Parameters:
    ///   - sourcePath: what diagnostics name (the cell's own path, else its row's or table's).
    ///   - innerHeight: the content height of a fixed box; nil when the row may grow.
    func fit(_ cell: TableCell, at location: CellLocation, sourcePath: String?, innerWidth: Double,
             innerHeight: Double?) throws -> [Strip] {
        func set(_ factor: Double) throws -> [Strip] {
            try BlockSetter(context: context, scale: baseScale * factor).strips(cell.content, width: innerWidth)
        }
        func fits(_ strips: [Strip], overrun: Double) -> Bool {
            overrun <= 0.01 && (innerHeight.map { strips.totalHeight <= $0 + 0.01 } ?? true)
        }

        // Most cells fit as written: set them once, for real.
        let mark = context.diagnosticsMark
        let first = try context.insideCell { try set(1) }
        if fits(first.value, overrun: first.overrun) { return first.value }
        context.rollBack(to: mark)

        let base = cell.content.map { $0.largestFontSize(default: context.defaultStyle.size) }.max() ?? 0
        var factor = 1.0
        if case .shrink(let minimum, let step) = cell.overflow, base > 0 {
            factor = min(1, minimum / base)
            for size in Self.sizes(from: base, down: step, to: minimum) {
                let attempt = try context.measuring { try set(size / base) }
                if fits(attempt.value, overrun: attempt.overrun) {
                    factor = size / base
                    break
                }
            }
        }

        let final = try context.insideCell { try set(factor) }
        var strips = final.value
        if fits(strips, overrun: final.overrun) {
            guard factor < 1 else { return strips }
            context.report(.shrunk(fromSize: base * baseScale, toSize: base * baseScale * factor), .note,
                           sourcePath: sourcePath, cell: location)
            return strips
        }

        if final.overrun > 0.01 {
            context.report(.tooWide(excessWidth: final.overrun), .error, sourcePath: sourcePath, cell: location)
        }
        if let innerHeight, strips.totalHeight > innerHeight + 0.01 {
            let excess = strips.totalHeight - innerHeight
            var hidden = 0
            while !strips.isEmpty, strips.totalHeight > innerHeight + 0.01 {
                if !strips.removeLast().items.isEmpty { hidden += 1 }
            }
            context.report(.overflow(excessHeight: excess, hiddenLines: hidden), .error,
                           sourcePath: sourcePath, cell: location)
        }
        return strips
    }

    /// Sizes below `base`, `step` apart, ending exactly at `minimum`.
    static func sizes(from base: Double, down step: Double, to minimum: Double) -> [Double] {
        guard base > minimum, step > 0 else { return [] }
        var sizes: [Double] = []
        var size = base - step
        while size > minimum + 1e-9 {
            sizes.append(size)
            size -= step
        }
        sizes.append(minimum)
        return sizes
    }
}
