import YorisoiDisplayList
import YorisoiText

/// Rules under underlined text (a signature blank, a value on its line), found in the set lines
/// by walking their glyphs against the source text: each cluster's first glyph carries its text.
enum Underlines {
    /// The rule's thickness and its depth below the baseline, as a share of the font size.
    static let rule = BorderLine.thin
    static let depth = 0.22

    /// For each line, the rules to draw: x from the line's left edge, y from the baseline.
    static func segments(lines: [LaidOutLine], spans: [TextSpan], underlined: [Range<Int>])
        -> [[(from: Double, to: Double, depth: Double)]] {
        guard !underlined.isEmpty else { return lines.map { _ in [] } }
        // The same text the line breaker saw: tabs are set as ideographic spaces.
        let source = Array(spans.map { String($0.text.map { $0 == "\t" ? "\u{3000}" : $0 }) }.joined().unicodeScalars)
        var offset = 0
        var result: [[(from: Double, to: Double, depth: Double)]] = []
        for line in lines {
            var segment: (from: Double, to: Double, depth: Double)?
            var segments: [(from: Double, to: Double, depth: Double)] = []
            var inRule = false
            for glyph in line.glyphs where !glyph.isRuby {
                if !glyph.text.isEmpty {
                    let scalars = Array(glyph.text.unicodeScalars)
                    // Clusters the line breaker left out (a hard break, a space at a line end)
                    // have no glyph: skip ahead to where this cluster's text is.
                    var position = offset
                    while position < source.count, !source[position...].starts(with: scalars) { position += 1 }
                    if position < source.count { offset = position }
                    inRule = underlined.contains { $0.contains(offset) }
                    offset += scalars.count
                }
                guard inRule else {
                    if let open = segment { segments.append(open); segment = nil }
                    continue
                }
                let face = line.face(of: glyph)
                let metrics = face.metrics
                let advance = Double(face.advance(of: glyph.glyphID)) / Double(metrics.unitsPerEm) * glyph.fontSize
                let depth = glyph.fontSize * Self.depth
                if var open = segment {
                    open.from = min(open.from, glyph.x)
                    open.to = max(open.to, glyph.x + advance)
                    open.depth = max(open.depth, depth)
                    segment = open
                } else {
                    segment = (glyph.x, glyph.x + advance, depth)
                }
            }
            if let open = segment { segments.append(open) }
            result.append(segments)
        }
        return result
    }

    static func items(_ segments: [(from: Double, to: Double, depth: Double)], x: Double, baseline: Double) -> [DrawItem] {
        segments.map { segment in
            var stroke = rule.stroke
            stroke.cap = .butt
            let y = baseline + segment.depth
            return .line(from: Point(x: x + segment.from, y: y), to: Point(x: x + segment.to, y: y), stroke: stroke)
        }
    }
}
