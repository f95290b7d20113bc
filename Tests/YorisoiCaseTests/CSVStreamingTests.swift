import Foundation
import Testing
import TestSupport
import YorisoiCase

/// A case CSV file is read a chunk at a time (issue #24): a row longer than the limit is refused
/// at its line (E013) without being held and the rows after it are still read, and reading the
/// file row by row gives exactly the cases that reading the same bytes whole gives. The inputs are
/// built here, not committed.
@Suite struct CSVStreamingTests {
    static let header = "id,municipality,child.name,plan.issues.0.text"

    func write(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = try TestPaths.makeTemporaryDirectory("yorisoi-csv-streaming").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func aRowOverTheLimitIsRefusedAtItsLineAndTheNextRowsAreRead() throws {
        // Quoted, with line breaks inside, so the row spans lines and the quote state is kept while skipping.
        let long = "\"" + String(repeating: "あいうえお\n", count: CSVCaseReader.maxRowBytes / 16 + 1) + "\""
        let text = Self.header + "\nR6-0001,122297,例野 ひなた,朝の支度\nR6-0002,122297,見本 そら," + long + "\nR6-0003,122297,見本 りく,夜の支度\n"
        let url = try write(Array(text.utf8), "long-row.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = CSVCaseReader(contentsOf: url, displayName: "long-row.csv")
        let cases = reader.loadAll()
        #expect(cases.map(\.line) == [2, 3, CSVCaseReader.maxRowBytes / 16 + 5])
        #expect(cases[0].typed?.id == "R6-0001")
        #expect(cases[1].root == nil)
        #expect(cases[1].diagnostics.map(\.code) == [.e013])
        #expect(cases[1].diagnostics.first?.position == SourcePosition(line: 3, column: 1))
        // The refusal names the row, never its text.
        #expect(!(cases[1].diagnostics.first?.message.contains("見本") ?? true))
        #expect(cases[2].typed?.id == "R6-0003")
        #expect(cases[2].root?.resolve(pointer: "/plan/issues/0/text")?.value == .string("夜の支度"))
    }

    @Test func aHeaderOverTheLimitRefusesTheFile() throws {
        let text = Self.header + "," + String(repeating: "x", count: CSVCaseReader.maxRowBytes) + "\nR6-0001,122297,例野 ひなた,朝の支度\n"
        let url = try write(Array(text.utf8), "long-header.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = CSVCaseReader(contentsOf: url, displayName: "long-header.csv")
        let cases = reader.loadAll()
        #expect(cases.count == 1)
        #expect(cases.first?.diagnostics.map(\.code) == [.e013])
    }

    /// Rows long enough that CP932 pairs, CRLFs and quoted line breaks fall across the reader's
    /// 64 KiB chunks: the file read row by row and the bytes read whole give the same cases.
    @Test(arguments: [false, true])
    func aFileReadInChunksGivesTheCasesOfTheWholeBytes(cp932: Bool) throws {
        var text = Self.header + "\r\n"
        for row in 1...400 {
            let name = cp932 ? ["高橋 ひなた", "渡辺 そら"][row % 2] : ["髙橋 ①", "渡辺 ～", "𠮷田"][row % 3]
            let issue = String(repeating: "朝の支度、\"\"週1回\"\"。", count: row % 37 + 1)
            text += "R6-\(row),122297,\(name),\"\(issue)\n\(row)\"\r\n"
        }
        let bytes: [UInt8] = cp932 ? [UInt8](try #require(text.data(using: .shiftJIS))) : [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        #expect(bytes.count > 2 * 65_536)
        let url = try write(bytes, cp932 ? "cp932.csv" : "utf8.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var whole = CSVCaseReader(bytes: bytes, displayName: "cases.csv")
        var streamed = CSVCaseReader(contentsOf: url, displayName: "cases.csv")
        #expect(streamed.encoding == whole.encoding)
        #expect(streamed.encoding == (cp932 ? .cp932 : .utf8BOM))
        let expected = whole.loadAll(), found = streamed.loadAll()
        #expect(found.count == 400)
        #expect(found.map(\.root) == expected.map(\.root))
        #expect(found.map(\.diagnostics) == expected.map(\.diagnostics))
        #expect(found.map(\.line) == expected.map(\.line))
    }

    @Test func aFileOfNeitherEncodingIsRefusedWhole() throws {
        let url = try write(Array((Self.header + "\n").utf8) + [0x80, 0xFF, 0x0A], "binary.csv")
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = CSVCaseReader(contentsOf: url, displayName: "binary.csv")
        let cases = reader.loadAll()
        #expect(cases.count == 1)
        #expect(cases.first?.diagnostics.map(\.code) == [.e027])
    }
}
