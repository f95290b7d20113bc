import Foundation
import Testing
import YorisoiCase

/// Case CSVs as Excel writes them: UTF-8 with and without BOM, Shift_JIS (CP932) with the
/// NEC/IBM extensions, quoted cells with line breaks, Japanese headings through a mapping.
@Suite struct CSVLoadingTests {
    static let header = "id,municipality,created,child.name,plan.satisfaction,consent.agreed,plan.issues.0.text,plan.issues.1.text,plan.supports.0.frequency"

    func load(_ bytes: [UInt8], mapping: CSVColumnMapping? = nil) -> (cases: [LoadedCase], encoding: CSVTextDecoder.Encoding?) {
        var reader = CSVCaseReader(bytes: bytes, displayName: "cases.csv", mapping: mapping)
        let encoding = reader.encoding
        return (reader.loadAll(), encoding)
    }

    func codes(_ loaded: LoadedCase) -> [String] { loaded.diagnostics.map(\.code.rawValue) }

    @Test func utf8RowsBecomeTypedCasesWithCellPositions() throws {
        let text = Self.header + "\r\nR6-0001,122297,2025/1/17,例野 ひなた,50,TRUE,朝の支度,,週1回\r\n\r\nR6-0002,122297,2025-02-01,見本 そら,,,,夜の支度,\r\n"
        let (cases, encoding) = load(Array(text.utf8))
        #expect(encoding == .utf8)
        #expect(cases.count == 2)   // the blank line is not a case
        let first = cases[0]
        #expect(first.line == 2)
        #expect(first.typed?.id == "R6-0001")
        #expect(first.root?.resolve(pointer: "/created")?.value == .string("2025-01-17"))   // Excel's date spelling
        #expect(first.root?.resolve(pointer: "/plan/satisfaction")?.value == .integer(50))
        #expect(first.root?.resolve(pointer: "/consent/agreed")?.value == .bool(true))
        #expect(first.root?.resolve(pointer: "/child/name")?.position == SourcePosition(line: 2, column: 4))
        #expect(first.root?.resolve(pointer: "/plan/issues/1") == nil)   // empty cells are left out
        #expect(!first.diagnostics.hasErrors, "\(codes(first))")
        // 課題1 empty, 課題2 written: one issue, closed up to index 0.
        let second = cases[1]
        #expect(second.line == 4)
        #expect(second.root?.resolve(pointer: "/plan/issues/0/text")?.value == .string("夜の支度"))
        #expect(second.root?.resolve(pointer: "/plan/satisfaction") == nil)
    }

    @Test func byteOrderMarkIsUTF8() {
        let (cases, encoding) = load([0xEF, 0xBB, 0xBF] + Array((Self.header + "\nR6-0001,122297,,髙橋 ①,,,,,\n").utf8))
        #expect(encoding == .utf8BOM)
        #expect(cases.first?.typed?.id == "R6-0001")   // the BOM is not part of the first heading
        #expect(cases.first?.root?.resolve(pointer: "/child/name")?.value == .string("髙橋 ①"))
    }

    @Test func shiftJISFromExcelWithNECAndIBMExtensions() {
        // Bytes as Excel (CP932) writes them: 髙 twice (NEC-selected 0xEEE0, IBM 0xFBFC), 﨑 (IBM
        // 0xFAB1), ① (NEC row 13, 0x8740), ～ (0x8160, U+FF5E in CP932, not U+301C).
        let name: [UInt8] = [0xEE, 0xE0, 0xFB, 0xFC, 0xFA, 0xB1, 0x20, 0x87, 0x40]
        let frequency: [UInt8] = Array("2".utf8) + [0x81, 0x60] + Array("3".utf8)
        let bytes = Array((Self.header + "\r\nR6-0009,122297,2025-01-17,").utf8) + name + Array(",,,,,".utf8) + frequency + [0x0D, 0x0A]
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let (cases, encoding) = load(bytes)
        #expect(encoding == .cp932)
        #expect(cases.count == 1)
        #expect(cases[0].root?.resolve(pointer: "/child/name")?.value == .string("髙髙﨑 ①"))
        #expect(cases[0].root?.resolve(pointer: "/plan/supports/0/frequency")?.value == .string("2\u{FF5E}3"))
    }

    @Test func bytesThatAreNeitherUTF8NorCP932AreRefused() {
        let (cases, _) = load(Array((Self.header + "\n").utf8) + [0x82, 0xFF, 0xFF, 0x0A])
        #expect(cases.count == 1)
        #expect(codes(cases[0]) == ["E027"])
    }

