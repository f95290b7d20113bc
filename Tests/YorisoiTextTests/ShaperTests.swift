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

    /// Texts whose clusters are all one scalar are shaped without grapheme breaking
    /// (`shapeOneScalarClusters`); the answer must be the general path's to the glyph, face and
    /// offset — runs split by a fallback face, joined across a character no face has, line feeds
    /// and tabs, Latin a font may join into one glyph. Texts with any other cluster go the
    /// general way.
    @Test func oneScalarClustersShapeAsGraphemeClustersDo() throws {
        let gothic = try sharedFonts.chain(family: "gothic")
        // Ideographs in the one-scalar range that the first face lacks: one a later face draws,
        // one no face draws.
        var fallback: Character?, undrawable: Character?
        for value in UInt32(0x4E00)...0x9FFF where fallback == nil || undrawable == nil {
            let scalar = Unicode.Scalar(value)!
            guard try mincho.face(at: 0).glyph(for: scalar) == nil else { continue }
            if try (1..<mincho.count).contains(where: { try mincho.face(at: $0).glyph(for: scalar) != nil }) {
                if fallback == nil { fallback = Character(scalar) }
            } else if undrawable == nil {
                undrawable = Character(scalar)
            }
        }
        let later = try #require(fallback), none = try #require(undrawable)
        let texts = [
            "令和７年４月１日、保護者と面談した。", "office ffi fl 123-4567 (ABC)", "\t見出し\n\n本文\t",
            "前\(later)後\(later)\(later)", "前\(none)後", "\(none)\(later)\(none)", "山\(none)田", "\n",
            "「支援計画」（案）・ー〜！？", "がぎぐ", "",
        ]
        for text in texts {
            for chain in [mincho, gothic] {
                let quick = try #require(try Shaper.shapeOneScalarClusters(text, with: chain), "\(text.unicodeScalars.map(\.value))")
                expectSameShaping(quick, try Shaper.shapeByGraphemeClusters(text, with: chain))
            }
        }
        #expect(try Shaper.shapeByGraphemeClusters("前\(later)後", with: mincho).clusters.map { $0.face.postScriptName }
                    .filter { $0 != "BIZUDMincho-Regular" }.count == 1)
        #expect(try Shaper.shapeByGraphemeClusters("山\(none)田", with: mincho).uncovered.count == 1)
        // Anything else is left to the general path.
        for text in ["か\u{3099}", "𠮷田", "葛\u{E0100}", "a\r\nb", "\r", "山\u{E000}", "👍🏽", "e\u{0301}", "ﾊﾟ", "ｶﾀｶﾅ"] {
            #expect(try Shaper.shapeOneScalarClusters(text, with: mincho) == nil, "\(text.unicodeScalars.map(\.value))")
        }
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
