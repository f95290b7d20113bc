import Foundation
import Testing
import YorisoiCase

@Suite struct JSONLoadingTests {
    func load(_ json: String, format: CaseFormat = .json) -> [LoadedCase] {
        CaseLoader().load(data: Data(json.utf8), format: format, displayName: "case.json")
    }

    @Test func positionsCountUnicodeScalars() throws {
        let root = try #require(load("{\"child\": {\"name\": \"𠮷田\", \"kana\": \"よしだ\"},\n \"id\": \"x\"}")[0].root)
        #expect(root.resolve(pointer: "/child/name")?.position == SourcePosition(line: 1, column: 20))
        #expect(root.resolve(pointer: "/child/kana")?.position == SourcePosition(line: 1, column: 34))
        #expect(root.position(nearest: "/id") == SourcePosition(line: 2, column: 2))
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let root = try #require(load(#"{"a": "\ud842\udfb7\u7530\n\"", "b": -1.5e2, "c": 0, "d": [true, false, null]}"#)[0].root)
        #expect(root["a"]?.value == .string("𠮷田\n\""))
        #expect(root["b"]?.value == .double(-150))
        #expect(root["c"]?.value == .integer(0))
        #expect(root["d"]?[2]?.value == .null)
    }

    @Test(arguments: [
        #"{"a": 1,}"#, #"{"a": 01}"#, #"{"a": "\ud800"}"#, "{\"a\": \"x\ty\"}", #"{"a": tru}"#, #"{"a" 1}"#,
        #"{"a": 1} x"#, #"{'a': 1}"#, #"{"a": .5}"#, #"{"a": "\x"}"#,
    ])
    func malformedJSONIsASyntaxError(_ json: String) throws {
        let diagnostic = try #require(load(json)[0].diagnostics.first)
        #expect(diagnostic.code == .e004)
        #expect(diagnostic.line == 1)
    }

    @Test func syntaxErrorPointsAtTheProblem() throws {
        let diagnostic = try #require(load("{\n  \"version\": 1,\n  \"id\": \"x\"\n  \"created\": \"2025-01-17\"\n}")[0].diagnostics.first)
        #expect(diagnostic.code == .e004)
        #expect(diagnostic.line == 4 && diagnostic.column == 3)
    }

    @Test func duplicateKeyKeepsTheFirstAndReportsTheSecond() throws {
        let loaded = load("{\"version\": 1, \"id\": \"a\",\n \"id\": \"b\"}")[0]
        let duplicate = try #require(loaded.diagnostics.first { $0.code == .e008 })
        #expect(duplicate.path == "/id" && duplicate.line == 2 && duplicate.column == 2)
        #expect(loaded.typed?.id == "a")
    }

    @Test func jsonLinesGivesOneCasePerLineWithRealLineNumbers() throws {
        let cases = load("{\"version\": 1, \"id\": \"L1\"}\n\n{\"version\": 1, \"id\": \"L3\", \"created\": \"2025-13-01\"}\n{bad\n",
                         format: .jsonLines)
        #expect(cases.count == 3)
        #expect(cases[0].typed?.id == "L1" && cases[0].line == 1)
        let badDate = try #require(cases[1].diagnostics.first)
        #expect(badDate.code == .e021 && badDate.line == 3 && badDate.path == "/created")
        #expect(cases[2].line == 4 && cases[2].diagnostics.first?.code == .e004 && cases[2].diagnostics.first?.line == 4)
    }
}
