import Testing
@testable import YorisoiText

/// `BreakRulesCache` answers a paragraph laid out again (another width, another trial size) with
/// the rules it computed before; what it answers must be what computing them gives, or a
/// paragraph's breaks would depend on what the process set before it.
@Suite(.serialized) struct BreakRulesCacheTests {
    /// A free text with katakana words (MeCab is asked), a date, a time range and a URL.
    static let text = "令和7年4月15日（火）の8:30〜17:15に、ファミリー・サポート・センターの担当者と面談した。"
        + "詳しくは https://example.jp/kosodate/ を見てください。コミュニケーションが苦手なこともある。"

    static func clusters(_ text: String, size: Double) throws -> [TextCluster] {
        let chain = try sharedFonts.chain(family: "mincho")
        return try Shaper.shape(text, with: chain).clusters.map {
            TextCluster(text: $0.isLineBreak ? "\n" : $0.text, advance: $0.advance * size, fontSize: size)
        }
    }

    /// Every field of every cluster's metrics, the lengths to the bit.
    static func dump(_ metrics: [ClusterMetrics]) -> [String] {
        metrics.map {
            "\(String(describing: $0.plain)) \(String(describing: $0.firstScalar)) \($0.repeatsInseparable) \($0.jlreqClass) "
                + "\($0.blank) \($0.isHardBreak) \($0.isFullWidth) \($0.advance.bitPattern) \($0.em.bitPattern) "
                + "\($0.lead.bitPattern) \($0.trail.bitPattern)"
        }
    }

    /// A hit gives the rules computing gives, and metrics whose every field is what analysing
    /// the clusters gives — at the size kept (10.5) and at the smaller sizes trials try.
    @Test(arguments: [false, true])
    func aHitIsWhatComputingGives(keepsWords: Bool) throws {
        for size in [10.5, 10.5 * 0.97, 10.5 * 0.91] {
            let clusters = try Self.clusters(Self.text, size: size)
            let metrics = ClusterMetrics.analyse(clusters)
            let fresh = BreakRules.compute(metrics, clusters, keepsWords: keepsWords)
            for _ in 0..<2 {
                let cached = BreakRulesCache.shared.analysed(clusters, keepsWords: keepsWords)
                #expect(cached.rules.kinds == fresh.kinds)
                #expect(cached.rules.solid == fresh.solid)
                #expect(Self.dump(cached.metrics) == Self.dump(metrics))
            }
        }
    }

    /// Addresses are found by their clusters (`markURLs`): a scheme's "://", a leading "www.",
    /// an "@" with a "."; a break opens after a separator inside one (never inside the scheme),
    /// and a run that is none of them gets no such break.
    @Test(arguments: [
        ("見てhttps://example.jp/a/b", true), ("www.example.jp/kosodate", true), ("mail: staff@example.jp", true),
        ("a/b.c", false), ("staff@example", false), ("ww.example.jp/x", false),
    ])
    func addressesOpenBreaksAfterTheirSeparators(text: String, isAddress: Bool) throws {
        let clusters = try Self.clusters(text, size: 10.5)
        let kinds = BreakRules.compute(ClusterMetrics.analyse(clusters), clusters, keepsWords: false).kinds
        #expect(kinds.contains(.insideUnit) == isAddress, "\(kinds)")
        if text.contains("://"), let scheme = clusters.firstIndex(where: { $0.text == ":" }) {
            #expect(!kinds[(scheme + 1)...(scheme + 2)].contains(.insideUnit))
        }
    }

    @Test func theSizeIsNotPartOfTheKeyButTheWordRuleIs() throws {
        let text = Self.text + "（大きさの確認）"
        let full = try Self.clusters(text, size: 10.5)
        _ = BreakRulesCache.shared.analysed(full, keepsWords: false)
        let smaller = try Self.clusters(text, size: 10.5 * 0.94)
        #expect(BreakRulesCache.shared.contains(smaller, keepsWords: false))
        #expect(!BreakRulesCache.shared.contains(smaller, keepsWords: true))
        // The same text set half-width (another font, another advance) is another paragraph.
        let narrow = full.map { TextCluster(text: $0.text, advance: $0.fontSize * 0.5, fontSize: $0.fontSize) }
        #expect(!BreakRulesCache.shared.contains(narrow, keepsWords: false))
    }

    @Test func shortTextsAreNotKeptAndLongOnesOnlyWhileRecent() throws {
        let label = try Self.clusters("お手伝いできること", size: 10.5)
        #expect(label.count < BreakRulesCache.minimumClusters)
        _ = BreakRulesCache.shared.analysed(label, keepsWords: true)
        #expect(!BreakRulesCache.shared.contains(label, keepsWords: true))

        let long = try Self.clusters(Self.text + "（押し出しの確認）", size: 10.5)
        _ = BreakRulesCache.shared.analysed(long, keepsWords: false)
        #expect(BreakRulesCache.shared.contains(long, keepsWords: false))
        // As many other paragraphs push it out: a batch of any size keeps no more than `capacity`.
        for n in 0..<BreakRulesCache.capacity {
            let other = try Self.clusters("別の自由記述の文章、その\(n)番目です。支援の内容を書きます。", size: 10.5)
            _ = BreakRulesCache.shared.analysed(other, keepsWords: false)
        }
        #expect(!BreakRulesCache.shared.contains(long, keepsWords: false))
    }
}
