import Testing
@testable import YorisoiText

@Suite struct ShaperTests {
    let mincho = try! sharedFonts.chain(family: "mincho")

    @Test func fullWidthTextHasOneEmAdvances() throws {
        let shaped = try Shaper.shape("あ、漢", with: mincho)
        #expect(shaped.clusters.map(\.text) == ["あ", "、", "漢"])
        #expect(shaped.clusters.allSatisfy { abs($0.advance - 1.0) < 0.001 })
        #expect(shaped.uncovered.isEmpty)
    }

    @Test func characterMissingFromPrimaryFallsBackPerCluster() throws {
        let shaped = try Shaper.shape("𠮷田", with: mincho)
        #expect(shaped.clusters.count == 2)
        #expect(shaped.clusters[0].face.postScriptName.hasPrefix("IPAmj"))
        #expect(shaped.clusters[1].face.postScriptName == "BIZUDMincho-Regular")
        #expect(shaped.clusters.allSatisfy { $0.glyphs.allSatisfy { $0.glyphID != 0 } })
    }

    @Test func registeredVariationSequenceSelectsTheVariantGlyph() throws {
        let plain = try Shaper.shape("葛", with: mincho).clusters[0]
        let variant = try Shaper.shape("葛\u{E0100}", with: mincho).clusters[0]
        #expect(variant.text == "葛\u{E0100}")
        #expect(variant.glyphs.count == 1)
        #expect(variant.glyphs[0].glyphID != plain.glyphs[0].glyphID)
        #expect(!variant.variationLost)
    }

    /// A cluster of thousands of marks (the quadratic case of issue #24, now read once per
    /// cluster) stays one cluster with a glyph per mark; a run of selectors still draws only
    /// the base. Timing is `yorisoi bench pathological`'s, not a test's.
    @Test func longClustersStayWholeWithTheirGlyphs() throws {
        let marks = "あ" + String(repeating: "\u{3099}", count: 3_000)
        let shaped = try Shaper.shape("前" + marks + "後", with: mincho)
        #expect(shaped.clusters.map(\.text) == ["前", marks, "後"])
        #expect(shaped.clusters[1].glyphs.count == 3_001 || shaped.clusters[1].glyphs.count == 3_000)
        let selectors = "葛" + String(repeating: "\u{E0100}", count: 3_000)
        let cluster = try Shaper.shape(selectors, with: mincho).clusters
        #expect(cluster.count == 1 && cluster[0].text == selectors)
        #expect(cluster[0].glyphs.count == 1)
    }

    @Test func unregisteredSelectorKeepsBaseGlyphAndDropsTheSpacer() throws {
        // No font in the chain has a distinct 邉+E0104 in BIZ UD; IPAmj has E0110–E011F only.
        let shaped = try Shaper.shape("渡邉\u{E0104}", with: mincho)
        #expect(shaped.clusters.count == 2)
        let cluster = shaped.clusters[1]
        #expect(cluster.text == "邉\u{E0104}")
        #expect(cluster.glyphs.count == 1)
        #expect(abs(cluster.advance - 1.0) < 0.001)
    }

    @Test func privateUseAndUndrawableCharactersAreReportedNotDrawn() throws {
        let shaped = try Shaper.shape("山\u{E000}田\u{1F9A9}", with: mincho)
        #expect(shaped.clusters.map(\.text) == ["山", "田"])
        #expect(shaped.uncovered == [
            UncoveredCharacter(codePoint: 0xE000, offset: 1, isPrivateUse: true),
            UncoveredCharacter(codePoint: 0x1F9A9, offset: 3, isPrivateUse: false),
        ])
        #expect(try mincho.uncoveredCharacters(in: "山\u{E000}田\u{1F9A9}\n") == shaped.uncovered)
        #expect(shaped.uncovered[1].codePointLabel == "U+1F9A9")
    }

    @Test func lineFeedsBecomeBreakClusters() throws {
        let shaped = try Shaper.shape("あ\nい", with: mincho)
        #expect(shaped.clusters.map(\.isLineBreak) == [false, true, false])
    }
}
