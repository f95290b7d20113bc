import Testing
import YorisoiLayout
import YorisoiPDF
import YorisoiText

@Suite struct PageSetupTests {
    @Test func paperSizesInPointsFollowOrientation() {
        let a4 = PageSetup(paper: .a4)
        #expect(abs(a4.width - 595.276) < 0.01)
        #expect(abs(a4.height - 841.89) < 0.01)
        let b4 = PageSetup(paper: .b4, orientation: .landscape)
        #expect(abs(b4.width - Units.mm(364)) < 0.01)
        #expect(abs(b4.height - Units.mm(257)) < 0.01)
        let margins = PageSetup(paper: .a3, margins: EdgeInsets(top: 10, right: 20, bottom: 30, left: 40))
        #expect(abs(margins.contentWidth - (Units.mm(297) - 60)) < 0.01)
        #expect(abs(margins.contentHeight - (Units.mm(420) - 40)) < 0.01)
    }

    @Test func layoutPagesHaveTheSheetSize() throws {
        let setup = PageSetup(paper: .b5, orientation: .landscape)
        let result = try Layout.run(Fixtures.document([Fixtures.paragraph("本文")], page: setup))
        #expect(result.pages.count == 1)
        #expect(abs(result.pages[0].size.width - Units.mm(257)) < 0.01)
        #expect(abs(result.pages[0].size.height - Units.mm(182)) < 0.01)
    }
}

@Suite struct TableLayoutTests {
    let margins = EdgeInsets(all: 50)

