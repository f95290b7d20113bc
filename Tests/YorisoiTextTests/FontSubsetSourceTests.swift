import Testing
@testable import YorisoiText

/// A face's first subset is cut from the face itself and later ones from its `hb_subset_preprocess`
/// copy (`FontFace.subsetSource()`). Both must give the very same bytes and glyph numbering, or a
/// PDF's bytes would depend on how many documents the process had made before it.
@Suite struct FontSubsetSourceTests {
    /// BIZ UD明朝 and the big IPAmj明朝 fallback, each loaded afresh so that the first subset
    /// below really is the face's first.
    @Test func preparedSourceCutsTheSameSubsetAsThePlainFace() throws {
        let chain = try sharedFonts.chain(family: "mincho")
        for path in try (0..<chain.count).map({ try chain.face(at: $0).path }) {
            let face = try FontFace.load(path: path)
            var glyphs = Set(stride(from: UInt32(1), to: 4000, by: 37))
            for scalar in "𠮷田 山田花子の支援計画（令和７年度）「」、。".unicodeScalars {
                if let glyph = face.glyph(for: scalar) { glyphs.insert(glyph) }
            }
            let plain = try face.subset(glyphs: glyphs)
            for _ in 1..<FontFace.plainSubsetsBeforePreparing {
                #expect(try face.subset(glyphs: glyphs).data == plain.data)
            }
            #expect(!face.hasPreparedSubsetSource)
            let prepared = try face.subset(glyphs: glyphs)
            #expect(face.hasPreparedSubsetSource)
            #expect(plain.data == prepared.data)
            #expect(plain.newGlyphID == prepared.newGlyphID)
            #expect(plain.newGlyphID.count == glyphs.union([0]).count)
        }
    }

    /// A face told that many documents are coming is prepared at its second subset, and still
    /// cuts the same bytes; the library tells only the faces that open a chain.
    @Test func aFaceExpectingManySubsetsIsPreparedAtTheSecond() throws {
        let path = try sharedFonts.chain(family: "mincho").face(at: 0).path
        let face = try FontFace.load(path: path)
        face.expectManySubsets()
        let glyphs = Set(stride(from: UInt32(1), to: 2000, by: 23))
        let plain = try face.subset(glyphs: glyphs)
        #expect(!face.hasPreparedSubsetSource)
        let prepared = try face.subset(glyphs: glyphs)
        #expect(face.hasPreparedSubsetSource)
        #expect(plain.data == prepared.data)
        #expect(plain.newGlyphID == prepared.newGlyphID)
    }

    @Test func theLibraryExpectsManySubsetsOfChainHeadsOnly() throws {
        let library = try FontLibrary(configuration: sharedFonts.configuration)
        let fallback = try library.chain(family: "mincho").face(at: 1)
        library.expectManyDocuments()
        let glyph = try #require(fallback.glyph(for: "𠮷"))
        _ = try fallback.subset(glyphs: [glyph])
        _ = try fallback.subset(glyphs: [glyph])
        #expect(!fallback.hasPreparedSubsetSource)
        let head = try library.chain(family: "mincho").face(at: 0)
        let first = try #require(head.glyph(for: "田"))
        _ = try head.subset(glyphs: [first])
        _ = try head.subset(glyphs: [first])
        #expect(head.hasPreparedSubsetSource)
    }
}
