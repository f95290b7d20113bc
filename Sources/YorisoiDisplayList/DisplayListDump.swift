// A debug outputter in the manner of SILE's `-d` text backend: the display list as plain
// lines, one per drawn item, so a layout can be read, diffed and kept as a golden file without
// looking at a PDF. Deterministic: the same document always gives the same text.
//
//   page 1 595.28 841.89
//   1 text 30.35 14.22 32.00 8.00 BIZUDGothic-Bold 8.00 "取扱注意"
//   1 rect 28.35 12.76 36.00 11.00 stroke=0.60 g0.00 fill=none
//   1 line 55.69 103.19 0.00 216.00 stroke=0.25 rgb(0.85,0.30,0.30)
//
// Boxes are x y w h in points, top-left origin, rounded to 0.01. A text box runs from the first
// glyph's left edge to the last glyph's advance, and from the face's ascender to its descender.

/// Renders display lists as deterministic text, one line per item.
public enum DisplayListDump {
    /// The whole document: one header line per page, then that page's items back to front.
    public static func text(of document: PDFDocument) -> String {
        var out = ""
        for (index, page) in document.pages.enumerated() {
            out += lines(of: page, number: index + 1).joined(separator: "\n") + "\n"
        }
        return out
    }

    /// One page: its header line (`page N width height`) and one line per item. Invisible text
    /// (a check box's state in words, for screen readers and copying) draws nothing and is left
    /// out: the dump is what paper shows; the tagged-PDF tests read the words.
    public static func lines(of page: PDFPage, number: Int) -> [String] {
        ["page \(number) \(format(page.size.width)) \(format(page.size.height))"]
            + page.items.filter { item in
                if case .glyphRun(let run) = item, run.isInvisible { return false }
                return true
            }.map { "\(number) " + line(for: $0) }
    }

    /// One item without its page number: kind, box, then what distinguishes it.
    public static func line(for item: DrawItem) -> String {
        switch item {
        case .glyphRun(let run):
            var fields = ["text", box(of: run), run.face.postScriptName, format(run.fontSize)]
            if run.color != .black { fields.append("color=" + color(run.color)) }
            if let outline = run.outline { fields.append("outline=" + stroke(outline)) }
            if run.turn != .none { fields.append("turn=(\(format(run.turn.cosine)),\(format(run.turn.sine)))") }
            if let language = run.language { fields.append("lang=" + language) }
            if run.isRuby { fields.append("ruby") }
            fields.append(quoted(run.glyphs.map(\.text).joined()))
            return fields.joined(separator: " ")
        case .line(let from, let to, let stroke):
            let rect = bounds(of: [from, to])
            return ["line", box(rect), self.stroke(stroke)].joined(separator: " ")
        case .rectangle(let rect, let stroke, let fill):
            return ["rect", box(rect), paint(stroke: stroke, fill: fill)].joined(separator: " ")
        case .path(let path, let stroke, let fill):
            var points: [Point] = []
            for element in path.elements {
                switch element {
                case .move(let to), .line(let to): points.append(to)
                case .curve(let to, let c1, let c2): points += [to, c1, c2]
                case .close: break
                }
            }
            return ["path", box(bounds(of: points)), "elements=\(path.elements.count)",
                    paint(stroke: stroke, fill: fill)].joined(separator: " ")
        }
    }

    /// The box a glyph run's ink can cover: advances across, ascender to descender down.
    static func box(of run: GlyphRun) -> String {
        let scale = run.fontSize / Double(run.face.metrics.unitsPerEm)
        var left = Double.infinity, right = -Double.infinity
        for glyph in run.glyphs {
            left = min(left, glyph.x)
            right = max(right, glyph.x + Double(run.face.advance(of: glyph.glyphID)) * scale)
        }
        if run.glyphs.isEmpty { left = 0; right = 0 }
        let ascender = Double(run.face.metrics.ascender) * scale, descender = Double(run.face.metrics.descender) * scale
        guard run.turn != .none else {
            return box(Rect(x: run.origin.x + left, y: run.origin.y - ascender, width: right - left,
                            height: ascender - descender))
        }
        // A turned run: the page area its turned box covers.
        let corners = [(left, ascender), (right, ascender), (left, descender), (right, descender)].map { along, above in
            let offset = run.turn.offset(along: along, above: above)
            return Point(x: run.origin.x + offset.x, y: run.origin.y + offset.y)
        }
        return box(bounds(of: corners))
    }

    static func bounds(of points: [Point]) -> Rect {
        guard let first = points.first else { return Rect(x: 0, y: 0, width: 0, height: 0) }
        var minX = first.x, maxX = first.x, minY = first.y, maxY = first.y
        for point in points.dropFirst() {
            minX = min(minX, point.x); maxX = max(maxX, point.x)
            minY = min(minY, point.y); maxY = max(maxY, point.y)
        }
        return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }

    static func box(_ rect: Rect) -> String {
        [rect.origin.x, rect.origin.y, rect.size.width, rect.size.height].map(format).joined(separator: " ")
    }

    static func paint(stroke: StrokeStyle?, fill: Color?) -> String {
        (stroke.map(self.stroke) ?? "stroke=none") + " fill=" + (fill.map(color) ?? "none")
    }

    static func stroke(_ style: StrokeStyle) -> String {
        var text = "stroke=\(format(style.lineWidth)) \(color(style.color))"
        if let dash = style.dash {
            text += " dash=[" + dash.lengths.map(format).joined(separator: ",") + "]@" + format(dash.phase)
        }
        if style.cap != .butt { text += " cap=\(style.cap)" }
        if style.join != .miter { text += " join=\(style.join)" }
        return text
    }

    static func color(_ color: Color) -> String {
        switch color {
        case .gray(let level): return "g" + format(level)
        case .rgb(let r, let g, let b): return "rgb(" + [r, g, b].map(format).joined(separator: ",") + ")"
        }
    }

    /// A length rounded to hundredths, always with two decimals and never "-0.00".
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        var hundredths = Int((value * 100).rounded())
        let negative = hundredths < 0
        hundredths = abs(hundredths)
        let fraction = hundredths % 100
        return (negative ? "-" : "") + "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }

    /// The text in double quotes; quotes, backslashes and control characters escaped, so an
    /// item always stays on one line.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                switch scalar.properties.generalCategory {
                case .control, .lineSeparator, .paragraphSeparator:
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                default:
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
