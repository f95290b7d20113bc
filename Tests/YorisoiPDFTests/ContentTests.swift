import Testing
@testable import YorisoiPDF

@Suite struct ContentTests {
    @Test func graphicsAreFlippedAndIsolated() {
        let page = PDFPage(size: Size(width: 200, height: 100), items: [
            .line(from: Point(x: 10, y: 10), to: Point(x: 190, y: 10),
                  stroke: StrokeStyle(lineWidth: 0.5, color: .rgb(red: 1, green: 0, blue: 0),
                                      dash: DashPattern([3, 2]))),
            .rectangle(Rect(x: 10, y: 20, width: 50, height: 30), stroke: StrokeStyle(lineWidth: 1),
                       fill: .gray(0.9)),
            .path(Path([.move(to: Point(x: 0, y: 0)), .curve(to: Point(x: 10, y: 10),
                                                               control1: Point(x: 5, y: 0),
                                                               control2: Point(x: 10, y: 5)), .close]),
                  stroke: nil, fill: .black),
            .rectangle(Rect(x: 0, y: 0, width: 1, height: 1), stroke: nil, fill: nil),
        ])
        let bytes = PageRenderer(page: page) { _ in fatalError("no text") }.render()
        #expect(bytes.latin1 == """
            q
            1 0 0 RG
            0.5 w
            [3 2] 0 d
            10 90 m
            190 90 l
            S
            Q
            q
            0 G
            1 w
            0.9 g
            10 50 50 30 re
            B
            Q
            q
            0 g
            0 100 m
            5 100 10 95 10 90 c
            h
            f
            Q

            """)
    }

    @Test func textOperators() {
        let content = ContentStream()
        content.beginText()
        content.font("F1", size: 10.5)
        content.textMatrix(1, 0, 0, 1, 72, 769.89)
        content.showPositioned([.glyphs([1, 0x1F]), .adjust(250), .glyphs([0xABCD])])
        content.beginActualText("邉\u{E0104}")
        content.endMarkedContent()
        content.endText()
        #expect(content.bytes.latin1 == """
            BT
            /F1 10.5 Tf
            1 0 0 1 72 769.89 Tm
            [<0001001F> 250 <ABCD>] TJ
            /Span <</ActualText <FEFF9089DB40DD04>>> BDC
            EMC
            ET

            """)
    }

    /// A text run's TJ is written element by element as the glyphs come; it must spell exactly
    /// what `showPositioned` spells for the same elements.
    @Test(arguments: [
        [ContentStream.TextElement.glyphs([1, 0x1F]), .adjust(250), .glyphs([0xABCD])],
        [.adjust(-17919.47), .glyphs([0x33, 0x27])],
        [.glyphs([0x01B3]), .adjust(-1793.588), .glyphs([0x17]), .adjust(-1793.588), .glyphs([0x012B])],
        [.glyphs([7])],
        [],
    ])
    func streamedTJMatchesTheReference(elements: [ContentStream.TextElement]) {
        let reference = ContentStream()
        if !elements.isEmpty { reference.showPositioned(elements) }
        let streamed = ContentStream()
        let tj = ContentStream.PositionedText(streamed)
        for element in elements {
            switch element {
            case .glyphs(let cids): cids.forEach(tj.glyph)
            case .adjust(let amount): tj.adjust(amount)
            }
        }
        tj.flush()
        tj.flush()
        #expect(streamed.bytes == reference.bytes)
    }
}
