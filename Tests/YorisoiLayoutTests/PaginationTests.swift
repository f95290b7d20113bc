import Testing
import YorisoiLayout
import YorisoiPDF
import YorisoiText

@Suite struct PaginationTests {
    static let header = TableRow(cells: [
        Fixtures.cell("番号", style: CellStyle(background: 0.9)),
        Fixtures.cell("支援の内容", style: CellStyle(background: 0.9)),
    ], isHeader: true)

    static func longTable(rows: Int, splitting: RowSplitting = .allowed) -> TableBlock {
        TableBlock(columns: [.points(50), .fraction(1)], rows: [header] + (1...rows).map { n in
            TableRow(cells: [Fixtures.cell("\(n)"), Fixtures.cell("支援 \(n)", sourcePath: "/plan/supports/\(n)")])
        }, rowSplitting: splitting)
    }

    @Test func longTableContinuesWithTheHeaderRowRepeated() throws {
        let result = try Layout.run(Fixtures.document([.table(Self.longTable(rows: 60))]))
        #expect(result.pages.count >= 2)
        let top = PageSetup().margins.top
        for page in result.pages.indices {
            let cells = result.cells(onPage: page)
            let header = try #require(cells.first { $0.kind == .cell(row: 0, column: 1) })
            #expect(abs(header.rect.origin.y - top) < 0.01, "the header row opens page \(page + 1)")
            #expect(result.pages[page].text(inside: header.rect) == "支援の内容")
            #expect(result.glyphsOutsideCells(page: page).isEmpty)
            // Everything stays inside the body area.
            #expect(cells.allSatisfy { $0.rect.maxY <= PageSetup().height - PageSetup().margins.bottom + 0.01 })
        }
        // Every body row appears exactly once, in order, across the pages.
        let numbers = result.pages.indices.flatMap { page in
            result.cells(onPage: page).filter { $0.kind != .cell(row: 0, column: 0) && $0.kind != .cell(row: 0, column: 1) }
                .compactMap { box -> Int? in
                    guard case .cell(let row, 0) = box.kind else { return nil }
                    return row
                }
        }
        #expect(numbers == Array(1...60))
        #expect(result.diagnostics.isEmpty)
    }

    @Test func rowTallerThanTheRemainingSpaceIsSplitBetweenLines() throws {
        let intro = (0..<3).map { _ in Fixtures.paragraph(Fixtures.longText(400)) }
        let text = Fixtures.longText(3000)
        let table = TableBlock(columns: [.points(80), .fraction(1)], rows: [
            Self.header,
            TableRow(cells: [Fixtures.cell("内容", style: CellStyle(verticalAlignment: .middle)),
                             Fixtures.cell(text, sourcePath: "/plan/long")]),
        ])
        let result = try Layout.run(Fixtures.document(intro + [.table(table)]))
        #expect(result.pages.count >= 2)
        // The long cell's text continues on the next page; nothing lost, nothing doubled.
        let bodyCells = result.boxes.filter { $0.kind == .cell(row: 1, column: 1) }
        #expect(bodyCells.count >= 2)
        let printed = bodyCells.map { result.pages[$0.pageIndex].text(inside: $0.rect) }.joined()
        #expect(printed == text)
        // The first part fills its page down to the bottom margin.
        let bottom = PageSetup().height - PageSetup().margins.bottom
        let first = bodyCells[0]
        #expect(first.rect.maxY <= bottom + 0.01 && first.rect.maxY > bottom - 30)
        // On the next page the header row comes first again.
        let second = bodyCells[1]
        let header = try #require(result.cells(onPage: second.pageIndex).first { $0.kind == .cell(row: 0, column: 1) })
        #expect(abs(header.rect.maxY - second.rect.origin.y) < 0.01)
        for page in result.pages.indices {
            let tableTop = result.cells(onPage: page).map(\.rect.origin.y).min() ?? 0
            #expect(result.glyphsOutsideCells(page: page, below: tableTop).isEmpty)
        }
        #expect(result.diagnostics.isEmpty)
    }

