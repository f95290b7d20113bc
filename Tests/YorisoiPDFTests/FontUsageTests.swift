import Testing
@testable import YorisoiPDF
import YorisoiDisplayList

/// What the writer gathers per face before subsetting: the glyph set (kept as bits) and, per
/// glyph, the first non-empty text in document order (ToUnicode).
@Suite struct FontUsageTests {
    @Test func theFirstNonEmptyTextOfAGlyphIsItsToUnicodeText() {
        let usage = FontUsage(face: Fixtures.mincho, resourceName: "F1")
        // Glyph 7 is first seen as the second glyph of a cluster (no text of its own).
        usage.record(PositionedGlyph(glyphID: 7, x: 0, text: ""))
        usage.record(PositionedGlyph(glyphID: 7, x: 0, text: "が"))
        usage.record(PositionedGlyph(glyphID: 7, x: 0, text: "か"))
        usage.record(PositionedGlyph(glyphID: 9, x: 0, text: "田"))
        usage.record(PositionedGlyph(glyphID: 9, x: 0, text: ""))
        usage.record(PositionedGlyph(glyphID: 11, x: 0, text: ""))
        #expect(usage.unicodeText == [7: "が", 9: "田"])
        #expect(usage.glyphs == [7, 9, 11])
    }

    @Test func glyphBitsHoldWhatASetHolds() {
        var bits = GlyphBits()
        var set = Set<UInt32>()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let id = UInt32.random(in: 0...70_000, using: &generator)
            #expect(bits.insert(id) == set.insert(id).inserted)
        }
        #expect(bits.members == set)
        #expect(bits.count == set.count)
        #expect(GlyphBits().members.isEmpty)
    }
}
