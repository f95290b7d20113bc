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
            expectSameShaping(try Shaper.shape(text, with: chain), fresh)
        }
    }

    /// The caches' keys compare texts by their bytes: equal only when every byte is, whatever the
    /// length, and never by canonical equivalence (が and か + U+3099 are two keys).
    @Test func exactTextIsEqualOnlyForTheSameBytes() {
        let long = String(repeating: "長い自由記述の文章です。", count: 40)
        var changedLast = long
        changedLast.removeLast()
        changedLast.append("！")
        #expect(ExactText(long) == ExactText(String(decoding: Array(long.utf8), as: UTF8.self)))
        #expect(ExactText(long) != ExactText(changedLast))
        #expect(long.utf8.count == changedLast.utf8.count)
        #expect(ExactText("") == ExactText(""))
        #expect(ExactText("") != ExactText("a"))
        #expect(ExactText("が") != ExactText("か\u{3099}"))
        #expect("が" == "か\u{3099}")
        #expect(ExactText("氏名a") != ExactText("氏名b"))
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

    /// Values (a digit anywhere, half- or full-width) are kept only while recent, like free text:
    /// a packet's page numbers once filled the shared caches for good. Labels are kept.
    @Test func valuesAreKeptOnlyWhileRecentLabelsForGood() throws {
        let chain = try sharedFonts.chain(family: "mincho")
        let values = ["配布番号 3 / 200　17 / 412", "令和７年４月１日", "R6-0042", "第９号"]
        for value in values {
            #expect(!SharedCachePolicy.admits(value))
            #expect(!ShapeCache.isShared(value))
            let fresh = try Shaper.shapeUncached(value, with: chain)
            #expect(try Shaper.shape(value, with: chain).clusters.map(\.glyphs) == fresh.clusters.map(\.glyphs))
            #expect(try Shaper.shape(value, with: chain).clusters.map(\.glyphs) == fresh.clusters.map(\.glyphs))
        }
        // As many other values push them out: a packet's page numbers never stay.
        for n in 0..<ShapeCache.recentCapacity {
            _ = try Shaper.shape("配布番号 \(n) / 200", with: chain)
        }
        for value in values {
            #expect(!ShapeCache.shared.contains(value, chain: chain))
        }
        for label in ["支援の内容", "お子さんの名前", "ＡＢＣ", "取扱注意"] {
            #expect(SharedCachePolicy.admits(label))
            _ = try Shaper.shape(label, with: chain)
            #expect(ShapeCache.shared.contains(label, chain: chain))
        }
    }
}
