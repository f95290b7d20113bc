import Testing
import YorisoiLayout
import YorisoiPDF
import YorisoiText

@Suite struct PageRegionTests {
    static func pageNumberFooter() -> PageRegion {
        let style = Fixtures.style(9)
        return PageRegion(blocks: [.paragraph(ParagraphBlock([.pageNumber(style), .text(" / ", style: style), .pageCount(style)],
                                                             alignment: .center))])
    }

    @Test func footerShowsPageNOfN() throws {
        let body = (0..<12).map { _ in Fixtures.paragraph(Fixtures.longText(400)) }
        let result = try Layout.run(Fixtures.document(body, header: PageRegion(blocks: [Fixtures.paragraph("サポートプラン", size: 9)]),
                                                      footer: Self.pageNumberFooter()))
        let count = result.pages.count
        #expect(count >= 3)
        for (index, page) in result.pages.enumerated() {
            let footer = try #require(result.boxes.first { $0.pageIndex == index && $0.kind == .footer })
            #expect(page.text(inside: footer.rect) == "\(index + 1) / \(count)")
            let header = try #require(result.boxes.first { $0.pageIndex == index && $0.kind == .header })
            #expect(page.text(inside: header.rect) == "サポートプラン")
            // Regions sit in the margins, clear of the body.
            #expect(header.rect.maxY <= PageSetup().margins.top)
            #expect(footer.rect.origin.y >= PageSetup().height - PageSetup().margins.bottom)
            // Centred footer.
            let glyphs = page.glyphs.filter { footer.rect.contains($0.box) }
            let centre = (glyphs.first!.x + glyphs.last!.x + glyphs.last!.advance) / 2
            #expect(abs(centre - PageSetup().width / 2) < 0.5)
        }
        #expect(result.diagnostics.isEmpty)
    }

    @Test func regionTallerThanItsMarginIsReported() throws {
        let tall = PageRegion(blocks: (0..<5).map { _ in Fixtures.paragraph("見出し") })
        let result = try Layout.run(Fixtures.document([Fixtures.paragraph("本文")], header: tall))
        #expect(result.diagnostics.contains {
            if case .regionOverlapsBody = $0.kind { return $0.severity == .warning } else { return false }
        })
    }

    @Test func pageNumbersInTheBodyAreLeftOut() throws {
        let style = Fixtures.style()
        let result = try Layout.run(Fixtures.document([.paragraph(ParagraphBlock([.text("頁", style: style), .pageNumber(style)]))]))
        #expect(result.pages[0].text == "頁")
    }

    @Test func uncoveredCharactersAreReportedWithTheirSource() throws {
        let result = try Layout.run(Fixtures.document([Fixtures.paragraph("外字\u{E000}あり", sourcePath: "/child/name")]))
        #expect(result.uncovered.count == 1)
        #expect(result.uncovered.first?.sourcePath == "/child/name")
        #expect(result.uncovered.first?.character.codePoint == 0xE000)
        #expect(result.pages[0].text == "外字あり")
    }
}