    @Test func cellsSitOnTheColumnGridWithSpans() throws {
        // 100 pt fixed, then 1* and 2* sharing the rest of 495.276 − 100.
        let table = TableBlock(columns: [.points(100), .fraction(1), .fraction(2)], rows: [
            TableRow(cells: [Fixtures.cell("氏名"), Fixtures.cell("山田 花子", colspan: 2)]),
            TableRow(cells: [Fixtures.cell("住所", rowspan: 2), Fixtures.cell("a"), Fixtures.cell("b")]),
            TableRow(cells: [Fixtures.cell("c"), Fixtures.cell("d")]),
        ])
        let result = try Layout.run(Fixtures.document([.table(table)], page: PageSetup(margins: margins)))
        let cells = result.cells(onPage: 0)
        #expect(cells.count == 7)
        func box(_ row: Int, _ column: Int) throws -> Rect {
            try #require(cells.first { $0.kind == .cell(row: row, column: column) }).rect
        }
        let rest = PageSetup().width - 100 - 100
        #expect(abs(try box(0, 0).size.width - 100) < 0.001)
        #expect(abs(try box(0, 1).size.width - rest) < 0.001)
        #expect(abs(try box(1, 1).size.width - rest / 3) < 0.001)
        #expect(abs(try box(1, 2).origin.x - (50 + 100 + rest / 3)) < 0.001)
        #expect(abs(try box(1, 2).maxX - (PageSetup().width - 50)) < 0.001)
        // The rowspan cell covers both rows exactly; rows follow each other without gaps.
        #expect(abs(try box(0, 0).origin.y - 50) < 0.001)
        #expect(abs(try box(1, 0).origin.y - box(0, 0).maxY) < 0.001)
        #expect(abs(try box(1, 0).maxY - box(2, 1).maxY) < 0.001)
        #expect(abs(try box(2, 1).origin.y - box(1, 1).maxY) < 0.001)
        #expect(result.glyphsOutsideCells(page: 0).isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    /// Spans that chain (rows 0–1, then 1–3 from the second) make one band of four rows, which
    /// the bands are found in one pass over the cells (`bandRanges`); each spanning cell still
    /// covers exactly its rows, and the row after the chain starts its own band.
    @Test func chainedRowspansShareOneBand() throws {
        let table = TableBlock(columns: [.fraction(1), .fraction(1), .fraction(1)], rows: [
            TableRow(cells: [Fixtures.cell("甲", rowspan: 2), Fixtures.cell("a"), Fixtures.cell("b")]),
            TableRow(cells: [Fixtures.cell("乙", rowspan: 3), Fixtures.cell("c")]),
            TableRow(cells: [Fixtures.cell("d"), Fixtures.cell("e")]),
            TableRow(cells: [Fixtures.cell("f"), Fixtures.cell("g")]),
            TableRow(cells: [Fixtures.cell("h"), Fixtures.cell("i"), Fixtures.cell("j")]),
        ])
        let result = try Layout.run(Fixtures.document([.table(table)], page: PageSetup(margins: margins)))
        let cells = result.cells(onPage: 0)
        func box(_ row: Int, _ column: Int) throws -> Rect {
            try #require(cells.first { $0.kind == .cell(row: row, column: column) }).rect
        }
        #expect(cells.count == 12)
        #expect(abs(try box(0, 0).maxY - box(1, 2).maxY) < 0.001)     // 甲 ends with row 1
        #expect(abs(try box(1, 1).origin.y - box(1, 2).origin.y) < 0.001)
        #expect(abs(try box(1, 1).maxY - box(3, 2).maxY) < 0.001)     // 乙 ends with row 3
        #expect(abs(try box(4, 0).origin.y - box(3, 2).maxY) < 0.001)
        #expect(result.glyphsOutsideCells(page: 0).isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func bordersCloseEveryCorner() throws {
        let table = TableBlock(columns: [.fraction(1), .fraction(1)], rows: [
            TableRow(cells: [Fixtures.cell("左"), Fixtures.cell("右")]),
        ])
        let result = try Layout.run(Fixtures.document([.table(table)]))
        let lines = result.pages[0].lines
        #expect(lines.count == 8)
        // Square caps extend each rule by half its width, so perpendicular rules overlap at corners.
        #expect(lines.allSatisfy { $0.stroke.cap == .square })
    }

    @Test func verticalAlignmentPlacesTextInTheCell() throws {
        func baseline(_ alignment: VerticalAlignment) throws -> Double {
            let table = TableBlock(columns: [.fraction(1)], rows: [
                TableRow(cells: [Fixtures.cell("中", style: CellStyle(verticalAlignment: alignment))], height: .fixed(100)),
            ])
            let result = try Layout.run(Fixtures.document([.table(table)]))
            return try #require(result.pages[0].glyphs.first).baseline
        }
        let top = try baseline(.top), middle = try baseline(.middle), bottom = try baseline(.bottom)
        #expect(top < middle && middle < bottom)
        #expect(abs((middle - top) - (bottom - middle)) < 0.01)
    }

    @Test func distributedLabelSpansExactlyTheReferenceWidth() throws {
        // 「氏名」 spread to the width of 「生年月日」: both start at the same x and end at the same x.
        let style = Fixtures.style(10.5)
        let labels = ["生年月日", "氏名", "住所"].map {
            Block.paragraph(.label($0, style: style, asWideAs: "生年月日", position: .start))
        }
        let result = try Layout.run(Fixtures.document(labels))
        let glyphs = result.pages[0].glyphs
        let lines = Dictionary(grouping: glyphs, by: { ($0.baseline * 100).rounded() }).values
            .sorted { $0[0].baseline < $1[0].baseline }
        #expect(lines.count == 3)
        let reference = lines[0]
        for line in lines {
            #expect(abs(line.first!.x - reference.first!.x) < 0.01)
            #expect(abs((line.last!.x + line.last!.advance) - (reference.last!.x + reference.last!.advance)) < 0.01)
        }
        // 氏 … 名: the gap between the two glyphs is the width of the two missing characters.
        let name = lines[1]
        #expect(name.map(\.text).joined() == "氏名")
        #expect(abs((name[1].x - name[0].x) - 10.5 * 3) < 0.05)
    }

    @Test func distributedLabelFillsTheCellWidth() throws {
        let style = Fixtures.style(10.5)
        let padding = EdgeInsets(vertical: 2, horizontal: 4)
        let table = TableBlock(columns: [.points(80), .fraction(1)], rows: [
            TableRow(cells: [TableCell([.paragraph(.label("住所", style: style))], style: CellStyle(padding: padding)),
                             Fixtures.cell("袖ケ浦市")]),
        ])
        let result = try Layout.run(Fixtures.document([.table(table)]))
        let cell = try #require(result.cells(onPage: 0).first { $0.kind == .cell(row: 0, column: 0) })
        let glyphs = result.pages[0].glyphs.filter { cell.rect.contains($0.box) }
        #expect(glyphs.map(\.text).joined() == "住所")
        #expect(abs(glyphs[0].x - (cell.rect.origin.x + 4)) < 0.01)
        #expect(abs(glyphs[1].x + glyphs[1].advance - (cell.rect.maxX - 4)) < 0.01)
    }

    @Test func fixedCellShrinksTextWithinItsLimit() throws {
        // Five lines of 10.5 pt text in a box for about three and a half.
        let text = Fixtures.longText(150)
        let table = TableBlock(columns: [.points(200)], rows: [
            TableRow(cells: [Fixtures.cell(text, overflow: .shrink(minimumSize: 6, step: 0.5), sourcePath: "/plan/intent/child")],
                     height: .fixed(60)),
        ])
        let result = try Layout.run(Fixtures.document([.table(table)]))
        let glyphs = result.pages[0].glyphs
        let size = try #require(glyphs.first?.fontSize)
        #expect(size < 10.5 && size >= 6)
        #expect(glyphs.map(\.text).joined() == text, "every character is still printed")
        #expect(result.glyphsOutsideCells(page: 0).isEmpty)
        let shrink = try #require(result.diagnostics.first)
        #expect(shrink.severity == .note)
        #expect(shrink.sourcePath == "/plan/intent/child")
        #expect(shrink.kind == .shrunk(fromSize: 10.5, toSize: size))
        #expect(!result.hasOverflow)
        // The largest size that fits was taken: half a point more would not have fitted.
        let bigger = TableBlock(columns: [.points(200)], rows: [
            TableRow(cells: [Fixtures.cell(text, size: size + 0.5, overflow: .report)], height: .fixed(60)),
        ])
        #expect(try Layout.run(Fixtures.document([.table(bigger)])).hasOverflow)
    }

    @Test func fixedCellReportsOverflowWhenTheMinimumIsNotEnough() throws {
        let text = Fixtures.longText(800)
        let table = TableBlock(columns: [.points(200)], rows: [
            TableRow(cells: [Fixtures.cell(text, overflow: .shrink(minimumSize: 8, step: 0.5),
                                           sourcePath: "/plan/supports/3/content")],
                     height: .fixed(60)),
        ])
        let result = try Layout.run(Fixtures.document([.table(table)]))
        #expect(result.hasOverflow)
        let overflow = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(overflow.sourcePath == "/plan/supports/3/content")
        #expect(overflow.cell == CellLocation(row: 0, column: 0))
        #expect(overflow.description.contains("/plan/supports/3/content"))
        guard case .overflow(let excess, let hidden) = overflow.kind else {
            Issue.record("expected an overflow, got \(overflow.kind)")
            return
        }
        #expect(excess > 0)
        #expect(hidden > 0)
        let glyphs = result.pages[0].glyphs
        #expect(glyphs.allSatisfy { $0.fontSize == 8 }, "set at the minimum size")
        #expect(glyphs.count < text.count, "the lines that do not fit are left out")
        #expect(result.glyphsOutsideCells(page: 0).isEmpty, "and nothing is drawn outside the box")
        #expect(result.pages.count == 1)
    }

    @Test func characterWiderThanItsCellIsShrunkToFit() throws {
        // An 8 pt wide cell (14 − 2 × 3 padding) cannot hold a 10.5 pt character on any line:
        // the text is shrunk to 8 pt, one character per line.
        let table = TableBlock(columns: [.points(14), .fraction(1)], rows: [
            TableRow(cells: [Fixtures.cell("縦書", sourcePath: "/id"), Fixtures.cell("x")]),
        ])
        let result = try Layout.run(Fixtures.document([.table(table)]))
        #expect(result.glyphsOutsideCells(page: 0).isEmpty)
        #expect(result.pages[0].text == "縦書x")
        let shrink = try #require(result.diagnostics.first)
        #expect(shrink.sourcePath == "/id" && shrink.severity == .note)
        #expect(shrink.kind == .shrunk(fromSize: 10.5, toSize: 8))
    }

    @Test func characterTooWideEvenAtTheMinimumIsReported() throws {
        let table = TableBlock(columns: [.points(12), .fraction(1)], rows: [
            TableRow(cells: [Fixtures.cell("縦書", sourcePath: "/id"), Fixtures.cell("x")]),
        ])
        let result = try Layout.run(Fixtures.document([.table(table)]))
        #expect(result.glyphsOutsideCells(page: 0).isEmpty, "what crosses the border is left out, not drawn over it")
        #expect(result.pages[0].text == "x")
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.sourcePath == "/id")
        #expect(error.cell == CellLocation(row: 0, column: 0))
        guard case .tooWide(let excess) = error.kind else {
            Issue.record("expected tooWide, got \(error.kind)")
            return
        }
        #expect(abs(excess - 1) < 0.01, "7 pt minimum in a 6 pt measure")
    }
}
