import Foundation
import Testing
import TestSupport
@testable import YorisoiCase
import YorisoiUnicode

/// Bounds on a case's text (issue #24, criterion 1): expanded size after YAML aliases (E012), a
/// JSON Lines line (E013), text per document (E014) and cluster length (E015). Each hostile
/// input is built here; each gives one error naming the field by its pointer and never its text,
/// and no tree for later stages to walk.
@Suite struct CaseTextBoundsTests {
    func load(_ yaml: String) -> LoadedCase {
        CaseLoader().load(data: Data(yaml.utf8), format: .yaml, displayName: "bounds.yaml")[0]
    }

    func expectRefused(_ loaded: LoadedCase, _ code: DiagnosticCode, at pointer: String, hiding secret: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(loaded.diagnostics.map(\.code) == [code], sourceLocation: sourceLocation)
        #expect(loaded.diagnostics.first?.path == pointer, sourceLocation: sourceLocation)
        #expect(loaded.root == nil && loaded.typed == nil, "no tree for later stages", sourceLocation: sourceLocation)
        for diagnostic in loaded.diagnostics {
            #expect(!diagnostic.message.contains(secret) && !diagnostic.messageEN.contains(secret)
                    && !diagnostic.path.contains(secret), sourceLocation: sourceLocation)
        }
    }

    @Test func oneScalarAliasedManyTimesIsRefusedAtTheAliasThatCrossesTheLimit() {
        // 200 KB behind one anchor, used 99 times: 20 MB once expanded, from a 201 KB file.
        let secret = "秘密の文"
        var yaml = "version: 1\nid: A-1\nchild:\n  situation: &s \"\(secret)\(String(repeating: "あ", count: 70_000))\"\nfamily:\n"
        for _ in 0..<99 { yaml += "  - {name: *s}\n" }
        let loaded = load(yaml)
        let pointer = loaded.diagnostics.first?.path ?? ""
        #expect(loaded.diagnostics.map(\.code) == [.e012])
        #expect(pointer.hasPrefix("/family/") && pointer.hasSuffix("/name"), "\(pointer)")
        #expect(loaded.root == nil)
        #expect(!(loaded.diagnostics.first?.message.contains(secret) ?? true))
    }

    @Test func moreTextThanADocumentPrintsNamesTheLongestField() {
        let secret = "秘密の文"
        let long = secret + String(repeating: "い", count: 100_000)  // 300 KB
        let yaml = "version: 1\nid: A-1\nchild:\n  situation: 短い\nplan:\n  worries:\n    guardian: \"\(long)\"\n"
        expectRefused(load(yaml), .e014, at: "/plan/worries/guardian", hiding: secret)
    }

    @Test func textJustUnderTheLimitIsLoaded() {
        let text = String(repeating: "う", count: 80_000)  // 240 KB
        let loaded = load("version: 1\nid: A-1\nchild:\n  situation: \"\(text)\"\n")
        #expect(!loaded.diagnostics.contains { $0.code == .e014 })
        #expect(loaded.root != nil)
    }

    @Test(arguments: [
        "あ" + String(repeating: "\u{3099}", count: 5_000),
        "e" + String(repeating: "\u{0301}", count: 1_000),
        "葛" + String(repeating: "\u{E0100}", count: 100),
        "あ" + String(repeating: "\u{200D}", count: 64),
    ])
    func aClusterOfThousandsOfMarksIsRefused(cluster: String) {
        let loaded = load("version: 1\nid: A-1\nchild:\n  name: 見本\n  situation: \"前\(cluster)後\"\n")
        expectRefused(loaded, .e015, at: "/child/situation", hiding: cluster)
    }

    /// Exactly at the limit (32 scalars: a base and 31 marks) passes; one more is refused, with
    /// the marks split on both sides of nothing else — the shortcut must not let it through.
    @Test func theClusterLimitHoldsToTheScalar() {
        let atLimit = "あ" + String(repeating: "\u{3099}", count: 31)
        #expect(!load("version: 1\nid: A-1\nchild:\n  situation: \"\(atLimit)\"\n").diagnostics.contains { $0.code == .e015 })
        let over = "あ" + String(repeating: "\u{3099}", count: 32)
        expectRefused(load("version: 1\nid: A-1\nchild:\n  situation: \"前\(over)後\"\n"), .e015, at: "/child/situation", hiding: over)
    }

    /// The shortcut's premise, checked against Swift's own grapheme breaking (UAX #29): two
    /// scalars that stand alone never share a cluster, side by side or with joiners, marks or
    /// selectors between them (CR LF, the one exception, aside).
    @Test func scalarsThatStandAloneNeverShareACluster() {
        let others: [Unicode.Scalar] = ["あ", "A", "漢", "ー"]
        let between: [Unicode.Scalar] = ["\u{3099}", "\u{200D}", "\u{FE0F}", "\u{094D}", "\u{E0100}"]
        var checked = 0
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), scalar.standsAloneInGraphemeClusters else { continue }
            for other in others {
                let name = "U+\(String(value, radix: 16)) and \(other)"
                #expect(String(String.UnicodeScalarView([scalar, other])).count == 2, "\(name)")
                #expect(String(String.UnicodeScalarView([other, scalar])).count == 2, "\(name)")
                for mark in between {
                    #expect(String(String.UnicodeScalarView([scalar, mark, other])).count >= 2, "\(name), U+\(String(mark.value, radix: 16)) between")
                }
            }
            checked += 1
        }
        #expect(checked > 20_000)
    }

    @Test func realLongClustersPass() {
        // A family emoji (7 scalars), a subdivision flag (7), an IVS (2) and a base with three marks.
        let text = "👨‍👩‍👧‍👦 🏴󠁧󠁢󠁳󠁣󠁴󠁿 葛\u{E0100} a\u{0301}\u{0302}\u{0303}"
        let loaded = load("version: 1\nid: A-1\nchild:\n  situation: \"\(text)\"\n")
        #expect(!loaded.diagnostics.contains { $0.code == .e015 })
    }

    @Test func anUnknownKeyOverTheLimitIsNamedByPlace() {
        let secret = "山田太郎"
        let long = String(repeating: "え", count: 100_000)
        let loaded = load("version: 1\nid: A-1\nchild:\n  \(secret): \"\(long)\"\n")
        expectRefused(loaded, .e014, at: "/child/~unknown1", hiding: secret)
    }

    @Test func aJSONLinesLineOverTheLimitIsRefusedAndTheOthersRead() throws {
        let folder = try TestPaths.makeTemporaryDirectory("bounds-jsonl")
        let file = folder.appendingPathComponent("cases.jsonl")
        let limits = LoadLimits(maxBytes: 1 << 20)
        var text = "{\"version\": 1, \"id\": \"J-1\"}\n"
        text += "{\"id\": \"J-2\", \"child\": {\"situation\": \"" + String(repeating: "x", count: 3 << 20) + "\"}}\n"
        text += "\n{\"version\": 1, \"id\": \"J-3\"}"
        try Data(text.utf8).write(to: file)
        var reader = try #require(JSONLinesCaseReader(contentsOf: file, displayName: "cases.jsonl", limits: limits))
        var loaded: [LoadedCase] = []
        while let line = reader.nextLine() { loaded.append(reader.load(line)) }
        #expect(loaded.map(\.line) == [1, 2, 4])
        #expect(loaded[1].diagnostics.map(\.code) == [.e013])
        #expect(loaded[0].typed?.id == "J-1" && loaded[2].typed?.id == "J-3")
    }
}
