import Foundation
import TestSupport
import YorisoiLayout
import YorisoiPDF
import YorisoiText

/// Fonts, styles and display-list probes shared by the layout tests.
enum Fixtures {
    static let library: FontLibrary = try! FontLibrary(
        configurationFile: TestPaths.repositoryRoot.appendingPathComponent("Fonts/fonts.yaml"))
    static let mincho: FontChain = try! library.chain(family: "mincho")
    static let gothic: FontChain = try! library.chain(family: "gothic")

    static func style(_ size: Double = 10.5, gothic: Bool = false) -> TextStyle {
        TextStyle(chain: gothic ? Self.gothic : mincho, size: size)
    }

    static func paragraph(_ text: String, size: Double = 10.5, alignment: TextAlignment = .justify,
                          sourcePath: String? = nil) -> Block {
        .paragraph(ParagraphBlock([.text(text, style: style(size))], alignment: alignment, sourcePath: sourcePath))
    }

    static func cell(_ text: String, size: Double = 10.5, style cellStyle: CellStyle = CellStyle(),
                     colspan: Int = 1, rowspan: Int = 1, overflow: OverflowPolicy = .shrink(),
                     sourcePath: String? = nil) -> TableCell {
        TableCell([paragraph(text, size: size, sourcePath: sourcePath)], colspan: colspan, rowspan: rowspan,
                  style: cellStyle, overflow: overflow, sourcePath: sourcePath)
    }

    static func document(_ body: [Block], page: PageSetup = PageSetup(), header: PageRegion? = nil,
                         footer: PageRegion? = nil) -> LayoutDocument {
        LayoutDocument(page: page, defaultStyle: style(), header: header, footer: footer, body: body, title: "テスト")
    }

    /// 「あいうえお…」 repeated: Japanese text that breaks anywhere.
    static func longText(_ characters: Int) -> String {
        let source = Array("こどもと家族の希望がかなうように、関係機関と一緒に支援の内容を考えます。")
        return String((0..<characters).map { source[$0 % source.count] })
    }

    static let date: PDFDate = try! PDFDate(iso8601: "2025-01-17T09:30:00+09:00")
}

/// One drawn glyph, in page coordinates, with the box its ink can cover.
struct DrawnGlyph {
    var text: String
    var fontSize: Double
    var x: Double
    var baseline: Double
    var advance: Double

    /// The em box: from 0.88 em above the baseline to 0.12 em below, as wide as the advance —
    /// except closing punctuation, whose ink is in the left half (the line breaker trims the
    /// blank half at a line end, so that half may lie past the box edge).
    var box: Rect {
        let inkWidth = "、。，．）」』】〕〉》".contains(text) && !text.isEmpty ? advance / 2 : advance
        return Rect(x: x, y: baseline - 0.88 * fontSize, width: inkWidth, height: fontSize)
    }
}

extension PDFPage {
    /// The glyphs paper shows: invisible text (a check box's state in words, for screen readers
    /// and copying; FormBlockTests checks it) is not drawn.
    var glyphs: [DrawnGlyph] {
        items.flatMap { item -> [DrawnGlyph] in
            guard case .glyphRun(let run) = item, !run.isInvisible else { return [] }
            return run.glyphs.map { glyph in
                let advance = Double(run.face.advance(of: glyph.glyphID)) / Double(run.face.metrics.unitsPerEm) * run.fontSize
                return DrawnGlyph(text: glyph.text, fontSize: run.fontSize, x: run.origin.x + glyph.x,
                                  baseline: run.origin.y + glyph.y, advance: advance)
            }
        }
    }

    /// The page's text in drawing order (good enough for short, single-run checks).
    var text: String { glyphs.map(\.text).joined() }

    func text(inside rect: Rect) -> String {
        glyphs.filter { rect.contains($0.box, tolerance: 0.05) }.map(\.text).joined()
    }

    var lines: [(from: Point, to: Point, stroke: StrokeStyle)] {
        items.compactMap { item in
            guard case .line(let from, let to, let stroke) = item else { return nil }
            return (from, to, stroke)
        }
    }

    var paths: [(Path, StrokeStyle?, Color?)] {
        items.compactMap { item in
            guard case .path(let path, let stroke, let fill) = item else { return nil }
            return (path, stroke, fill)
        }
    }

    var rectangles: [(Rect, StrokeStyle?, Color?)] {
        items.compactMap { item in
            guard case .rectangle(let rect, let stroke, let fill) = item else { return nil }
            return (rect, stroke, fill)
        }
    }
}

extension Rect {
    func contains(_ other: Rect, tolerance: Double = 0.01) -> Bool {
        other.origin.x >= origin.x - tolerance && other.origin.y >= origin.y - tolerance
            && other.origin.x + other.size.width <= origin.x + size.width + tolerance
            && other.origin.y + other.size.height <= origin.y + size.height + tolerance
    }

    var maxX: Double { origin.x + size.width }
    var maxY: Double { origin.y + size.height }
}

extension LayoutResult {
    func cells(onPage page: Int) -> [PlacedBox] {
        boxes.filter {
            guard $0.pageIndex == page, case .cell = $0.kind else { return false }
            return true
        }
    }

    /// Glyphs of `page` below `top` that lie in no cell box (for the part of a page taken by
    /// tables this must be empty).
    func glyphsOutsideCells(page: Int, below top: Double = 0) -> [DrawnGlyph] {
        let cells = cells(onPage: page)
        return pages[page].glyphs.filter { glyph in
            glyph.box.origin.y >= top && !cells.contains { $0.rect.contains(glyph.box, tolerance: 0.05) }
        }
    }
}
