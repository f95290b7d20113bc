import Foundation
import Testing
import TestSupport
@testable import YorisoiText

/// The repository's own font configuration, loaded once per test process.
let sharedFonts: FontLibrary = {
    try! FontLibrary(configurationFile: TestPaths.repositoryRoot.appendingPathComponent("Fonts/fonts.yaml"))
}()

@Suite struct FontLibraryTests {
    @Test func configuredFamiliesResolveToDebianFonts() throws {
        let mincho = try sharedFonts.chain(family: "mincho")
        #expect(try mincho.primaryFace().postScriptName == "BIZUDMincho-Regular")
        #expect(try sharedFonts.chain(family: "gothic").primaryFace().postScriptName == "BIZUDGothic-Regular")
        #expect(try sharedFonts.chain(family: "pgothic").primaryFace().postScriptName == "BIZUDPGothic-Regular")
        #expect(mincho.count == 2)
    }

    @Test func bigFallbackFontLoadsOnlyWhenATextNeedsIt() throws {
        let library = try FontLibrary(configurationFile: TestPaths.repositoryRoot.appendingPathComponent("Fonts/fonts.yaml"))
        let chain = try library.chain(family: "mincho")
        #expect(!chain.isLoaded(at: 1))
        _ = try Shaper.shape("山田花子", with: chain)
        #expect(!chain.isLoaded(at: 1))
        _ = try Shaper.shape("𠮷田", with: chain)
        #expect(chain.isLoaded(at: 1))
    }

    /// 𠮷 in gothic text comes from a gothic face (VL Gothic), not from the Mincho fallback; the
    /// `gothic-only` chain (the W401 check) has no Mincho at all.
    @Test func rareKanjiInGothicTextComeFromAGothicFace() throws {
        let shaped = try Shaper.shape("𠮷田", with: try sharedFonts.chain(family: "gothic"))
        #expect(shaped.clusters[0].face.postScriptName.hasPrefix("VL-Gothic"), "\(shaped.clusters[0].face.postScriptName)")
        #expect(shaped.clusters[1].face.postScriptName == "BIZUDGothic-Regular")
        let pgothic = try Shaper.shape("𠮷", with: try sharedFonts.chain(family: "pgothic"))
        #expect(pgothic.clusters[0].face.postScriptName.hasPrefix("VL-PGothic"))
        let only = try sharedFonts.chain(family: "gothic-only")
        #expect(try only.uncoveredCharacters(in: "𠮷田").isEmpty)
        #expect(try only.uncoveredCharacters(in: "\u{4E22}").map(\.codePoint) == [0x4E22])
        #expect(try sharedFonts.chain(family: "gothic").uncoveredCharacters(in: "\u{4E22}").isEmpty)
    }

