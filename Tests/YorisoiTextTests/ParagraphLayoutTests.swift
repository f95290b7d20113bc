import Testing
@testable import YorisoiText

@Suite struct ParagraphLayoutTests {
    let mincho = try! sharedFonts.chain(family: "mincho")

    @Test func measureNarrowerThanOneCharacterSetsOneCharacterPerLine() throws {
        // Regression: the breaker indexed past its break table when the last cluster alone
        // was wider than the measure.
        let laid = try ParagraphLayout.layout([TextSpan("縦書", style: TextStyle(chain: mincho, size: 10.5))],
                                              settings: ParagraphSettings(width: 6))
        #expect(laid.lines.map { $0.glyphs.map(\.text).joined() } == ["縦", "書"])
    }

    @Test func glyphsCarryTheirClusterTextOnceAndLinesStackByPitch() throws {
        let style = TextStyle(chain: mincho, size: 10)
        let laid = try ParagraphLayout.layout([TextSpan("山田\n𠮷田さん", style: style)],
                                              settings: ParagraphSettings(width: 200, lineHeight: 1.5))
        #expect(laid.lines.count == 2)
        #expect(laid.lines.map { $0.glyphs.map(\.text).joined() } == ["山田", "\u{20BB7}田さん"])
        #expect(abs(laid.height - 30) < 0.001)
        #expect(laid.lines[1].face(of: laid.lines[1].glyphs[0]).postScriptName.hasPrefix("IPAmj"))
        // Full-width glyphs advance one em each.
        #expect(laid.lines[1].glyphs.map(\.x) == [0, 10, 20, 30])
    }

    @Test func naturalWidthSumsAdvances() throws {
        #expect(try ParagraphLayout.naturalWidth([TextSpan("生年月日", style: TextStyle(chain: mincho, size: 12))]) == 48)
    }
}
