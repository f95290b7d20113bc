import Foundation
import Testing
import TestSupport
@testable import YorisoiText

/// `TrueTypeSubsetter` against the fonts Yorisoi embeds: each subset is read back by HarfBuzz
/// (a separate parser), glyph by glyph, and compared with HarfBuzz's own subset of the same glyphs.
@Suite struct TrueTypeSubsetterTests {
    /// BIZ UD明朝, BIZ UDゴシック, VL Gothic and IPAmj明朝: every configured face Yorisoi sets text in.
    static let faces: [FontFace] = {
        var seen: Set<String> = []
        return ["mincho", "gothic"].flatMap { family in
            let chain = try! sharedFonts.chain(family: family)
            return (0..<chain.count).map { try! chain.face(at: $0) }
        }.filter { seen.insert($0.path).inserted }
    }()

    static func glyphs(of face: FontFace) -> Set<UInt32> {
        var glyphs = Set(stride(from: UInt32(1), to: UInt32(min(face.glyphCount, 4000)), by: 37))
        for scalar in "𠮷田 山田花子の支援計画（令和７年度）「」、。ABC 123".unicodeScalars {
            if let glyph = face.glyph(for: scalar) { glyphs.insert(glyph) }
        }
        return glyphs
    }

    /// Every kept glyph has, under its new id, the advance and ink box it had in the whole face.
    @Test(arguments: faces) func aSubsetKeepsEachGlyphsOutlineAndAdvance(face: FontFace) throws {
        #expect(face.trueTypeSubsetter != nil, "\(face.postScriptName) has TrueType outlines")
        let glyphs = Self.glyphs(of: face)
        let subset = try face.subset(glyphs: glyphs)
        let reread = try Self.load(subset.data)
        #expect(subset.newGlyphID[0] == 0)
        #expect(reread.glyphCount == subset.newGlyphID.count)
        for glyph in glyphs.union([0]) {
            let new = try #require(subset.newGlyphID[glyph], "\(face.postScriptName) glyph \(glyph)")
            #expect(reread.advance(of: new) == face.advance(of: glyph), "\(face.postScriptName) glyph \(glyph)")
            #expect(reread.extents(of: new) == face.extents(of: glyph), "\(face.postScriptName) glyph \(glyph)")
        }
    }