    @Test func quotedCellsHoldLineBreaksCommasAndQuotes() {
        let text = Self.header + "\n" + "R6-0001,122297,2025-01-17,例野 ひなた,,,\"一行目\r\n二行目、「引用」, \"\"二重\"\"\",,\n"
            + "R6-0002,122297,2025-01-17,見本 そら,,,次,,\n"
        let (cases, _) = load(Array(text.utf8))
        #expect(cases.count == 2)
        #expect(cases[0].root?.resolve(pointer: "/plan/issues/0/text")?.value == .string("一行目\n二行目、「引用」, \"二重\""))
        #expect(cases[1].line == 4)   // the quoted line break moved the next row down a line
        #expect(cases[1].root?.resolve(pointer: "/child/name")?.position == SourcePosition(line: 4, column: 4))
    }

    @Test func mappingTurnsJapaneseHeadingsIntoPathsAndLeavesOutColumns() throws {
        let mapping = try CSVColumnMapping.parse("""
            ケースID: id
            市区町村コード: municipality
            児童氏名: child.name
            課題1: plan.issues.0.text
            満足度: plan.satisfaction
            備考: ~
            連絡メモ: null
            """, name: "mapping.yaml")
        let text = "ケースID,市区町村コード,児童氏名,課題1,満足度,備考,連絡メモ,plan.review\nR6-0003,122297,例野 ひなた,朝の支度,70,メモ,電話済,2025-04\n"
        let (cases, _) = load(Array(text.utf8), mapping: mapping)
        let loaded = try #require(cases.first)
        #expect(!loaded.diagnostics.hasErrors, "\(codes(loaded))")
        #expect(loaded.typed?.id == "R6-0003")
        #expect(loaded.root?.resolve(pointer: "/plan/satisfaction")?.value == .integer(70))
        #expect(loaded.root?.resolve(pointer: "/plan/review")?.value == .string("2025-04"))   // a path works next to titles
        #expect(loaded.root?["備考"] == nil)
        #expect(loaded.root?["連絡メモ"] == nil)                       // `null` leaves a column out as `~` does
    }

    @Test func mappingToAnUnknownPathIsAConfigurationProblem() {
        #expect(throws: CSVColumnMapping.Problem.self) {
            try CSVColumnMapping.parse("児童氏名: child.nmae\n", name: "mapping.yaml")
        }
    }

    @Test(arguments: [
        ("child.nmae", "known here"), ("plan.issues.text", "entry number"), ("plan", "group"), ("児童氏名", "column 2"),
    ])
    func headingThatNamesNoValueIsAnErrorNamingTheColumn(heading: String, expected: String) throws {
        let text = "id,\(heading)\nR6-0001,x\n"
        let (cases, _) = load(Array(text.utf8))
        let failure = try #require(cases.first)
        #expect(cases.count == 1)   // the whole file is refused, no row is read
        #expect(failure.root == nil)
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.code == .e029)
        #expect(diagnostic.position == SourcePosition(line: 1, column: 2))
        #expect(diagnostic.message.contains("2列目"))
        #expect(diagnostic.messageEN.contains(expected), "\(diagnostic.messageEN)")
        // The heading's text is named by its column only (a heading can be pasted case data).
        for unknown in ["nmae", "児童氏名"] {
            #expect(!diagnostic.message.contains(unknown) && !diagnostic.messageEN.contains(unknown))
        }
    }

    @Test func twoColumnsForOneValueAreRefused() {
        let (cases, _) = load(Array("id,child.name,child.name\nR6-0001,a,b\n".utf8))
        #expect(cases.map(codes) == [["E030"]])
    }

    @Test func unclosedQuoteIsASyntaxErrorAtItsLineAfterTheGoodRows() {
        let text = Self.header + "\nR6-0001,122297,,a,,,,,\nR6-0002,122297,,\"never closed,,,,,\n"
        let (cases, _) = load(Array(text.utf8))
        #expect(cases.count == 2)
        #expect(cases[0].typed?.id == "R6-0001")
        #expect(codes(cases[1]) == ["E028"])
        #expect(cases[1].diagnostics.first?.position == SourcePosition(line: 3, column: 4))
    }

    @Test func cellsOfTheWrongTypeAndCellsWithoutHeadingAreReportedAtTheirCell() {
        let text = Self.header + "\nR6-0001,122297,2025-02-30,a,たくさん,,課題,,,extra\n"
        let (cases, _) = load(Array(text.utf8))
        let diagnostics = cases.first?.diagnostics ?? []
        #expect(diagnostics.contains { $0.code == .e021 && $0.path == "/created" && $0.position == SourcePosition(line: 2, column: 3) })
        #expect(diagnostics.contains { $0.code == .e020 && $0.path == "/plan/satisfaction" && $0.column == 5 })
        #expect(diagnostics.contains { $0.code == .e031 && $0.column == 10 })
        // Messages name fields and columns, never the cell's text.
        #expect(!diagnostics.contains { $0.message.contains("たくさん") || $0.message.contains("extra") })
    }
}
