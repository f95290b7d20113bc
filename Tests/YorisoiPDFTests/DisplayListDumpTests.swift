import Testing
import YorisoiDisplayList
import YorisoiText

/// The text dump golden layout tests compare: one line per item, deterministic, rounded.
@Suite struct DisplayListDumpTests {
    @Test func glyphRunLineCarriesBoxFontAndText() {
        let run = Fixtures.run("氏名ab", face: Fixtures.mincho, size: 10, at: Point(x: 50, y: 100))
        let line = DisplayListDump.line(for: .glyphRun(run))
        let scale = 10 / Double(Fixtures.mincho.metrics.unitsPerEm)
        let width = run.glyphs.reduce(0) { $0 + Double(Fixtures.mincho.advance(of: $1.glyphID)) * scale }
        let top = 100 - Double(Fixtures.mincho.metrics.ascender) * scale
        let height = Double(Fixtures.mincho.metrics.ascender - Fixtures.mincho.metrics.descender) * scale
        let box = [50, top, width, height].map(DisplayListDump.format).joined(separator: " ")
        #expect(line == "text \(box) \(Fixtures.mincho.postScriptName) 10.00 \"氏名ab\"")
        #expect(Fixtures.mincho.postScriptName == "BIZUDMincho-Regular")
        // Two full-width ideographs and two Latin letters: wider than 2 em, narrower than 4.
        #expect(width > 20 && width < 40)
    }

    @Test func boxStartsAtTheFirstGlyphNotTheOrigin() {
        var run = Fixtures.run("あ", face: Fixtures.gothic, size: 12, at: Point(x: 10, y: 20))
        run.glyphs[0].x = 5
        let fields = DisplayListDump.line(for: .glyphRun(run)).split(separator: " ")
        #expect(fields[1] == "15.00")
        #expect(fields[3] == "12.00")   // one em
    }

    @Test func colouredTextSaysItsColour() {
        let run = Fixtures.run("注", face: Fixtures.mincho, size: 9, at: Point(x: 0, y: 9), color: .gray(0.4))
        #expect(DisplayListDump.line(for: .glyphRun(run)).hasSuffix(" 9.00 color=g0.40 \"注\""))
    }

    @Test func rulesRectanglesAndPaths() {
        let red = StrokeStyle(lineWidth: 0.25, color: .rgb(red: 0.85, green: 0.3, blue: 0.3))
        #expect(DisplayListDump.line(for: .line(from: Point(x: 55.694, y: 200), to: Point(x: 55.694, y: 100), stroke: red))
                == "line 55.69 100.00 0.00 100.00 stroke=0.25 rgb(0.85,0.30,0.30)")
        #expect(DisplayListDump.line(for: .rectangle(Rect(x: 1, y: 2, width: 3.456, height: 4), stroke: StrokeStyle(), fill: .gray(0.9)))
                == "rect 1.00 2.00 3.46 4.00 stroke=0.50 g0.00 fill=g0.90")
        let dashed = StrokeStyle(lineWidth: 1, dash: DashPattern([3, 2], phase: 1), cap: .round)
        #expect(DisplayListDump.line(for: .rectangle(Rect(x: 0, y: 0, width: 1, height: 1), stroke: dashed, fill: nil))
                == "rect 0.00 0.00 1.00 1.00 stroke=1.00 g0.00 dash=[3.00,2.00]@1.00 cap=round fill=none")
        var path = Path()
        path.move(to: Point(x: 10, y: 10))
        path.curve(to: Point(x: 20, y: 10), control1: Point(x: 12, y: 4), control2: Point(x: 18, y: 4))
        path.close()
        #expect(DisplayListDump.line(for: .path(path, stroke: nil, fill: .black))
                == "path 10.00 4.00 10.00 6.00 elements=3 stroke=none fill=g0.00")
    }

    @Test func numbersRoundToHundredthsWithoutNegativeZero() {
        #expect(DisplayListDump.format(0) == "0.00")
        #expect(DisplayListDump.format(-0.001) == "0.00")
        #expect(DisplayListDump.format(595.276) == "595.28")
        #expect(DisplayListDump.format(-3.5) == "-3.50")
        #expect(DisplayListDump.format(841.89) == "841.89")
        #expect(DisplayListDump.format(0.05) == "0.05")
    }

    @Test func controlCharactersAndQuotesAreEscaped() {
        let run = Fixtures.run("a\"b\\c", face: Fixtures.gothic, size: 8, at: .zero)
        var withControls = run
        withControls.glyphs[0].text = "a\n\u{7}\u{2028}"
        let line = DisplayListDump.line(for: .glyphRun(withControls))
        #expect(line.hasSuffix(#" "a\n\u{7}\u{2028}\"b\\c""#))
        #expect(!line.contains("\n"))
    }

    @Test func documentDumpNumbersPagesAndIsDeterministic() {
        let first = PDFPage(size: .a4, items: [
            .glyphRun(Fixtures.run("一", face: Fixtures.mincho, at: Point(x: 10, y: 30))),
            .rectangle(Rect(x: 5, y: 5, width: 10, height: 10), stroke: nil, fill: .white),
        ])
        let second = PDFPage(size: .b5, items: [.line(from: .zero, to: Point(x: 3, y: 0), stroke: StrokeStyle())])
        let document = PDFDocument(pages: [first, second], info: DocumentInfo(date: Fixtures.date))
        let dump = DisplayListDump.text(of: document)
        let lines = dump.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 6)
        #expect(lines[0] == "page 1 595.28 841.89")
        #expect(lines[1].hasPrefix("1 text 10.00 "))
        #expect(lines[2] == "1 rect 5.00 5.00 10.00 10.00 stroke=none fill=g1.00")
        #expect(lines[3] == "page 2 515.91 728.50")
        #expect(lines[4] == "2 line 0.00 0.00 3.00 0.00 stroke=0.50 g0.00")
        #expect(lines[5] == "")
        #expect(dump == DisplayListDump.text(of: document))
    }
}
