import Foundation
import YorisoiLayout
import YorisoiPDF
import YorisoiText

/// The 見本 mark of a draft notice (`NoticeNumber.isDraft`): 見本 in a ruled box, large, its
/// letters outlined in grey, turned across the middle of every page — the specimen stamp a clerk
/// knows from 記載例 and sample certificates, so no one takes a preview for an issued notice.
///
/// It is page furniture laid over pages already laid out, so a draft is set exactly like the
/// issued notice it previews (same lines, same pages). It is drawn first on each page, behind
/// the notice's own text and rules: every value stays readable through it.
struct DraftMark {
    static let text = "見本"
    /// Turned 30° counter-clockwise: plainly a watermark, still read without turning the sheet.
    static let angle = 30.0
    /// The size of 見本 when the page has room (A4 has), 50 mm a character.
    static let preferredSize = Units.mm(50)
    /// The least distance from the mark's outer edge (its box's rule) to any edge of the sheet,
    /// so a printer's unprintable border never cuts it.
    static let edgeClearance = Units.mm(10)
    /// The letters' fill: pale enough for black text on it to read as on white.
    static let ink = Color.gray(0.92)
    /// Round the letters, a mid grey that reads at a glance and through a photocopy.
    static let letterOutline = StrokeStyle(lineWidth: 1, color: .gray(0.6), join: .round)
    /// The box, like the rule of a rubber stamp.
    static let rule = StrokeStyle(lineWidth: 2.5, color: .gray(0.62), join: .miter)

    let style: TextStyle
    let turn: BaselineTurn

    init(fonts: FontLibrary) throws {
        style = TextStyle(chain: try fonts.chain(family: "gothic-bold"), size: Self.preferredSize)
        let radians = Self.angle * .pi / 180
        turn = BaselineTurn(cosine: cos(radians), sine: sin(radians))
    }

    /// Puts the mark behind the content of every page of `layout`.
    func mark(_ layout: inout LayoutResult) throws {
        var cache: [Size: [DrawItem]] = [:]
        for index in layout.pages.indices {
            let size = layout.pages[index].size
            let items = try cache[size] ?? self.items(pageSize: size)
            cache[size] = items
            layout.pages[index].items.insert(contentsOf: items, at: 0)
        }
    }

    /// The mark for a page of `pageSize`, centred, at the preferred size or as much smaller as
    /// keeps it `edgeClearance` from every edge.
    func items(pageSize: Size) throws -> [DrawItem] {
        let preferred = try stamp(size: Self.preferredSize)
        let extent = turnedExtent(preferred.frame)
        let scale = min(1, (pageSize.width - 2 * Self.edgeClearance) / extent.width,
                        (pageSize.height - 2 * Self.edgeClearance) / extent.height)
        guard scale > 0.1 else {
            throw PipelineError.internalFailure("a page of \(pageSize.width)×\(pageSize.height) pt has no room for the 見本 mark")
        }
        let stamp = scale < 1 ? try self.stamp(size: Self.preferredSize * scale) : preferred
        let centre = Point(x: stamp.frame.origin.x + stamp.frame.size.width / 2,
                           y: stamp.frame.origin.y + stamp.frame.size.height / 2)
        let pageCentre = Point(x: pageSize.width / 2, y: pageSize.height / 2)
        // Turns a point of the upright stamp about its centre and moves that centre to the page's.
        func place(_ point: Point) -> Point {
            let offset = turn.offset(along: point.x - centre.x, above: centre.y - point.y)
            return Point(x: pageCentre.x + offset.x, y: pageCentre.y + offset.y)
        }
        let frame = stamp.frame
        var box = Path()
        box.move(to: place(frame.origin))
        box.line(to: place(Point(x: frame.origin.x + frame.size.width, y: frame.origin.y)))
        box.line(to: place(Point(x: frame.origin.x + frame.size.width, y: frame.origin.y + frame.size.height)))
        box.line(to: place(Point(x: frame.origin.x, y: frame.origin.y + frame.size.height)))
        box.close()
        var items: [DrawItem] = [.path(box, stroke: Self.rule, fill: nil)]
        for var run in stamp.runs {
            run.origin = place(run.origin)
            run.turn = turn
            run.color = Self.ink
            run.outline = Self.letterOutline
            items.append(.glyphRun(run))
        }
        return items
    }

    /// The upright stamp at `size`: 見本's glyph runs on a baseline at y = 0 and the box round
    /// them (centre line of its rule), as Layout sets a one-line furniture piece.
    func stamp(size: Double) throws -> (runs: [GlyphRun], frame: Rect) {
        // The box reaches from the ideographic em box's top (0.88 em above the baseline in the
        // BIZ UD faces) and bottom (0.12 em below), a sixth of an em clear of the letters.
        let padding = size / 6
        let frame = FurnitureFrame(line: BorderLine(width: Self.rule.lineWidth), padding: padding,
                                   above: size * 0.88 + padding, below: size * 0.12 + padding)
        let piece = FurniturePiece([.text(Self.text, style: TextStyle(chain: style.chain, size: size))], frame: frame)
        let laid = try Layout.furniture(PageFurniture(baseline: 0, inset: 0, start: [piece]), pageWidth: size * 10)
        guard laid.uncovered.isEmpty else {
            throw PipelineError.internalFailure("the fonts cannot draw the 見本 mark")
        }
        var runs: [GlyphRun] = []
        var box: Rect?
        for item in laid.items {
            switch item {
            case .glyphRun(let run): runs.append(run)
            case .rectangle(let rect, _, _): box = rect
            default: break
            }
        }
        guard let box, !runs.isEmpty else { throw PipelineError.internalFailure("the 見本 mark was not set") }
        return (runs, box)
    }

    /// The width and height the turned box covers, its rule included.
    func turnedExtent(_ frame: Rect) -> Size {
        let width = frame.size.width + Self.rule.lineWidth, height = frame.size.height + Self.rule.lineWidth
        return Size(width: width * turn.cosine + height * turn.sine, height: width * turn.sine + height * turn.cosine)
    }
}
