import YorisoiDisplayList
import YorisoiText

/// One line made of text and blanks to write in: 「（署名）＿＿＿＿ 印」, 「令和　　年　　月　　日」.
/// It is never broken; if it is wider than its box the overrun is reported.
struct BlankRow {
    enum Piece {
        case text(String)
        /// A blank of `width` (nil = the rest of the line), with `value` centred on it.
        case blank(width: Double?, value: String?, underline: BorderLine?)
        case gap(Double)
    }

    let text: TextSetting

    func strips(_ pieces: [Piece], style: TextStyle?, placement: RowPlacement, width: Double,
                sourcePath: String?) throws -> [Strip] {
        let style = text.style(style)
        let size = style.size
        let available = max(0, width - placement.startIndent - placement.endIndent)

        struct Measured {
            var line: LaidOutLine?
            var width: Double?
            var advance: Double
            var underline: BorderLine?
            /// Values are centred in their blank; text pieces sit at their own start.
            var centred = false
        }
        var measured: [Measured] = []
        for piece in pieces {
            switch piece {
            case .text(let string):
                let set = try text.singleLine(string, style: style, sourcePath: sourcePath)
                measured.append(Measured(line: set.line, width: set.advance, advance: set.advance))
            case .gap(let gap):
                measured.append(Measured(line: nil, width: gap * text.scale, advance: 0))
            case .blank(let blankWidth, let value, let underline):
                var line: LaidOutLine?
                var advance = 0.0
                if let value, !value.isEmpty {
                    let set = try text.singleLine(value, style: style, sourcePath: sourcePath)
                    line = set.line
                    advance = set.advance
                }
                // A value longer than its blank widens the blank rather than spilling over the unit.
                let widened = blankWidth.map { max($0 * text.scale, advance + (advance > 0 ? size : 0)) }
                measured.append(Measured(line: line, width: widened, advance: advance, underline: underline, centred: true))
            }
        }
        let fixed = measured.compactMap(\.width).reduce(0, +)
        let flexibleCount = measured.filter { $0.width == nil }.count
        let flexibleWidth = flexibleCount == 0 ? 0 : max(size * 2, (available - fixed) / Double(flexibleCount))
        let total = fixed + flexibleWidth * Double(flexibleCount)
        if total > available + 0.01 { text.context.lineOverran(by: total - available, sourcePath: sourcePath) }

        var x = placement.startIndent
        switch placement.alignment {
        case .start: break
        case .center: x += (available - total) / 2
        case .end: x += available - total
        }
        let pitch = size * 1.6
        let baseline = (pitch - size) / 2 + size * 0.88
        var strip = Strip(height: pitch)
        for piece in measured {
            let pieceWidth = piece.width ?? flexibleWidth
            if let line = piece.line {
                let left = piece.centred ? x + (pieceWidth - piece.advance) / 2 : x
                strip.items += TextSetting.glyphRuns(line, x: left, baseline: baseline)
            }
            if let underline = piece.underline {
                let y = baseline + size * 0.22
                strip.items.append(.line(from: Point(x: x, y: y), to: Point(x: x + pieceWidth, y: y),
                                         stroke: StrokeStyle(lineWidth: underline.width, color: .gray(underline.gray),
                                                             dash: underline.stroke.dash, cap: .butt)))
            }
            x += pieceWidth
        }
        var strips: [Strip] = []
        if placement.spaceBefore > 0 { strips.append(.space(placement.spaceBefore)) }
        strips.append(strip)
        if placement.spaceAfter > 0 { strips.append(.space(placement.spaceAfter)) }
        return strips
    }

    func signature(_ block: SignatureLineBlock, width: Double) throws -> [Strip] {
        let size = text.style(block.style).size
        var pieces: [Piece] = []
        if let label = block.label, !label.isEmpty {
            pieces += [.text(label), .gap(size * 0.5 / text.scale)]
        }
        pieces.append(.blank(width: block.length, value: block.value, underline: block.line))
        if let suffix = block.suffix, !suffix.isEmpty {
            pieces += [.gap(size * 0.5 / text.scale), .text(suffix)]
        }
        return try strips(pieces, style: block.style, placement: block.placement, width: width,
                          sourcePath: block.sourcePath)
    }

    func date(_ block: DateBlankBlock, width: Double) throws -> [Strip] {
        let unscaledSize = (block.style ?? text.context.defaultStyle).size
        let blank = block.blankWidth ?? unscaledSize * 2
        var pieces: [Piece] = []
        if let label = block.label, !label.isEmpty { pieces += [.text(label), .gap(unscaledSize)] }
        if let prefix = block.prefix, !prefix.isEmpty { pieces.append(.text(prefix)) }
        for field in block.fields {
            pieces.append(.blank(width: blank, value: field.value, underline: block.underline ? .thin : nil))
            pieces.append(.text(field.unit))
        }
        return try strips(pieces, style: block.style, placement: block.placement, width: width,
                          sourcePath: block.sourcePath)
    }
}
