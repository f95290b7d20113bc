import Testing
@testable import YorisoiText

/// `Shaper.shape` answers repeated short texts from `ShapeCache`; what it answers must be what
/// shaping gives, or a document's glyphs would depend on what the process set before it.
@Suite struct ShapeCacheTests {
    static let texts = ["氏名", "𠮷田 太郎", "令和７年４月１日", "葛\u{E0100}飾区", "「支援計画」。", "a\tb\nc", ""]

    @Test(arguments: texts)
    func cachedShapingEqualsShaping(text: String) throws {
        let chain = try sharedFonts.chain(family: "mincho")
        let fresh = try Shaper.shapeUncached(text, with: chain)
        for _ in 0..<2 {
            let cached = try Shaper.shape(text, with: chain)
            #expect(cached.uncovered == fresh.uncovered)
            #expect(cached.clusters.count == fresh.clusters.count)
            for (a, b) in zip(cached.clusters, fresh.clusters) {
                #expect(a.text == b.text && a.face === b.face && a.glyphs == b.glyphs)
                #expect(a.variationLost == b.variationLost && a.isLineBreak == b.isLineBreak)
            }
        }
    }

    @Test func longTextsAreKeptOnlyWhileRecent() throws {
        let chain = try sharedFonts.chain(family: "gothic")
        let long = String(repeating: "長い自由記述の文章です。", count: 10)
        #expect(long.utf8.count > ShapeCache.maxTextLength)
        let fresh = try Shaper.shapeUncached(long, with: chain)
        _ = try Shaper.shape(long, with: chain)
        #expect(ShapeCache.shared.contains(long, chain: chain))
        let cached = try Shaper.shape(long, with: chain)
        #expect(cached.clusters.map(\.text) == fresh.clusters.map(\.text))
        #expect(cached.clusters.map(\.glyphs) == fresh.clusters.map(\.glyphs))
        // As many other long texts push it out: the cache of free text stays bounded.
        for n in 0..<ShapeCache.recentCapacity {
            _ = try Shaper.shape(String(repeating: "別の文章\(n)。", count: 12), with: chain)
        }
        #expect(!ShapeCache.shared.contains(long, chain: chain))
        _ = try Shaper.shape("見出し", with: chain)
        #expect(ShapeCache.shared.contains("見出し", chain: chain))
    }
}
