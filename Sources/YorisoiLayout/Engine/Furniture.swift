import YorisoiDisplayList
public import YorisoiText

/// Page furniture set for one page: what to append to its items, and the characters no font
/// of its chains could draw.
public struct LaidOutFurniture: Sendable {
    public var items: [DrawItem]
    public var uncovered: [UncoveredCharacter]
}

extension Layout {
    /// `furniture` for a page `pageWidth` wide, with page-number inlines showing `page` of `count`.
    /// Throws `FurnitureDoesNotFit` when the start and end pieces come closer than its gap.
    /// - Parameter paragraphs: the lines of furniture set before (on other pages), to take the
    ///   ones that come again from.
    public static func furniture(_ furniture: PageFurniture, pageWidth: Double, page: Int = 1,
                                 of count: Int = 1, paragraphs: ParagraphMemo? = nil) throws -> LaidOutFurniture {
        let style = furniture.start.first?.content.firstStyle ?? furniture.end.first?.content.firstStyle
        guard let style else { return LaidOutFurniture(items: [], uncovered: []) }
        let context = LayoutContext(defaultStyle: style, paragraphs: paragraphs)
        context.pageNumbers = (page, count)
        let text = TextSetting(context: context, scale: 1)

        var items: [DrawItem] = []
        var x = furniture.inset
        for piece in furniture.start {
            let set = try FurnitureSetter(text: text).set(piece, left: x, baseline: furniture.baseline)
            items += set.items
            x += set.width + piece.gapAfter
        }
        let startEnd = x - (furniture.start.last?.gapAfter ?? 0)

        // The end side is measured first, then drawn in reading order.
        let setter = FurnitureSetter(text: text)
        let endPieces = try furniture.end.map { try setter.line($0) }
        var widths = zip(furniture.end, endPieces).map { piece, line in setter.width(piece, line: line) }
        let endWidth = zip(widths, furniture.end).reduce(0) { $0 + $1.0 + $1.1.gapAfter } - (furniture.end.last?.gapAfter ?? 0)
        var right = pageWidth - furniture.inset
        if !furniture.end.isEmpty {
            let excess = startEnd + furniture.minimumGap - (right - endWidth)
            if excess > 0 { throw FurnitureDoesNotFit(excess: excess) }
        }
        var endItems: [[DrawItem]] = []
        for (index, piece) in furniture.end.enumerated().reversed() {
            let width = widths.removeLast()
            endItems.insert(setter.items(piece, line: endPieces[index], left: right - width,
                                         baseline: furniture.baseline), at: 0)
            right -= width + (index > 0 ? furniture.end[index - 1].gapAfter : 0)
        }
        items += endItems.flatMap { $0 }
        return LaidOutFurniture(items: items, uncovered: context.uncovered.map(\.character))
    }
}

/// A piece's one line and its natural width (frame padding not included).
struct FurnitureLine {
    var line: LaidOutLine?
    var natural: Double
}

/// One furniture piece: its line at natural width, its frame, its glyph runs.
struct FurnitureSetter {
    let text: TextSetting

    /// The piece's one line. Laid out a point wider than its natural width, so a width measured
    /// the same way never wraps on rounding.
    func line(_ piece: FurniturePiece) throws -> FurnitureLine {
        let spans = text.spans(piece.content)
        guard !spans.isEmpty else { return FurnitureLine(line: nil, natural: 0) }
        let natural = try ParagraphLayout.naturalWidth(spans, memo: text.context.paragraphs)
        let lines = try text.lines(spans, settings: ParagraphSettings(width: natural + 1, alignment: .start),
                                   sourcePath: nil)
        return FurnitureLine(line: lines.first, natural: natural)
    }

    /// The width the piece takes: its text's natural width (a line's closing 。 keeps its full
    /// em here), plus the frame's padding.
    func width(_ piece: FurniturePiece, line: FurnitureLine) -> Double {
        line.natural + 2 * (piece.frame?.padding ?? 0)
    }

    /// The text, then its frame (drawn over it: a stamp's box is ruled round the letters).
    func items(_ piece: FurniturePiece, line: FurnitureLine, left: Double, baseline: Double) -> [DrawItem] {
        var items: [DrawItem] = []
        if let laid = line.line {
            items += TextSetting.glyphRuns(laid, x: left + (piece.frame?.padding ?? 0), baseline: baseline)
        }
        if let frame = piece.frame {
            // A closed rectangle has no ends: butt caps, unlike a table border's square ones.
            var stroke = frame.line.stroke
            stroke.cap = .butt
            items.append(.rectangle(Rect(x: left, y: baseline - frame.above, width: width(piece, line: line),
                                         height: frame.above + frame.below),
                                    stroke: stroke, fill: nil))
        }
        return items
    }

    func set(_ piece: FurniturePiece, left: Double, baseline: Double) throws -> (items: [DrawItem], width: Double) {
        let line = try self.line(piece)
        return (items(piece, line: line, left: left, baseline: baseline), width(piece, line: line))
    }
}

extension [Inline] {
    var firstStyle: TextStyle? {
        for inline in self {
            switch inline {
            case .text(let span), .underlined(let span): return span.style
            case .pageNumber(let style), .pageCount(let style): return style
            }
        }
        return nil
    }
}