    /// HarfBuzz's subset of the same glyphs is the reference for what a glyph keeps: each simple
    /// glyph's bytes are the same as in HarfBuzz's subset without hinting, and every glyph kept
    /// asked for is one HarfBuzz keeps too. (HarfBuzz 6 also keeps what the dropped GSUB could substitute —
    /// vertical and alternate forms the PDF never shows — so it may keep more.)
    @Test(arguments: faces) func simpleGlyphsMatchHarfBuzzsSubsetWithoutHinting(face: FontFace) throws {
        let glyphs = Self.glyphs(of: face)
        let ours = try face.subset(glyphs: glyphs)
        let harfBuzz = try face.harfBuzzSubset(glyphs: glyphs)
        let ourGlyphs = try SFNT(ours.data).glyphs(), theirGlyphs = try SFNT(harfBuzz.data).glyphs()
        #expect(ourGlyphs.count == ours.newGlyphID.count)
        var compared = 0
        for old in glyphs.union([0]) {
            let new = try #require(ours.newGlyphID[old])
            let theirs = try #require(harfBuzz.newGlyphID[old].map { theirGlyphs[Int($0)] },
                                      "\(face.postScriptName) glyph \(old) is not in HarfBuzz's subset")
            let mine = ourGlyphs[Int(new)]
            guard mine.count < 2 || mine[0] & 0x80 == 0 else { continue }   // composites: below
            // Both pad a glyph to an even length; compare the glyph, not its padding.
            #expect(Array(mine.prefix(theirs.count)) == theirs || Array(theirs.prefix(mine.count)) == mine,
                    "\(face.postScriptName) glyph \(old): \(mine.count) vs \(theirs.count) bytes")
            compared += 1
        }
        #expect(compared > glyphs.count / 2)
    }

    /// A composite glyph brings its components, renumbered inside the composite, and draws as before.
    @Test func aCompositeGlyphBringsItsComponents() throws {
        var found: (face: FontFace, glyph: UInt32, components: [UInt32])?
        search: for face in Self.faces {
            let subsetter = try #require(face.trueTypeSubsetter)
            for glyph in 1..<UInt32(face.glyphCount) {
                let components = try subsetter.components(of: glyph)
                if !components.isEmpty { found = (face, glyph, components); break search }
            }
        }
        let (face, glyph, components) = try #require(found, "no configured face has a composite glyph")
        let subset = try face.subset(glyphs: [glyph])
        for component in components { #expect(subset.newGlyphID[component] != nil) }
        let reread = try Self.load(subset.data)
        let new = try #require(subset.newGlyphID[glyph])
        #expect(reread.extents(of: new) == face.extents(of: glyph))
        let renumbered = try #require(reread.trueTypeSubsetter).components(of: new)
        #expect(renumbered == components.map { subset.newGlyphID[$0]! })
    }

    /// No hinting survives: no fpgm, prep or cvt table, and no glyph carries instructions.
    @Test func hintingIsLeftOut() throws {
        let face = try sharedFonts.chain(family: "mincho").primaryFace()
        let sfnt = try SFNT(try face.subset(glyphs: Self.glyphs(of: face)).data)
        for table in ["fpgm", "prep", "cvt ", "GSUB", "GPOS"] { #expect(sfnt.tables[table] == nil, "\(table)") }
        for glyph in try sfnt.glyphs() where glyph.count >= 10 {
            let contours = Int16(bitPattern: UInt16(glyph[0]) << 8 | UInt16(glyph[1]))
            guard contours >= 0 else { continue }
            let at = 10 + 2 * Int(contours)
            #expect(glyph[at] == 0 && glyph[at + 1] == 0)
        }
    }

    /// Checksums as OpenType defines them, and the same bytes for the same glyphs every time.
    @Test func checksumsHoldAndOutputIsDeterministic() throws {
        let face = try sharedFonts.chain(family: "gothic").primaryFace()
        let glyphs = Self.glyphs(of: face)
        let data = try face.subset(glyphs: glyphs).data
        #expect(try face.subset(glyphs: glyphs).data == data)
        #expect(TrueTypeSubsetter.checksum(data[...]) == 0xB1B0_AFBA)
        let sfnt = try SFNT(data)
        for (tag, record) in sfnt.tables where tag != "head" {
            #expect(TrueTypeSubsetter.checksum(data[record.range]) == record.checksum, "\(tag)")
        }
    }

    /// OpenType Sanitizer (`ots-sanitize`, Debian `opentype-sanitizer`), the check browsers run on
    /// every web font, passes each face's subset: tables, offsets, checksums, glyph data.
    @Test(arguments: faces) func theSanitizerBrowsersUseAcceptsTheSubset(face: FontFace) throws {
        let directory = try TestPaths.makeTemporaryDirectory("subset")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("subset.ttf")
        try Data(try face.subset(glyphs: Self.glyphs(of: face)).data).write(to: file)
        let result = try ExternalTool.run("ots-sanitize", [file.path])
        #expect(result.status == 0, "\(face.postScriptName): \(result.stdout) \(result.stderr)")
    }

    /// A subset written out and loaded as a font of its own (HarfBuzz parses it afresh).
    static func load(_ data: [UInt8]) throws -> FontFace {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("subset-\(UUID().uuidString).ttf")
        try Data(data).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try FontFace.load(path: url.path)
    }
}

/// Just enough of an sfnt reader to look inside a subset: its tables and its glyphs' bytes.
struct SFNT {
    struct Record { let checksum: UInt32; let range: Range<Int> }
    let data: [UInt8]
    let tables: [String: Record]

    init(_ data: [UInt8]) throws {
        self.data = data
        var tables: [String: Record] = [:]
        for index in 0..<Int(Self.u16(data, 4)) {
            let at = 12 + 16 * index
            let tag = String(decoding: data[at..<at + 4], as: UTF8.self)
            let offset = Int(Self.u32(data, at + 8)), length = Int(Self.u32(data, at + 12))
            tables[tag] = Record(checksum: Self.u32(data, at + 4), range: offset..<offset + length)
        }
        self.tables = tables
    }

    func glyphs() throws -> [[UInt8]] {
        let head = try #require(tables["head"]).range.lowerBound
        let loca = try #require(tables["loca"]).range, glyf = try #require(tables["glyf"]).range
        let long = Self.u16(data, head + 50) == 1
        let count = Int(Self.u16(data, try #require(tables["maxp"]).range.lowerBound + 4))
        let offset = { (i: Int) in long ? Int(Self.u32(data, loca.lowerBound + 4 * i)) : 2 * Int(Self.u16(data, loca.lowerBound + 2 * i)) }
        return (0..<count).map { Array(data[(glyf.lowerBound + offset($0))..<(glyf.lowerBound + offset($0 + 1))]) }
    }

    static func u16(_ data: [UInt8], _ at: Int) -> UInt16 { UInt16(data[at]) << 8 | UInt16(data[at + 1]) }
    static func u32(_ data: [UInt8], _ at: Int) -> UInt32 { UInt32(u16(data, at)) << 16 | UInt32(u16(data, at + 2)) }
}