    @Test func rowspanGroupSplitsWithTheSpanningCellContinued() throws {
        let filler = (0..<4).map { _ in Fixtures.paragraph(Fixtures.longText(390)) }
        let texts = (0..<3).map { Fixtures.longText(300 + $0 * 40) }
        let table = TableBlock(columns: [.points(70), .fraction(1)], rows: [
            TableRow(cells: [Fixtures.cell("支援", style: CellStyle(verticalAlignment: .middle), rowspan: 3),
                             Fixtures.cell(texts[0])]),
            TableRow(cells: [Fixtures.cell(texts[1])]),
            TableRow(cells: [Fixtures.cell(texts[2])]),
        ])
        let result = try Layout.run(Fixtures.document(filler + [.table(table)]))
        #expect(result.pages.count == 2)
        // The spanning label cell is drawn on both pages, beside the rows it spans there.
        let spanning = result.boxes.filter { $0.kind == .cell(row: 0, column: 0) }
        #expect(spanning.map(\.pageIndex) == [0, 1])
        for page in 0..<2 {
            let cells = result.cells(onPage: page)
            let right = cells.filter { $0.kind != .cell(row: 0, column: 0) }
            let label = try #require(cells.first { $0.kind == .cell(row: 0, column: 0) })
            #expect(abs(label.rect.origin.y - right.map(\.rect.origin.y).min()!) < 0.01)
            #expect(abs(label.rect.maxY - right.map(\.rect.maxY).max()!) < 0.01)
            // Cells never overlap.
            for (i, a) in cells.enumerated() {
                for b in cells[(i + 1)...] {
                    let overlapX = min(a.rect.maxX, b.rect.maxX) - max(a.rect.origin.x, b.rect.origin.x)
                    let overlapY = min(a.rect.maxY, b.rect.maxY) - max(a.rect.origin.y, b.rect.origin.y)
                    #expect(overlapX < 0.01 || overlapY < 0.01)
                }
            }
            let tableTop = cells.map(\.rect.origin.y).min() ?? 0
            #expect(result.glyphsOutsideCells(page: page, below: tableTop).isEmpty)
        }
        // Each row's text comes out whole, in order, across the two pages.
        let printed = (0..<3).map { row in
            result.boxes.filter { $0.kind == .cell(row: row, column: 1) }
                .map { result.pages[$0.pageIndex].text(inside: $0.rect) }.joined()
        }
        #expect(printed == texts)
        #expect(result.pages[0].text(inside: spanning[0].rect) == "支援")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func avoidedRowSplittingMovesTheRowWhole() throws {
        let filler = (0..<5).map { _ in Fixtures.paragraph(Fixtures.longText(380)) }
        let table = TableBlock(columns: [.fraction(1)], rows: [
            TableRow(cells: [Fixtures.cell(Fixtures.longText(600))]),
        ], rowSplitting: .avoided)
        let result = try Layout.run(Fixtures.document(filler + [.table(table)]))
        let parts = result.boxes.filter { $0.kind == .cell(row: 0, column: 0) }
        #expect(parts.count == 1)
        #expect(parts[0].pageIndex == 1)
        #expect(abs(parts[0].rect.origin.y - PageSetup().margins.top) < 0.01)
    }

    @Test func keepTogetherGroupMovesWholeToTheNextPage() throws {
        // Fill most of the first page, then a group that does not fit in what is left.
        let filler = (0..<5).map { _ in Fixtures.paragraph(Fixtures.longText(390)) }
        let group = GroupBlock(blocks: [
            Fixtures.paragraph("同意欄"),
            .table(TableBlock(columns: [.fraction(1)], rows: (0..<6).map { _ in TableRow(cells: [Fixtures.cell("署名")]) })),
        ])
        let kept = try Layout.run(Fixtures.document(filler + [.group(group)]))
        let loose = try Layout.run(Fixtures.document(filler + [.group(GroupBlock(blocks: group.blocks, keepTogether: false))]))
        // Without keep-together the group starts on page 1; with it, all of it is on page 2.
        #expect(loose.cells(onPage: 0).count > 0)
        #expect(kept.cells(onPage: 0).isEmpty)
        #expect(kept.cells(onPage: 1).count == 6)
        try #require(kept.pages.count == 2)
        let title = kept.pages[1].glyphs.first
        #expect(title?.text == "同")
        #expect(abs((title?.box.origin.y ?? 0) - PageSetup().margins.top) < 12)
    }

    @Test func pageBreakStartsANewPage() throws {
        let result = try Layout.run(Fixtures.document([Fixtures.paragraph("一"), .pageBreak, .pageBreak,
                                                       Fixtures.paragraph("二")]))
        #expect(result.pages.count == 2)
        #expect(result.pages[1].text == "二")
    }

    @Test func bookmarksBecomeANestedOutline() throws {
        let result = try Layout.run(Fixtures.document([
            .bookmark(BookmarkBlock(title: "サポートプラン")), Fixtures.paragraph("本文"),
            .bookmark(BookmarkBlock(title: "支援内容", level: 1)), .pageBreak,
            .bookmark(BookmarkBlock(title: "同意", level: 1)), Fixtures.paragraph("同意します"),
        ]))
        #expect(result.outline.count == 1)
        #expect(result.outline[0].children.map(\.title) == ["支援内容", "同意"])
        #expect(result.outline[0].children[1].pageIndex == 1)
    }

    @Test func layoutIsDeterministic() throws {
        let document = Fixtures.document([.table(Self.longTable(rows: 40)), Fixtures.paragraph(Fixtures.longText(300))])
        let a = try Layout.run(document), b = try Layout.run(document)
        #expect(a.pages.count == b.pages.count)
        for (pa, pb) in zip(a.pages, b.pages) {
            #expect(pa.glyphs.map { "\($0.text)@\($0.x),\($0.baseline)" } == pb.glyphs.map { "\($0.text)@\($0.x),\($0.baseline)" })
            #expect(pa.lines.map { "\($0.from)\($0.to)" } == pb.lines.map { "\($0.from)\($0.to)" })
        }
    }
}
