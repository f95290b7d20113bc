import Testing
import YorisoiLayout
import YorisoiPDF
import YorisoiText

/// Side-by-side columns with edge rules, and framed blocks: what the specimen is built from.
@Suite struct ColumnsBlockTests {
    static let guide = StrokeStyle(lineWidth: 0.25, color: .rgb(red: 0.85, green: 0.3, blue: 0.3))

    @Test func columnsSitSideBySideAndTheRowIsAsTallAsTheTallest() throws {
        let short = Fixtures.paragraph("短い。")
        let long = Fixtures.paragraph(Fixtures.longText(60))
        let row = ColumnsBlock([
            ColumnBlock(x: 0, width: 100, blocks: [long], edgeRules: EdgeRules(stroke: Self.guide)),
            ColumnBlock(x: 130, width: 200, blocks: [short]),
        ])
        let result = try Layout.run(Fixtures.document([.columns(row), Fixtures.paragraph("後")]))
        let page = try #require(result.pages.first)
        let left = PageSetup().margins.left, top = PageSetup().margins.top
        let glyphs = page.glyphs
        // The long paragraph wraps within 100 pt; the short one starts at 130 pt, on the first line.
        let overrun = glyphs.filter { $0.x < left + 120 }.filter { $0.box.maxX > left + 100.01 }
        #expect(overrun.isEmpty, "\(overrun.map { ($0.text, $0.x - left, $0.advance) })")
        let shortStart = try #require(glyphs.first { $0.text == "短" })
        #expect(abs(shortStart.x - (left + 130)) < 1e-9)
        #expect(abs(shortStart.baseline - glyphs[0].baseline) < 1e-9)
        // Edge rules 1 pt outside the measure, as tall as the long paragraph; the next block
        // starts below the tallest column.
        let rules = page.lines
        #expect(rules.count == 2)
        #expect(rules.map(\.from.x).map { ($0 - left) } == [-1, 101])
        #expect(rules.allSatisfy { $0.stroke == Self.guide && $0.from.y == top })
        let after = try #require(glyphs.first { $0.text == "後" })
        #expect(after.baseline > rules[0].to.y)
        let lineCount = Set(glyphs.filter { $0.x < left + 120 && $0.text != "後" }.map(\.baseline)).count
        #expect(lineCount >= 4)
    }

    @Test func framedBlockIsRuledRoundItsPaddedContent() throws {
        let framed = FramedBlock([.paragraph(ParagraphBlock("心配していること", style: Fixtures.style(9)))], padding: 2)
        let row = ColumnsBlock([ColumnBlock(x: 10, width: 7 * 9 + 4, blocks: [.framed(framed)])])
        let result = try Layout.run(Fixtures.document([.columns(row)]))
        let page = try #require(result.pages.first)
        let left = PageSetup().margins.left, top = PageSetup().margins.top
        let frame = try #require(page.rectangles.first)
        #expect(frame.0 .origin.x == left + 10 && frame.0 .origin.y == top)
        #expect(abs(frame.0 .size.width - 67) < 1e-9)
        #expect(frame.1?.lineWidth == 0.5)
        // Eight characters in a 7-character measure: two lines, inside the frame's padding.
        let glyphs = page.glyphs
        #expect(Set(glyphs.map(\.baseline)).count == 2)
        #expect(glyphs.allSatisfy { $0.x >= left + 12 - 0.01 - $0.fontSize / 2 && $0.x + $0.advance <= left + 75.01 + $0.fontSize / 2 })
        #expect(abs(frame.0 .size.height - 2 * 1.5 * 9) < 0.5)
    }
}
