import YorisoiDisplayList
import YorisoiText

/// The 0–100 satisfaction scale: label, a ruled bar with ticks and numbers, and the case's value
/// shown twice — the bar shaded up to it and a pointer above it — so it survives a gray photocopy.
/// With `faces`, a face drawn in lines stands above each numbered tick (a child reads a feeling
/// from a face before a number).
struct ScaleSetter {
    let text: TextSetting

    func strips(_ block: ScaleBlock, width: Double) throws -> [Strip] {
        let style = text.style(block.style)
        let size = style.size
        let range = max(block.maximum - block.minimum, .leastNonzeroMagnitude)

        var labelLine: LaidOutLine?
        var labelWidth = 0.0
        if let label = block.label, !label.isEmpty {
            let set = try text.singleLine(label, style: style, sourcePath: block.sourcePath)
            labelLine = set.line
            labelWidth = set.advance + size
        }
        // Half a number's width is kept free at both ends so the end labels stay inside the box.
        let inset = size
        let barLeft = labelWidth + inset
        let barWidth = min(block.barWidth.map { $0 * text.scale } ?? .infinity, width - barLeft - inset)
        if barWidth < size * 4 {
            text.context.lineOverran(by: size * 4 - barWidth, sourcePath: block.sourcePath)
        }
        let bar = max(barWidth, size * 4)
        let barHeight = block.barHeight * text.scale
        func xOf(_ value: Double) -> Double {
            barLeft + (min(max(value, block.minimum), block.maximum) - block.minimum) / range * bar
        }

        let pointer = size * 0.7
        let faceDiameter = size * 1.8
        let facesHeight = block.faces ? faceDiameter + size * 0.3 : 0
        let barTop = facesHeight + pointer + size * 0.2
        let tickLength = barHeight * 0.5
        let numberBaseline = barTop + barHeight + tickLength + size * 0.95
        let height = numberBaseline + size * 0.3

        var strip = Strip(height: height)
        let thin = StrokeStyle(lineWidth: 0.6, color: .black, cap: .square)
        if let value = block.value {
            strip.items.append(.rectangle(Rect(x: barLeft, y: barTop, width: xOf(value) - barLeft, height: barHeight),
                                          stroke: nil, fill: .gray(0.75)))
        }
        strip.items.append(.rectangle(Rect(x: barLeft, y: barTop, width: bar, height: barHeight), stroke: thin, fill: nil))
        for tick in block.minorTicks {
            let x = xOf(tick)
            strip.items.append(.line(from: Point(x: x, y: barTop + barHeight * 0.5), to: Point(x: x, y: barTop + barHeight),
                                     stroke: StrokeStyle(lineWidth: 0.4, color: .black)))
        }
        for tick in block.ticks {
            let x = xOf(tick)
            strip.items.append(.line(from: Point(x: x, y: barTop), to: Point(x: x, y: barTop + barHeight + tickLength),
                                     stroke: thin))
            let number = try text.singleLine(Self.format(tick), style: style, sourcePath: block.sourcePath)
            if let line = number.line {
                strip.items += TextSetting.glyphRuns(line, x: x - number.advance / 2, baseline: numberBaseline)
            }
        }
        if let value = block.value {
            let x = xOf(value)
            let tip = Point(x: x, y: barTop - size * 0.05)
            strip.items.append(.path(Path([.move(to: tip), .line(to: Point(x: x - pointer * 0.6, y: tip.y - pointer)),
                                           .line(to: Point(x: x + pointer * 0.6, y: tip.y - pointer)), .close]),
                                     stroke: nil, fill: .black))
            strip.items.append(.line(from: Point(x: x, y: barTop), to: Point(x: x, y: barTop + barHeight),
                                     stroke: StrokeStyle(lineWidth: 1.6, color: .black, cap: .butt)))
        }
        if block.faces {
            for tick in block.ticks {
                let mood = (min(max(tick, block.minimum), block.maximum) - block.minimum) / range
                strip.items += Self.face(centre: Point(x: xOf(tick), y: faceDiameter / 2), diameter: faceDiameter,
                                         mood: mood)
            }
        }
        if let labelLine {
            // The label's em box is centred on the bar.
            let baseline = barTop + barHeight / 2 + 0.38 * size
            strip.items += TextSetting.glyphRuns(labelLine, x: 0, baseline: baseline)
        }

        var strips: [Strip] = []
        if block.spaceBefore > 0 { strips.append(.space(block.spaceBefore)) }
        strips.append(strip)
        if block.spaceAfter > 0 { strips.append(.space(block.spaceAfter)) }
        return strips
    }

    /// A face in lines: a circle, two dots for eyes and a mouth that bends from a frown
    /// (`mood` 0) through a straight line (0.5) to a smile (1). Vector paths, so it prints sharp
    /// and the same on every printer.
    static func face(centre c: Point, diameter d: Double, mood: Double) -> [DrawItem] {
        let stroke = StrokeStyle(lineWidth: 0.6, color: .black, cap: .round, join: .round)
        var items: [DrawItem] = [.path(circle(centre: c, radius: d / 2), stroke: stroke, fill: nil)]
        for side in [-1.0, 1.0] {
            items.append(.path(circle(centre: Point(x: c.x + side * d * 0.17, y: c.y - d * 0.12), radius: d * 0.055),
                               stroke: nil, fill: .black))
        }
        let mouthY = c.y + d * 0.2
        let bend = (mood - 0.5) * 2 * d * 0.2          // down (a smile) for a good feeling
        let left = Point(x: c.x - d * 0.22, y: mouthY - bend / 2)
        let right = Point(x: c.x + d * 0.22, y: mouthY - bend / 2)
        items.append(.path(Path([.move(to: left),
                                 .curve(to: right, control1: Point(x: c.x - d * 0.1, y: mouthY + bend),
                                        control2: Point(x: c.x + d * 0.1, y: mouthY + bend))]),
                           stroke: stroke, fill: nil))
        return items
    }

    /// A circle as four Bézier quarters.
    static func circle(centre c: Point, radius r: Double) -> Path {
        let k = 0.5523 * r
        return Path([
            .move(to: Point(x: c.x + r, y: c.y)),
            .curve(to: Point(x: c.x, y: c.y + r), control1: Point(x: c.x + r, y: c.y + k), control2: Point(x: c.x + k, y: c.y + r)),
            .curve(to: Point(x: c.x - r, y: c.y), control1: Point(x: c.x - k, y: c.y + r), control2: Point(x: c.x - r, y: c.y + k)),
            .curve(to: Point(x: c.x, y: c.y - r), control1: Point(x: c.x - r, y: c.y - k), control2: Point(x: c.x - k, y: c.y - r)),
            .curve(to: Point(x: c.x + r, y: c.y), control1: Point(x: c.x + k, y: c.y - r), control2: Point(x: c.x + r, y: c.y - k)),
            .close,
        ])
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
