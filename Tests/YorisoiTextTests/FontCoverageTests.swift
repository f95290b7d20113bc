import Testing
@testable import YorisoiText

/// `FontFace.covers` answers from bits set once from the cmap; it must say exactly what asking
/// HarfBuzz for the nominal glyph says, for every face the fonts configuration names.
@Suite struct FontCoverageTests {
    /// Every face of every configured family, each once.
    static func faces() throws -> [FontFace] {
        var seen = Set<String>()
        var faces: [FontFace] = []
        for family in sharedFonts.familyNames {
            let chain = try sharedFonts.chain(family: family)
            for index in 0..<chain.count {
                let face = try chain.face(at: index)
                if seen.insert(face.path).inserted { faces.append(face) }
            }
        }
        return faces
    }

    /// Code point by code point over the BMP and planes 1–3 (where the kanji of names live), and
    /// the planes above at their ends and at the variation selectors.
    @Test func coverageIsTheCmapsAnswerForEveryCodePoint() throws {
        let faces = try Self.faces()
        #expect(faces.count >= 5)
        let checked = Array(0...0x3FFFF) + Array(0xE0000...0xE01EF) + [0xF0000, 0xFFFFD, 0x100000, 0x10FFFD, 0x10FFFF]
        for face in faces {
            var covered = 0
            var disagreements: [UInt32] = []
            for value in checked {
                guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }   // surrogates
                let nominal = face.glyph(for: scalar) != nil
                if nominal { covered += 1 }
                if face.covers(scalar) != nominal, disagreements.count < 5 { disagreements.append(scalar.value) }
            }
            #expect(disagreements.isEmpty, "\(face.postScriptName) disagrees at \(disagreements.map { String($0, radix: 16) })")
            #expect(covered > 1_000, "\(face.postScriptName) covers \(covered) code points")
        }
    }
}
