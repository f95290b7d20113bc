import Foundation
import Testing
import YorisoiCase

@Suite struct YAMLLoadingTests {
    func load(_ yaml: String) -> LoadedCase {
        CaseLoader().load(data: Data(yaml.utf8), format: .yaml, displayName: "case.yaml")[0]
    }

    @Test func keysAndValuesKeepLineAndColumn() throws {
        let loaded = load("""
        version: 1
        child:
          name: 例野 ひなた
          birthdate: 2019-05-03
        guardians:
          - {name: 例野 さくら, relation: 母}
        """)
        let root = try #require(loaded.root)
        #expect(root.resolve(pointer: "/child/name")?.position == SourcePosition(line: 3, column: 9))
        #expect(root.resolve(pointer: "/guardians/0/relation")?.position == SourcePosition(line: 6, column: 30))
        #expect(root.position(nearest: "/child/birthdate") == SourcePosition(line: 4, column: 3))
        // A missing field points at its nearest existing parent key.
        #expect(root.position(nearest: "/child/situation") == SourcePosition(line: 2, column: 1))
    }

    @Test func scalarsAreTypedByYAML12CoreRules() throws {
        let root = try #require(load("""
        a: 045012
        b: 122297
        c: no
        d: "12"
        e: 1.5
        f: ~
        g: true
        h: 2025-04
        """).root)
        #expect(root["a"]?.value == .string("045012"))   // a code keeps its zero, not octal
        #expect(root["b"]?.value == .integer(122297))
        #expect(root["c"]?.value == .string("no"))        // not YAML 1.1's false
        #expect(root["d"]?.value == .string("12"))
        #expect(root["e"]?.value == .double(1.5))
        #expect(root["f"]?.value == .null)
        #expect(root["g"]?.value == .bool(true))
        #expect(root["h"]?.value == .string("2025-04"))
    }

    @Test func typedCaseReadsDatesAndCodes() throws {
        let loaded = load("""
        version: 1
        municipality: 045012
        created: 2025-01-17
        plan:
          review: 2025-04
          goals: {short: 登園する, long: {text: 安心して通う, from: 2025-04, to: 2026-03-31}}
        """)
        let value = try #require(loaded.typed)
        #expect(value.municipality == "045012")
        #expect(value.created == CaseDate(year: 2025, month: 1, day: 17))
        #expect(value.plan?.review == CaseDate(year: 2025, month: 4, day: nil))
        #expect(value.plan?.goals?.short?.text == "登園する")
        #expect(value.plan?.goals?.long?.to == CaseDate(year: 2026, month: 3, day: 31))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    }

    @Test func unknownKeyIsAWarningWithASuggestion() throws {
        let loaded = load("version: 1\nchild:\n  birthdat: 2019-05-03\n")
        let warning = try #require(loaded.diagnostics.first { $0.code == .w020 })
        #expect(warning.severity == .warning)
        #expect(warning.path == "/child/~unknown1")
        #expect(warning.line == 3 && warning.column == 3)
        #expect(warning.message.contains("child の下の不明なキー（1 番目）"))
        #expect(warning.message.contains("「birthdate」の誤り"))
        #expect(warning.messageEN.contains("did you mean 'birthdate'"))
    }

    /// An unknown key can be a name or an address typed in key position: it is named by its
    /// place among its object's unknown keys, never by its text — nor is anything below it.
    @Test func unknownKeysAreNamedByPlaceNeverByTheirText() throws {
        let loaded = load("""
            version: 1
            child:
              Hanako Yamada: 1
              name: 山田 花子
              hanako.yamada@example.jp: {Tokyo Chiyoda 1-1: 2}
            Secret Key: x
            """)
        let warnings = loaded.diagnostics.filter { $0.code == .w020 }
        #expect(warnings.map(\.path) == ["/child/~unknown1", "/child/~unknown2", "/~unknown1"])
        #expect(warnings.last?.message.contains("最上位の不明なキー（1 番目）") == true)
        let shown = loaded.diagnostics.map { "\($0.path) \($0.message) \($0.messageEN)" }.joined(separator: "\n")
        for secret in ["Hanako", "hanako", "example.jp", "Tokyo", "Chiyoda", "Secret"] {
            #expect(!shown.contains(secret), "\(secret) must not be shown: \(shown)")
        }
        let redaction = UnknownKeyRedaction(root: try #require(loaded.root))
        #expect(redaction.redact("/child/hanako.yamada@example.jp/Tokyo Chiyoda 1-1") == "/child/~unknown2/~unknown1")
        #expect(redaction.redact("/child/name") == "/child/name")
    }

    @Test func aDuplicateUnknownKeyIsNotQuotedEither() throws {
        let loaded = load("version: 1\nchild:\n  Hanako Yamada: 1\n  Hanako Yamada: 2\n")
        let duplicate = try #require(loaded.diagnostics.first { $0.code == .e008 })
        #expect(duplicate.path == "/child/~unknown1")
        #expect(!duplicate.message.contains("Hanako") && !duplicate.messageEN.contains("Hanako"))
    }

    @Test func duplicateKeyIsReportedAtTheSecondOccurrence() throws {
        let loaded = load("version: 1\nchild:\n  name: A\n  kana: a\n  name: B\n")
        let duplicate = try #require(loaded.diagnostics.first { $0.code == .e008 })
        #expect(duplicate.path == "/child/name")
        #expect(duplicate.line == 5 && duplicate.column == 3)
        #expect(loaded.root != nil)
    }

    /// Keys are text: a plain `12` and a quoted `"12"` are one key twice (no YAML 1.1 int tag
    /// sets them apart), and so are `true` and `"true"`.
    @Test func aQuotedKeyRepeatingAPlainOneIsADuplicate() throws {
        for key in ["12", "true"] {
            let loaded = load("version: 1\nextra:\n  \(key): a\n  \"\(key)\": b\n")
            let duplicate = try #require(loaded.diagnostics.first { $0.code == .e008 }, "\(key)")
            #expect(duplicate.line == 4 && duplicate.column == 3)
        }
    }

    @Test func tripleDuplicateReportsEachRepeat() {
        let loaded = load("version: 1\nid: a\nid: b\nid: c\n")
        let lines = loaded.diagnostics.filter { $0.code == .e008 }.map(\.line)
        #expect(lines == [3, 4])
    }

    @Test func syntaxErrorHasAPositionAndNoFileContent() throws {
        let loaded = load("version: 1\nchild:\n  name: 秘密の名前\n   kana: [\n")
        let error = try #require(loaded.diagnostics.first)
        #expect(error.code == .e004)
        #expect(error.line >= 3)
        #expect(!error.message.contains("秘密") && !error.messageEN.contains("秘密"))
        #expect(loaded.root == nil)
    }

    @Test func wrongTypesAndBadDatesAreErrors() {
        let loaded = load("""
        version: 1
        created: 2025-02-29
        child: {birthdate: 2025-01}
        plan: {satisfaction: 101, next_contact: {mode: 手紙}, review: 2025-13}
        guardians: 母
        consent: {agreed: はい}
        """)
        let found = Set(loaded.diagnostics.map { "\($0.code.rawValue) \($0.path)" })
        #expect(found == [
            "E021 /created", "E021 /child/birthdate", "E022 /plan/satisfaction", "E023 /plan/next_contact/mode",
            "E021 /plan/review", "E020 /guardians", "E020 /consent/agreed",
        ])
    }

    @Test func versionIsChecked() {
        #expect(load("id: x\n").diagnostics.map(\.code) == [.w021])
        #expect(load("version: 3\n").diagnostics.map(\.code) == [.e024])
    }

    @Test func multipleDocumentsAreRefused() {
        #expect(load("version: 1\n---\nversion: 1\n").diagnostics.map(\.code) == [.e010])
    }

    @Test func topLevelMustBeAMapping() {
        #expect(load("- a\n- b\n").diagnostics.map(\.code) == [.e009])
    }

    @Test func byteOrderMarkIsAccepted() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("version: 1\n".utf8))
        let loaded = CaseLoader().load(data: data, format: .yaml, displayName: "bom.yaml")[0]
        #expect(loaded.diagnostics.isEmpty)
    }

    @Test func aliasesAsValuesExpand() throws {
        let loaded = load("version: 1\nstaff:\n  maternal_health: &s {name: 見本}\n  child_welfare: *s\n")
        #expect(loaded.typed?.staff?.childWelfare?.name == "見本")
    }
}