    @Test func missingFontNamesTheDebianPackage() throws {
        var configuration = sharedFonts.configuration
        configuration.fonts["bizud-mincho"]?.file = "nowhere/NoSuchFont.ttf"
        #expect(throws: FontConfigurationError.missingFont(name: "bizud-mincho", file: "nowhere/NoSuchFont.ttf",
                                                          package: "fonts-morisawa-bizud-mincho")) {
            _ = try FontLibrary(configuration: configuration, fontPath: [])
        }
    }

    /// The configuration is read field by field (not through Codable): a wrong field is named.
    @Test(arguments: [
        ("version: x\nsearch_paths: []\nfonts: {}\nfamilies: {}\n", "version must be an integer"),
        ("version: 1\nsearch_paths: /usr\nfonts: {}\nfamilies: {}\n", "search_paths must be a list"),
        ("version: 1\nsearch_paths: []\nfonts: {a: {file: a.ttf}}\nfamilies: {}\n", "fonts.a needs a file and a package"),
        ("version: 1\nsearch_paths: []\nfonts: {a: {file: a.ttf, package: p, lazy: maybe}}\nfamilies: {}\n", "fonts.a.lazy must be true or false"),
        // YAML 1.1's yes/on are text under the core schema, as in a case file (YAMLCoreScalar).
        ("version: 1\nsearch_paths: []\nfonts: {a: {file: a.ttf, package: p, lazy: yes}}\nfamilies: {}\n", "fonts.a.lazy must be true or false"),
        ("version: 1\nsearch_paths: []\nfonts: {a: {file: a.ttf, package: p}}\nfamilies: {m: a}\n", "families.m must be a list"),
        ("version: 1\nsearch_paths: []\nfonts: {a: {file: a.ttf, package: p}}\nfamilies: {m: [b]}\n", "names unknown font 'b'"),
        ("- just a list\n", "must be a mapping"),
    ])
    func aMalformedConfigurationNamesTheField(yaml: String, expected: String) throws {
        let file = try TestPaths.makeTemporaryDirectory("yorisoi-fonts").appendingPathComponent("fonts.yaml")
        try Data(yaml.utf8).write(to: file)
        do {
            _ = try FontConfiguration.load(from: file)
            Issue.record("accepted: \(yaml)")
        } catch let error as FontConfigurationError {
            guard case .malformed(_, let reason) = error else { Issue.record("\(error)"); return }
            #expect(reason.contains(expected), "\(reason)")
        }
    }

    /// `lazy:` takes the core schema's spellings, the same words a case file's booleans take.
    @Test(arguments: [("TRUE", true), ("True", true), ("false", false), ("FALSE", false)])
    func lazyTakesTheCoreSchemasSpellings(spelling: String, value: Bool) throws {
        let yaml = "version: 1\nsearch_paths: []\nfonts: {a: {file: a.ttf, package: p, lazy: \(spelling)}}\nfamilies: {m: [a]}\n"
        let file = try TestPaths.makeTemporaryDirectory("yorisoi-fonts").appendingPathComponent("fonts.yaml")
        try Data(yaml.utf8).write(to: file)
        #expect(try FontConfiguration.load(from: file).fonts["a"]?.lazy == value)
    }

    /// The shipped file reads to what it says (a change of reader must not lose a field).
    @Test func theShippedConfigurationReadsWhole() throws {
        let configuration = sharedFonts.configuration
        #expect(configuration.version == 1)
        #expect(configuration.searchPaths.first == "/usr/share/fonts/truetype")
        #expect(configuration.fonts["ipamj-mincho"]?.lazy == true)
        #expect(configuration.fonts["bizud-mincho"]?.lazy == nil)
        #expect(configuration.fonts["vl-gothic"]?.package == "fonts-vlgothic")
        #expect(configuration.families["gothic"] == ["bizud-gothic", "vl-gothic", "ipamj-mincho"])
    }

    @Test func unknownFamilyIsAConfigurationError() {
        #expect(throws: FontConfigurationError.unknownFamily("brush")) { _ = try sharedFonts.chain(family: "brush") }
    }

    @Test func fontThatForbidsEmbeddingIsRefused() throws {
        let source = try sharedFonts.chain(family: "gothic").primaryFace().path
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        // Find the OS/2 table in the table directory and set fsType (offset 8) to 0x0002, "restricted".
        let tableCount = Int(bytes[4]) << 8 | Int(bytes[5])
        var patched = false
        for i in 0..<tableCount {
            let record = 12 + 16 * i
            if Array(bytes[record..<record + 4]) == Array("OS/2".utf8) {
                let offset = bytes[record + 8..<record + 12].reduce(0) { $0 << 8 | Int($1) }
                bytes[offset + 8] = 0x00
                bytes[offset + 9] = 0x02
                patched = true
            }
        }
        #expect(patched)
        let dir = try TestPaths.makeTemporaryDirectory()
        let file = dir.appendingPathComponent("Restricted.ttf")
        try Data(bytes).write(to: file)
        #expect(throws: FontError.embeddingNotPermitted(path: file.path, fsType: 2)) {
            _ = try FontFace.load(path: file.path)
        }
    }

    @Test func metricsComeFromTheFontFile() throws {
        let face = try sharedFonts.chain(family: "mincho").primaryFace()
        #expect(face.metrics.unitsPerEm == 2048)
        #expect(face.metrics.ascender == 1802)
        #expect(face.metrics.descender == -246)
        #expect(face.metrics.isSerif)
        #expect(face.embedding.allowsEmbedding)
    }

    @Test func subsetRenumbersGlyphsThroughThePlan() throws {
        let face = try sharedFonts.chain(family: "mincho").face(at: 1) // IPAmj: composite glyphs
        let yoshi = try #require(face.glyph(for: "\u{20BB7}"))
        let subset = try face.subset(glyphs: [yoshi])
        #expect(subset.newGlyphID[0] == 0)
        let newID = try #require(subset.newGlyphID[yoshi])
        #expect(newID > 0 && newID < 100)
        #expect(subset.data.count > 1000 && subset.data.count < 200_000)
        #expect(Array(subset.data.prefix(4)) == [0, 1, 0, 0]) // TrueType sfnt version
    }
}
