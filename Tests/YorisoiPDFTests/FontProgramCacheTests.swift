import Testing
@testable import YorisoiPDF
import YorisoiText

/// Subset programs are reused across documents only when face, glyph set and level all match,
/// and a reused program is byte for byte what subsetting and deflating again would give.
@Suite struct FontProgramCacheTests {
    @Test func aProgramIsReusedOnlyForTheSameFaceGlyphsAndLevel() throws {
        let cache = FontProgramCache()
        let face = Fixtures.mincho
        let glyphs: Set<UInt32> = Set(["氏", "名", "田"].compactMap { face.glyph(for: $0.unicodeScalars.first!) })
        let first = try cache.program(face, glyphs: glyphs, level: 1)
        #expect(cache.contains(face, glyphs: glyphs, level: 1))
        #expect(!cache.contains(face, glyphs: glyphs, level: 6))
        #expect(!cache.contains(face, glyphs: glyphs.union([1]), level: 1))

        let again = try cache.program(face, glyphs: glyphs, level: 1)
        let fresh = try face.subset(glyphs: glyphs)
        #expect(again.subset.data == fresh.data)
        #expect(again.subset.newGlyphID == fresh.newGlyphID)
        #expect(again.deflated == (try Deflate.compress(fresh.data, level: 1)))
        #expect(first.deflated == again.deflated)
    }

    @Test func theLeastRecentlyUsedProgramsGoFirstOnceTheBudgetIsSpent() throws {
        let cache = FontProgramCache()
        let face = Fixtures.mincho
        // Programs of about 570 glyphs each (a few to the budget), until the first must have gone.
        var made: [Set<UInt32>] = []
        var held = 0
        while held <= FontProgramCache.capacity {
            let glyphs = Set(stride(from: UInt32(1 + made.count), to: 12_000, by: 21))
            let program = try cache.program(face, glyphs: glyphs, level: 1)
            held += program.subset.data.count + program.deflated.count
            made.append(glyphs)
            // Keep the first one in use: it must outlive the second.
            _ = try cache.program(face, glyphs: made[0], level: 1)
        }
        #expect(cache.contains(face, glyphs: made[0], level: 1))
        #expect(!cache.contains(face, glyphs: made[1], level: 1))
        #expect(cache.contains(face, glyphs: made[made.count - 1], level: 1))
    }

    /// The cache does not keep a face alive: a library that is gone takes its faces with it.
    @Test func aCachedProgramDoesNotKeepItsFaceAlive() throws {
        let cache = FontProgramCache()
        weak var gone: FontFace?
        do {
            let face = try FontFace.load(path: Fixtures.minchoPath)
            gone = face
            _ = try cache.program(face, glyphs: [1, 2, 3], level: 1)
            #expect(cache.contains(face, glyphs: [1, 2, 3], level: 1))
        }
        #expect(gone == nil)
    }
}
