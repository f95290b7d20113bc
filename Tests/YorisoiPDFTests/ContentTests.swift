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
        // Rules, frames and untagged drawings are furniture: one artifact sequence around them all.
        let bytes = PageRenderer(page: page, fontFor: { _ in fatalError("no text") },
                                 marking: ContentMarking(tree: StructureTree())).draw().content.bytes
        #expect(bytes.latin1 == """
            /Artifact BMC
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
            EMC

            """)
    }

    /// A table's borders: rules of one stroke, one after another, are one path painted once, and
    /// a border two cells share (drawn by each) is in it once. Another stroke, or any other item
    /// between, paints the path so far and starts again: what is drawn, and in what order, stays.
    @Test func rulesOfOneStrokeShareOnePath() {
        let thin = StrokeStyle(lineWidth: 0.5, cap: .square)
        let thick = StrokeStyle(lineWidth: 1)
        func rule(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ stroke: StrokeStyle) -> DrawItem {
            .line(from: Point(x: x0, y: y0), to: Point(x: x1, y: y1), stroke: stroke)
        }
        let page = PDFPage(size: Size(width: 100, height: 100), items: [
            rule(0, 0, 50, 0, thin), rule(50, 0, 50, 10, thin),
            rule(50, 0, 50, 10, thin),   // the next cell's left border: the same segment
            rule(50, 10, 50, 0, thin),   // the other way round: another segment (a dash would start elsewhere)
            rule(0, 10, 50, 10, thick),
            .rectangle(Rect(x: 0, y: 0, width: 5, height: 5), stroke: nil, fill: .black),
            rule(0, 20, 50, 20, thick),
        ])
        let bytes = PageRenderer(page: page, fontFor: { _ in fatalError("no text") },
                                 marking: ContentMarking(tree: StructureTree())).draw().content.bytes
        #expect(bytes.latin1 == """
            /Artifact BMC
            q
            0 G
            0.5 w
            2 J
            0 100 m
            50 100 l
            50 100 m
            50 90 l
            50 90 m
            50 100 l
            S
            Q
            q
            0 G
            1 w
            0 90 m
            50 90 l
            S
            Q
            q
            0 g
            0 95 5 5 re
            f
            Q
            q
            0 G
            1 w
            0 80 m
            50 80 l
            S
            Q
            EMC

            """)
    }

    @Test func textOperators() {
        let content = ContentStream()
        content.beginText()
        content.font("F1", size: 10.5)
        content.textMatrix(1, 0, 0, 1, 72, 769.89)
        let tj = ContentStream.PositionedText(content)
        tj.glyph(1); tj.glyph(0x1F); tj.adjust(250); tj.glyph(0xABCD)
        tj.flush()
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

    /// A text run's TJ is written element by element as the glyphs come.
    enum Element: Sendable { case glyph(UInt16), adjust(Double) }

    @Test(arguments: [
        ([Element.glyph(1), .glyph(0x1F), .adjust(250), .glyph(0xABCD)], "[<0001001F> 250 <ABCD>] TJ\n"),
        ([.adjust(-17919.47), .glyph(0x33), .glyph(0x27)], "[-17919.47 <00330027>] TJ\n"),
        ([.glyph(0x01B3), .adjust(-1793.588), .glyph(0x17), .adjust(-1793.588), .glyph(0x012B)],
         "[<01B3> -1793.588 <0017> -1793.588 <012B>] TJ\n"),
        ([.glyph(7)], "[<0007>] TJ\n"),
        ([], ""),
    ])
    func positionedTextSpellsTJ(elements: [Element], expected: String) {
        let content = ContentStream()
        let tj = ContentStream.PositionedText(content)
        for element in elements {
            switch element {
            case .glyph(let cid): tj.glyph(cid)
            case .adjust(let amount): tj.adjust(amount)
            }
        }
        tj.flush()
        tj.flush()
        #expect(content.bytes.latin1 == expected)
    }
}
