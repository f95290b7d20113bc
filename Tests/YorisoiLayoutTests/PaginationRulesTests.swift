import Testing
@testable import YorisoiLayout
import YorisoiPDF
import YorisoiText

/// The rules a form read on paper needs from its page breaks, checked on the display list. Most
/// tests sweep the amount of text before a table, so that page breaks fall at every line of it.
@Suite struct PaginationRulesTests {
    static let label = "支援機関がお手伝いできること"

    /// `count` one-line paragraphs.
    static func filler(_ count: Int) -> [Block] {
        (0..<count).map { _ in Fixtures.paragraph("本文の行です。") }
    }

    /// Text lines (distinct baselines) drawn inside `rect` on `page`.
    static func lineCount(_ result: LayoutResult, page: Int, in rect: Rect) -> Int {
        Set(result.pages[page].glyphs.filter { rect.contains($0.box, tolerance: 0.05) }.map { ($0.baseline * 100).rounded() }).count
    }

    static func planTable(rowHeight: RowHeight = .auto, content: String = Fixtures.longText(400)) -> TableBlock {
        TableBlock(columns: [.points(48), .fraction(1)], rows: [
            TableRow(cells: [Fixtures.cell("目標", style: CellStyle(background: 0.92)), Fixtures.cell("短い目標")]),
            TableRow(cells: [TableCell([Fixtures.paragraph(Self.label)], style: CellStyle(background: 0.92, verticalAlignment: .middle),
                                       keepsWhole: true),
                             Fixtures.cell(content)], height: rowHeight),
        ])
    }

    @Test func aLabelCellIsNeverSplitAcrossPages() throws {
        var splitRows = 0
        for count in 20...47 {
            let result = try Layout.run(Fixtures.document(Self.filler(count) + [.table(Self.planTable())]))
            let labels = result.boxes.filter { $0.kind == .cell(row: 1, column: 0) }
            if labels.count > 1 { splitRows += 1 }
            let printed = labels.map { result.pages[$0.pageIndex].text(inside: $0.rect) }.filter { !$0.isEmpty }
            // Whole where the row starts; where it continues, whole again and marked 「（続き）」
            // (issue #26: a row must not start a page without its label).
            #expect(printed.first == Self.label, "filler \(count): the label printed as \(printed)")
            #expect(printed.dropFirst().allSatisfy { $0 == Self.label + "（続き）" }, "filler \(count): \(printed)")
            #expect(printed.count == labels.count, "filler \(count): a continuation without its label")
        }
        // The sweep did make the row itself break across pages.
        #expect(splitRows > 0)
    }

    @Test func aSplitCellKeepsTwoLinesOnEachPage() throws {
        var splits = 0
        for count in 20...47 {
            let result = try Layout.run(Fixtures.document(Self.filler(count) + [.table(Self.planTable())]))
            let parts = result.boxes.filter { $0.kind == .cell(row: 1, column: 1) }
            guard parts.count > 1 else { continue }
            splits += 1
            for part in parts {
                let lines = Self.lineCount(result, page: part.pageIndex, in: part.rect)
                #expect(lines >= 2, "filler \(count): page \(part.pageIndex + 1) holds \(lines) line(s) of the row")
            }
        }
        #expect(splits > 0)
    }

