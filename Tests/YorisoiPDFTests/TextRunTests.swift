import Foundation
import Testing
@testable import YorisoiPDF
import YorisoiText

/// The text encoder against a real face: positions, rise and ActualText in the operators.
@Suite struct TextRunTests {
    func encode(_ run: GlyphRun) throws -> (String, EmbeddedFont) {
        let usage = FontUsage(face: run.face, resourceName: "F1")
        for glyph in run.glyphs { usage.record(glyph) }
        let font = try EmbeddedFont(usage: usage)
        let content = ContentStream()
        TextRunEncoder(run: run, font: font, pageHeight: 200).encode(into: content)
        return (content.bytes.latin1, font)
    }

    func hex(_ font: EmbeddedFont, _ glyph: PositionedGlyph) -> String {
        String(format: "%04X", font.cidByGlyph[glyph.glyphID]!)
    }

    @Test func naturalAdvancesNeedNoAdjustment() throws {
        let run = Fixtures.run("氏名記入", face: Fixtures.mincho, size: 10, at: Point(x: 72, y: 100))
        let (text, font) = try encode(run)
        let cids = run.glyphs.map { hex(font, $0) }.joined()
        #expect(text == "BT\n0 g\n/F1 10 Tf\n1 0 0 1 72 100 Tm\n[<\(cids)>] TJ\nET\n")
    }

    /// The draft's 見本 mark is the only turned text: its run turns the text matrix (the glyphs
    /// then follow the turned baseline), and every other run keeps the plain `1 0 0 1 x y Tm`.
    @Test func turnedRunTurnsTheTextMatrix() throws {
        var run = Fixtures.run("見本", face: Fixtures.mincho, size: 10, at: Point(x: 72, y: 100))
        run.turn = BaselineTurn(cosine: 0.8, sine: 0.6)
        let (text, font) = try encode(run)
        let cids = run.glyphs.map { hex(font, $0) }.joined()
        #expect(text == "BT\n0 g\n/F1 10 Tf\n0.8 0.6 -0.6 0.8 72 100 Tm\n[<\(cids)>] TJ\nET\n")
        run.turn = .none
        #expect(try encode(run).0.contains("1 0 0 1 72 100 Tm"))
    }

    /// The mark's letters are filled and outlined (`2 Tr`); the stroke state and the mode are
    /// kept inside the run's own q/Q, so the next run fills plainly in black again.
    @Test func outlinedRunStrokesInsideItsOwnGraphicsState() throws {
        var run = Fixtures.run("見本", face: Fixtures.mincho, size: 10, at: Point(x: 72, y: 100), color: .gray(0.9))
        run.outline = StrokeStyle(lineWidth: 1, color: .gray(0.6), join: .round)
        let (text, font) = try encode(run)
        let cids = run.glyphs.map { hex(font, $0) }.joined()
        #expect(text == "q\n0.6 G\n1 w\n1 j\nBT\n0.9 g\n/F1 10 Tf\n2 Tr\n1 0 0 1 72 100 Tm\n[<\(cids)>] TJ\nET\nQ\n")
        run.outline = nil
        #expect(!(try encode(run).0.contains("Tr")))
    }

    @Test func movedAndRaisedGlyphsLandWhereLayoutPutThem() throws {
        var run = Fixtures.run("氏名", face: Fixtures.mincho, size: 10, at: Point(x: 72, y: 150))
        run.glyphs[1].x = 15   // natural 10 pt: 5 pt further right = −500/1000 em at 10 pt
        run.glyphs[1].y = -2   // 2 pt up
        let (text, font) = try encode(run)
        #expect(text == """
            BT
            0 g
            /F1 10 Tf
            1 0 0 1 72 50 Tm
            [<\(hex(font, run.glyphs[0]))>] TJ
            -2 Ts
            [-500 <\(hex(font, run.glyphs[1]))>] TJ
            0 Ts
            ET

            """.replacingOccurrences(of: "-2 Ts", with: "2 Ts"))
    }

    @Test func fallbackVariantGetsActualTextAroundItsClusterOnly() throws {
        // BIZ UD has no 邉+E0104: the base glyph stands for it, after plain 邉 claimed the CMap.
        let run = Fixtures.run("邉邉\u{E0104}", face: Fixtures.mincho, size: 10, at: Point(x: 0, y: 100))
        #expect(run.glyphs[0].glyphID == run.glyphs[1].glyphID)
        let (text, font) = try encode(run)
        let cid = hex(font, run.glyphs[0])
        #expect(text == """
            BT
            0 g
            /F1 10 Tf
            1 0 0 1 0 100 Tm
            [<\(cid)>] TJ
            /Span <</ActualText <FEFF9089DB40DD04>>> BDC
            [<\(cid)>] TJ
            EMC
            ET

            """)
        #expect(font.toUnicode.map(\.text) == ["邉"])
    }
}
