import Testing
import YorisoiLayout
import YorisoiPDF
import YorisoiText

/// Fixed-position page furniture: one-line pieces on a baseline in a margin, from the left and
/// right insets, laid onto a page without taking space from its body.
@Suite struct PageFurnitureTests {
    static let width = PageSetup().width

    static func furniture(right: [Inline], gap: Double = 6) -> PageFurniture {
        let stamp = FurnitureFrame(line: BorderLine(width: 0.6), padding: 2, above: 8.5, below: 2.5)
        return PageFurniture(baseline: 20, inset: 28, start: [
            FurniturePiece([.text("取扱注意", style: Fixtures.style(8, gothic: true))], frame: stamp, gapAfter: 4),
            FurniturePiece([.text("守秘義務の対象です。", style: Fixtures.style(7))]),
        ], end: [FurniturePiece(right)], minimumGap: gap)
    }

    static func page(_ furniture: PageFurniture, page: Int = 1, of count: Int = 1) throws -> PDFPage {
        PDFPage(size: .a4, items: try Layout.furniture(furniture, pageWidth: width, page: page, of: count).items)
    }

    @Test func startPiecesRunRightwardsAfterTheirFrameAndGap() throws {
        let page = try Self.page(Self.furniture(right: [.text("1 / 2", style: Fixtures.style(8))]))
        let frame = try #require(page.rectangles.first)
        #expect(frame.0.origin.x == 28)
        #expect(abs(frame.0.origin.y - 11.5) < 1e-9)
        #expect(frame.0.size.height == 11)
        #expect(frame.1?.lineWidth == 0.6 && frame.1?.cap == .butt)
        let glyphs = page.glyphs
        #expect(glyphs.allSatisfy { abs($0.baseline - 20) < 1e-9 })
        let label = glyphs.prefix(4)
        #expect(label.map(\.text).joined() == "取扱注意")
        // 2 pt padding inside the frame, which is as wide as the label plus both paddings.
        #expect(abs(label.first!.x - 30) < 1e-9)
        #expect(abs(frame.0.maxX - (label.last!.x + label.last!.advance + 2)) < 0.01)
        // The basis starts 4 pt after the frame.
        let basis = try #require(glyphs.first { $0.text == "守" })
        #expect(abs(basis.x - (frame.0.maxX + 4)) < 1e-9)
    }

    @Test func endPiecesEndAtTheRightInsetWithPageNumbersFilledIn() throws {
        let style = Fixtures.style(8)
        let right: [Inline] = [.pageNumber(style), .text(" / ", style: style), .pageCount(style)]
        let page = try Self.page(Self.furniture(right: right), page: 3, of: 12)
        #expect(page.text.hasSuffix("3 / 12"))
        let last = try #require(page.glyphs.last)
        #expect(abs(last.x + last.advance - (Self.width - 28)) < 0.01)
    }

    @Test func piecesThatMeetAreAnError() throws {
        let long = String(repeating: "配布番号", count: 30)
        #expect(throws: FurnitureDoesNotFit.self) {
            _ = try Self.page(Self.furniture(right: [.text(long, style: Fixtures.style(8))]))
        }
        // The same text fits when the gap is all that is lacking.
        let fits = try Self.page(Self.furniture(right: [.text("配布番号 1 / 3", style: Fixtures.style(8))], gap: 6))
        #expect(fits.text.hasSuffix("配布番号 1 / 3"))
    }
}
