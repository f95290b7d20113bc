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
            let id = Bool.random(using: &generator) ? UInt32.random(in: 0...70_000, using: &generator)
                : UInt32.random(in: 0...UInt32.max, using: &generator)
            #expect(bits.insert(id) == set.insert(id).inserted)
        }
        #expect(bits.members == set)
        #expect(bits.count == set.count)
        #expect(GlyphBits().members.isEmpty)

        var other = GlyphBits()
        var otherSet = Set<UInt32>()
        for id in [UInt32(3), 65_535, 65_536, 4_000_000_000] {
            _ = other.insert(id)
            otherSet.insert(id)
        }
        bits.formUnion(other)
        set.formUnion(otherSet)
        #expect(bits.members == set && bits.count == set.count)
        for id in [UInt32(3), 65_536, 4_000_000_000, 12] {
            #expect(bits.remove(id) == (set.remove(id) != nil))
            #expect(!bits.contains(id))
        }
        #expect(bits.members == set && bits.count == set.count)
    }

    /// Pages scanned in runs side by side and merged in order record what one pass records.
    @Test func runsMergedInOrderRecordWhatOnePassRecords() {
        var generator = SystemRandomNumberGenerator()
        let texts = ["", "", "田", "が", "か", "山"]
        let glyphs = (0..<3_000).map { _ in
            PositionedGlyph(glyphID: UInt32.random(in: 1...400, using: &generator), x: 0,
                            text: texts.randomElement(using: &generator)!)
        }
        let whole = FontUsage(face: Fixtures.mincho, resourceName: "F1")
        glyphs.forEach(whole.record)
        var registry = FontRegistry()
        for run in stride(from: 0, to: glyphs.count, by: 700) {
            let part = FontUsage(face: Fixtures.mincho, resourceName: "")
            glyphs[run..<min(run + 700, glyphs.count)].forEach(part.record)
            #expect(registry.absorb(part.scanned) == 0)
        }
        let merged = registry.usages[0]
        #expect(merged.glyphs == whole.glyphs)
        #expect(merged.unicodeText == whole.unicodeText)
        #expect(merged.resourceName == "F1")
        // And both go on alike: a glyph first seen without text takes the next text it gets.
        for glyph in glyphs.prefix(50).map({ PositionedGlyph(glyphID: $0.glyphID + 1_000, x: 0, text: "") })
            + glyphs.prefix(50).map({ PositionedGlyph(glyphID: $0.glyphID + 1_000, x: 0, text: "後") }) {
            whole.record(glyph)
            merged.record(glyph)
        }
        // Glyphs the runs saw only without text take their first text after the merge too.
        let untexted = (UInt32(1)...400).filter { whole.glyphs.contains($0) && whole.unicodeText[$0] == nil }
        for id in untexted {
            whole.record(PositionedGlyph(glyphID: id, x: 0, text: "前"))
            merged.record(PositionedGlyph(glyphID: id, x: 0, text: "前"))
        }
        #expect(merged.unicodeText == whole.unicodeText)
    }
}
