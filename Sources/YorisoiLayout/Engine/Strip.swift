import YorisoiDisplayList

/// The unit of vertical flow: a horizontal slice that is never cut by a page break (one line of a
/// paragraph, one row of a check list, one piece of a table). Coordinates inside are relative to
/// the strip's top-left corner, x measured from the left edge of the container it was made for.
struct Strip {
    var height: Double
    var items: [DrawItem] = []
    var boxes: [RelativeBox] = []
    var bookmarks: [RelativeBookmark] = []
    /// Space before a paragraph is dropped at the top of a page: a page does not start with a gap.
    var isDiscardableAtPageTop = false

    static func space(_ height: Double) -> Strip {
        Strip(height: height, isDiscardableAtPageTop: true)
    }

    /// Appends `strips` stacked from their own top and shifted by (dx, dy); does not change the
    /// height. Each point is moved by the stacking offset and then by (dx, dy), as two moves
    /// would, without making the stacked strip first (a table cell's every glyph run was copied
    /// once more for it).
    mutating func overlay(stacking strips: [Strip], dx: Double, dy: Double) {
        var top = 0.0
        for strip in strips {
            let first = (dx: 0.0, dy: top)
            // Item by item, not a mapped array appended: that copied every moved item twice.
            for item in strip.items { items.append(item.offset(first, then: (dx, dy))) }
            boxes += strip.boxes.map { $0.offset(dx: first.dx, dy: first.dy).offset(dx: dx, dy: dy) }
            bookmarks += strip.bookmarks.map {
                RelativeBookmark(block: $0.block, x: $0.x + first.dx + dx, y: $0.y + first.dy + dy)
            }
            top += strip.height
        }
    }

    /// Many strips stacked into one (for content that must not be split: a nested table, a
    /// header region).
    static func stacked(_ strips: [Strip]) -> Strip {
        var result = Strip(height: strips.totalHeight)
        result.overlay(stacking: strips, dx: 0, dy: 0)
        return result
    }
}

struct RelativeBox {
    var rect: Rect
    var kind: PlacedBox.Kind
    var sourcePath: String?

    func offset(dx: Double, dy: Double) -> RelativeBox {
        var copy = self
        copy.rect.origin.x += dx
        copy.rect.origin.y += dy
        return copy
    }
}

struct RelativeBookmark {
    var block: BookmarkBlock
    var x: Double
    var y: Double
}

extension [Strip] {
    var totalHeight: Double { reduce(0) { $0 + $1.height } }
}

extension DrawItem {
    func offset(dx: Double, dy: Double) -> DrawItem {
        transformed { Point(x: $0.x + dx, y: $0.y + dy) }
    }

    /// Moved by `first`, then by `second`: the same coordinates as two `offset` calls, in one copy.
    func offset(_ first: (dx: Double, dy: Double), then second: (dx: Double, dy: Double)) -> DrawItem {
        transformed { Point(x: $0.x + first.dx + second.dx, y: $0.y + first.dy + second.dy) }
    }

    private func transformed(_ move: (Point) -> Point) -> DrawItem {
        switch self {
        case .glyphRun(var run):
            run.origin = move(run.origin)
            return .glyphRun(run)
        case .line(let from, let to, let stroke):
            return .line(from: move(from), to: move(to), stroke: stroke)
        case .rectangle(var rect, let stroke, let fill):
            rect.origin = move(rect.origin)
            return .rectangle(rect, stroke: stroke, fill: fill)
        case .path(let path, let stroke, let fill):
            let elements = path.elements.map { element -> Path.Element in
                switch element {
                case .move(let to): return .move(to: move(to))
                case .line(let to): return .line(to: move(to))
                case .curve(let to, let c1, let c2): return .curve(to: move(to), control1: move(c1), control2: move(c2))
                case .close: return .close
                }
            }
            // The structure goes along: a scale's drawing is its Figure's content, not furniture.
            return .path(Path(elements, structure: path.structure), stroke: stroke, fill: fill)
        }
    }
}

extension BorderLine {
    /// Square caps make two lines that end at the same corner close it, whatever their widths.
    var stroke: StrokeStyle {
        let dash: DashPattern?
        switch pattern {
        case .solid: dash = nil
        case .dashed: dash = DashPattern([width * 6, width * 3])
        case .dotted: dash = DashPattern([width, width * 2])
        }
        return StrokeStyle(lineWidth: width, color: .gray(gray), dash: dash,
                           cap: pattern == .solid ? .square : .butt, join: .miter)
    }
}