    @Test func noPageStartsOrEndsWithAnEmptySliverOfARow() throws {
        // A row taller than its text (a box of the form): its text fits above the break, the
        // rest of the box is only padding and borders.
        for count in 10...40 {
            let table = Self.planTable(rowHeight: .minimum(300), content: Fixtures.longText(120))
            let result = try Layout.run(Fixtures.document(Self.filler(count) + [.table(table)]))
            for page in result.pages.indices {
                let parts = result.cells(onPage: page)
                guard !parts.isEmpty else { continue }
                let union = parts.reduce(parts[0].rect) { r, box in
                    let minY = min(r.origin.y, box.rect.origin.y), maxY = max(r.maxY, box.rect.maxY)
                    return Rect(x: 0, y: minY, width: 1000, height: maxY - minY)
                }
                #expect(Self.lineCount(result, page: page, in: union) > 0,
                        "filler \(count): page \(page + 1) has a piece of the table with no text")
            }
        }
    }

    @Test func rowsTiedByANumberCellStayTogether() throws {
        // A notice's 記: each service is five rows beside its number (rowspan 5).
        func item(_ n: Int) -> [TableRow] {
            [TableRow(cells: [Fixtures.cell("\(n)", rowspan: 5), Fixtures.cell("事業の名称"), Fixtures.cell("支援\(n)")])]
                + ["内容", "実施する者", "頻度", "期間"].map { TableRow(cells: [Fixtures.cell($0), Fixtures.cell(Fixtures.longText(40))]) }
        }
        let table = TableBlock(columns: [.points(24), .points(70), .fraction(1)], rows: (1...6).flatMap(item))
        var broke = 0
        for count in 0...30 {
            let result = try Layout.run(Fixtures.document(Self.filler(count) + [.table(table)]))
            if result.pages.count > 1 { broke += 1 }
            for n in 0..<6 {
                let pages = Set(result.boxes.filter {
                    guard case .cell(let row, _) = $0.kind else { return false }
                    return row / 5 == n
                }.map(\.pageIndex))
                #expect(pages.count == 1, "filler \(count): service \(n + 1) is on pages \(pages.sorted())")
            }
        }
        #expect(broke > 0)
    }

    @Test func theBodyNeverEntersTheFooterBand() throws {
        // 涌谷町: a 10 mm margin and a footer 8 mm from the edge.
        let page = PageSetup(orientation: .landscape, margins: EdgeInsets(all: Units.mm(10)))
        let footer = PageRegion(blocks: [.paragraph(ParagraphBlock([.text("わくやっ子センター　", style: Fixtures.style(8)),
                                                                   .pageNumber(Fixtures.style(8))], alignment: .end))])
        let table = TableBlock(columns: [.points(80), .fraction(1)], rows: (0..<40).map { n in
            TableRow(cells: [Fixtures.cell("支援\(n)"), Fixtures.cell(Fixtures.longText(60 + n * 7))])
        })
        let result = try Layout.run(Fixtures.document([.table(table)], page: page, footer: footer))
        #expect(result.pages.count > 1)
        for index in result.pages.indices {
            let band = try #require(result.boxes.first { $0.pageIndex == index && $0.kind == .footer })
            let body = result.cells(onPage: index)
            #expect(body.allSatisfy { $0.rect.maxY <= band.rect.origin.y - Units.mm(1) },
                    "page \(index + 1): the table reaches \(body.map(\.rect.maxY).max() ?? 0), the footer starts at \(band.rect.origin.y)")
            // No rule of the body crosses the footer band either.
            let rules = result.pages[index].lines.filter { $0.from.y < band.rect.origin.y - 0.01 || $0.to.y < band.rect.origin.y - 0.01 }
            #expect(rules.allSatisfy { max($0.from.y, $0.to.y) <= band.rect.origin.y - Units.mm(1) })
        }
    }

    @Test func aSignatureBlockNeverOpensAPageAlone() throws {
        let style = Fixtures.style()
        let consent = GroupBlock(blocks: [
            Fixtures.paragraph("このプランの内容を関係機関と共有することに同意します。"),
            .paragraph(ParagraphBlock([.text("本人署名", style: style), .underlined(TextSpan(String(repeating: "\u{3000}", count: 12), style: style))],
                                      alignment: .end)),
        ])
        var moved = 0
        for count in 40...48 {
            let result = try Layout.run(Fixtures.document(Self.filler(count) + [.spacer(SpacerBlock(height: 8)), .group(consent)]))
            let last = result.pages.count - 1
            guard last > 0 else { continue }
            moved += 1
            // The page the consent went to also holds the end of the text before it.
            #expect(result.pages[last].text.hasPrefix("本文の行です。"), "filler \(count): \(result.pages[last].text.prefix(12))")
        }
        #expect(moved > 0)
    }

    @Test func aHandwritingBlankDrawsItsRule() throws {
        let style = Fixtures.style()
        let blank = String(repeating: "\u{3000}", count: 10)
        let result = try Layout.run(Fixtures.document([
            .paragraph(ParagraphBlock([.text("本人署名", style: style), .underlined(TextSpan(blank, style: style)),
                                       .text("\u{3000}（日付）", style: style)], alignment: .start)),
        ]))
        let page = result.pages[0]
        let label = page.glyphs.filter { $0.text == "名" }.first
        let date = page.glyphs.first { $0.text == "（" }
        let rule = try #require(page.lines.first)
        #expect(page.lines.count == 1)
        // From the end of 「本人署名」 for ten ems, just under the baseline, and not under 「（日付）」.
        #expect(abs(rule.from.y - rule.to.y) < 0.01)
        #expect(abs(rule.from.x - ((label?.x ?? 0) + (label?.advance ?? 0))) < 0.5)
        #expect(abs(rule.to.x - rule.from.x - 10 * style.size) < 0.5)
        #expect(rule.to.x <= (date?.x ?? 0) - style.size + 0.5)
        #expect(rule.from.y > (label?.baseline ?? 0) && rule.from.y < (label?.baseline ?? 0) + style.size * 0.3)
    }

    @Test func aFewLinesSpillingOntoAnEmptyPageAreTakenBack() throws {
        // Just over a page: the last page would hold two lines.
        let body = Self.filler(50)
        var document = Fixtures.document(body)
        document.takesBackSpillOver = true
        let result = try Layout.run(document)
        #expect(result.pages.count == 1)
        #expect(result.pages[0].glyphs.filter { $0.text == "本" }.count == 50)
        #expect(result.diagnostics.contains { if case .shrunk = $0.kind { return $0.severity == .note } else { return false } })
        // Without the option, or with a real second page, the pages stay as they fall.
        #expect(try Layout.run(Fixtures.document(body)).pages.count == 2)
        var longer = Fixtures.document(Self.filler(80))
        longer.takesBackSpillOver = true
        let long = try Layout.run(longer)
        #expect(long.pages.count == 2)
        #expect(long.pages[0].glyphs.first?.fontSize == 10.5)
    }

    /// The trials are searched by bisection (`Layout.tighterPages`), yet the mildest size that
    /// takes the page back still wins: each winner is checked against the same text set at every
    /// milder size by hand, which keeps the second page. Across these lengths every outcome
    /// occurs — each size wins somewhere, and past them nothing takes the page back.
    @Test func theMildestSizeThatTakesThePageBackWins() throws {
        func pages(_ count: Int, size: Double) throws -> Int {
            try Layout.run(Fixtures.document((0..<count).map { _ in Fixtures.paragraph("本文の行です。", size: size) })).pages.count
        }
        var winners: Set<Double> = []
        for count in 49...60 {
            var document = Fixtures.document(Self.filler(count))
            document.takesBackSpillOver = true
            let result = try Layout.run(document)
            let shrunk = result.diagnostics.compactMap { diagnostic -> Double? in
                if case .shrunk(let from, let to) = diagnostic.kind { return to / from } else { return nil }
            }.first
            guard try pages(count, size: 10.5) == 2 else { continue }         // nothing spilled
            if let scale = shrunk {
                let winner = try #require(Layout.spillOverScales.first { abs($0 - scale) < 1e-9 })
                winners.insert(winner)
                #expect(result.pages.count == 1)
                #expect(try pages(count, size: 10.5 * winner) == 1)
                for milder in Layout.spillOverScales where milder > winner {
                    #expect(try pages(count, size: 10.5 * milder) == 2, "\(count) lines: \(milder) would have done")
                }
            } else {
                winners.insert(0)
                #expect(result.pages.count == 2)
                #expect(try pages(count, size: 10.5 * Layout.spillOverScales.last!) == 2)
            }
        }
        #expect(winners == Set(Layout.spillOverScales + [0]), "outcomes seen: \(winners.sorted())")
    }

    /// The blank rows a form keeps for handwriting give way when they alone push the consent onto
    /// a page of its own; real rows, even empty ones, do not.
    @Test func blankFormRowsGiveWayToKeepTheFormOnItsPage() throws {
        func document(padding: Bool) -> LayoutDocument {
            let blank = TableRow(cells: [Fixtures.cell(""), Fixtures.cell("")], height: .minimum(40), isPadding: padding)
            let table = TableBlock(columns: [.points(48), .fraction(1)],
                                   rows: [TableRow(cells: [Fixtures.cell("課題"), Fixtures.cell("朝の見守りを支援で補う。")])]
                                       + Array(repeating: blank, count: 6))
            let consent = GroupBlock(blocks: [Fixtures.paragraph("このプランの内容を関係機関と共有することに同意します。")])
            var document = Fixtures.document(Self.filler(36) + [.table(table), .group(consent)])
            document.takesBackSpillOver = true
            return document
        }
        let padded = try Layout.run(document(padding: true))
        #expect(padded.pages.count == 1)
        #expect(padded.pages[0].text.contains("同意します。"))
        // Taken back by dropping rows, not by setting the text smaller.
        #expect(padded.pages[0].glyphs.allSatisfy { $0.fontSize == 10.5 })
        #expect(!padded.diagnostics.contains { if case .shrunk = $0.kind { true } else { false } })
        // Real rows stay: the form runs on, or is set smaller, but keeps all seven rows.
        let plain = try Layout.run(document(padding: false))
        #expect(plain.pages.count == 2 || plain.diagnostics.contains { if case .shrunk = $0.kind { true } else { false } })
    }

    /// A heading line never ends a page with what it heads on the next (issue #26).
    @Test func aHeadingNeverEndsAPage() throws {
        var moved = 0
        for count in 40...50 {
            let body = Self.filler(count) + [Fixtures.paragraph("一緒に解決を目指していくこと"), .table(Self.planTable())]
            let result = try Layout.run(Fixtures.document(body))
            let page = try #require(result.pages.firstIndex { $0.text.contains("一緒に解決を目指していくこと") })
            #expect(result.pages[page].text.contains("短い目標"), "filler \(count): the heading ends page \(page + 1)")
            if page > 0 && result.pages[page].text.hasPrefix("一緒に") { moved += 1 }
        }
        // The sweep did push the heading over with its table.
        #expect(moved > 0)
    }

    @Test func hiddenPageNumbersLeaveTheRestOfTheFooter() throws {
        let style = Fixtures.style(9)
        let footer = PageRegion(blocks: [.paragraph(ParagraphBlock([.text("わくやっ子センター　", style: style), .pageNumber(style),
                                                                   .text(" / ", style: style), .pageCount(style)], alignment: .end)),
                                         .paragraph(ParagraphBlock([.pageNumber(style), .text("ページ", style: style)]))])
        var document = Fixtures.document(Self.filler(120), footer: footer)
        let shown = try Layout.run(document)
        #expect(shown.pages.count == 3)
        document.pageNumbers = .hidden
        let hidden = try Layout.run(document)
        for index in hidden.pages.indices {
            let band = try #require(hidden.boxes.first { $0.pageIndex == index && $0.kind == .footer })
            #expect(hidden.pages[index].text(inside: band.rect) == "わくやっ子センター")
        }
    }

    @Test func aRegionForSeveralPagesIsLeftOutOfASinglePage() throws {
        let style = Fixtures.style(9)
        let footer = PageRegion(blocks: [.paragraph(ParagraphBlock([.pageNumber(style), .text(" / ", style: style), .pageCount(style)],
                                                                  alignment: .center))], shownOnSinglePage: false)
        let one = try Layout.run(Fixtures.document(Self.filler(10), footer: footer))
        #expect(!one.boxes.contains { $0.kind == .footer })
        #expect(one.pages[0].text == String(repeating: "本文の行です。", count: 10))
        let two = try Layout.run(Fixtures.document(Self.filler(90), footer: footer))
        #expect(two.pages.count == 2)
        #expect(two.boxes.filter { $0.kind == .footer }.count == 2)
    }
}

extension PaginationRulesTests {
    @Test func aTablesLastRowNeverContinuesAlone() throws {
        // An assessment's check table: one-line rows under a header row.
        let header = TableRow(cells: [Fixtures.cell("項目"), Fixtures.cell("はい")], isHeader: true)
        let rows = (1...30).map { n in TableRow(cells: [Fixtures.cell("項目\(n)"), Fixtures.cell("□")]) }
        let table = TableBlock(columns: [.fraction(3), .fraction(1)], rows: [header] + rows, rowSplitting: .avoided)
        var continued = 0
        for count in 10...30 {
            let result = try Layout.run(Fixtures.document(Self.filler(count) + [.table(table)]))
            guard result.pages.count > 1 else { continue }
            continued += 1
            let bodyRows = result.cells(onPage: 1).filter {
                guard case .cell(let row, 0) = $0.kind else { return false }
                return row > 0
            }
            #expect(bodyRows.count >= 2, "filler \(count): the next page holds \(bodyRows.count) row(s) of the table")
        }
        #expect(continued > 0)
    }
}

extension PaginationRulesTests {
    @Test func aSmallGroupMovesWithItsHeading() throws {
        // An assessment's check table: domain headings across the table, four items under each.
        let label = CellStyle(background: 0.92)
        var rows = [TableRow(cells: [Fixtures.cell("項目", style: label), Fixtures.cell("はい", style: label)], isHeader: true)]
        for domain in 0..<7 {
            rows.append(TableRow(cells: [TableCell([Fixtures.paragraph("領域\(domain)")], colspan: 2, style: label, keepsWhole: true)]))
            rows += (0..<4).map { n in TableRow(cells: [Fixtures.cell("項目\(domain)-\(n)"), Fixtures.cell("□")]) }
        }
        let table = TableBlock(columns: [.fraction(3), .fraction(1)], rows: rows, rowSplitting: .avoided)
        var continued = 0
        for count in 20...40 {
            let result = try Layout.run(Fixtures.document(Self.filler(count) + [.table(table)]))
            guard result.pages.count > 1 else { continue }
            continued += 1
            for domain in 0..<7 {
                let first = 1 + domain * 5, last = first + 4
                let pages = Set(result.boxes.filter {
                    guard case .cell(let row, 0) = $0.kind else { return false }
                    return (first...last).contains(row)
                }.map(\.pageIndex))
                #expect(pages.count == 1, "filler \(count): domain \(domain) is on pages \(pages.sorted())")
            }
        }
        #expect(continued > 0)
    }
}

extension PaginationRulesTests {
    @Test func headerRowsNeverEndAPageAlone() throws {
        let label = CellStyle(background: 0.92)
        let table = TableBlock(columns: [.points(120), .fraction(1)], rows: [
            TableRow(cells: [Fixtures.cell("利用する支援", style: label), Fixtures.cell("内容", style: label)], isHeader: true),
            TableRow(cells: [Fixtures.cell("親子関係形成支援事業"), Fixtures.cell("ペアレント・トレーニングのグループに参加する。")]),
        ])
        var moved = 0
        for count in 40...48 {
            let result = try Layout.run(Fixtures.document(Self.filler(count) + [.table(table)]))
            let headers = result.boxes.filter { $0.kind == .cell(row: 0, column: 0) }.map(\.pageIndex)
            let body = result.boxes.filter { $0.kind == .cell(row: 1, column: 0) }.map(\.pageIndex)
            if result.pages.count > 1 { moved += 1 }
            #expect(Set(headers) == Set(body), "filler \(count): header on pages \(headers), row on \(body)")
        }
        #expect(moved > 0)
    }
}
