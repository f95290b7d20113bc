import Foundation
import Testing
import YorisoiCase
@testable import YorisoiTemplates

/// The versioned 教示: which version a 処分's date selects, the filled slots, and the errors that
/// name the file and the field.
@Suite struct AppealInstructionsTests {
    static let twoVersions = """
    versions:
      - id: new
        effective: "2016-04-01"
        laws: [行政不服審査法第82条, 行政事件訴訟法第46条]
        heading: 教示
        paragraphs:
          - "{authority}に対して3か月以内に審査請求ができます。"
          - "{defendant}を被告として（代表する者は{representative}）6か月以内に訴えを起こせます。"
      - id: old
        effective: "2005-04-01"
        laws: [旧法]
        heading: 教示
        paragraphs: ["60日以内に異議申立てができます。"]
    """

    static let appeal = MunicipalityProfile.AppealDetails(authority: "見本市長", defendant: "見本市", representative: "見本市長")

    func date(_ text: String) throws -> CaseDate { try #require(CaseDate(iso: text)) }

    @Test func theVersionInForceOnTheDateIsChosen() throws {
        let book = try AppealInstructionsLoader.parse(Self.twoVersions, file: "x.yaml")
        #expect(book.versions.map(\.id) == ["old", "new"])   // sorted by effective date
        #expect(try book.version(inForceOn: date("2016-03-31")).id == "old")
        #expect(try book.version(inForceOn: date("2016-04-01")).id == "new")   // on the effective day
        #expect(try book.version(inForceOn: date("2025-03-01")).id == "new")
    }

    @Test func aDateBeforeEveryVersionIsAnError() throws {
        let book = try AppealInstructionsLoader.parse(Self.twoVersions, file: "x.yaml")
        let error = try #require(throws: TemplateError.self) { try book.version(inForceOn: date("2005-03-31")) }
        #expect(error.code == .appealInstructionNotInForce)
        #expect(error.location.file == "x.yaml")
        #expect(error.detail.contains("2005-04-01"))
    }

    @Test func slotsAreFilledFromTheProfile() throws {
        let book = try AppealInstructionsLoader.parse(Self.twoVersions, file: "x.yaml")
        let filled = try book.version(inForceOn: date("2025-03-01")).filled(with: Self.appeal)
        #expect(filled.paragraphs == ["見本市長に対して3か月以内に審査請求ができます。",
                                      "見本市を被告として（代表する者は見本市長）6か月以内に訴えを起こせます。"])
        #expect(!filled.paragraphs.joined().contains("{"))
        let tree = filled.valueTree
        #expect(tree["law"]?.scalarText == "行政不服審査法第82条、行政事件訴訟法第46条")
        #expect(tree["effective"]?.scalarText == "2016-04-01")
        #expect(tree["paragraphs"]?[1]?.scalarText == filled.paragraphs[1])
    }

    @Test func errorsNameTheFileAndTheField() throws {
        func error(_ yaml: String) -> TemplateError? {
            do { _ = try AppealInstructionsLoader.parse(yaml, file: "x.yaml"); return nil } catch { return error }
        }
        let unknownSlot = try #require(error(Self.twoVersions.replacingOccurrences(of: "{representative}", with: "{mayor}")))
        #expect(unknownSlot.code == .appealInstructions)
        #expect(unknownSlot.pointer == "/versions/0/paragraphs/1")
        #expect(unknownSlot.location.file == "x.yaml")
        #expect(unknownSlot.location.line == 8)
        #expect(error(Self.twoVersions.replacingOccurrences(of: "\"2005-04-01\"", with: "\"2005-04\""))?.pointer
                == "/versions/1/effective")
        #expect(error(Self.twoVersions.replacingOccurrences(of: "\"2005-04-01\"", with: "\"2016-04-01\""))?.pointer
                == "/versions/1/effective")
        #expect(error(Self.twoVersions.replacingOccurrences(of: "laws: [旧法]", with: "laws: []"))?.pointer
                == "/versions/1/laws")
        #expect(error("versions: []")?.pointer == "/versions")
        #expect(error("versions: [unclosed")?.code == .appealInstructions)
    }

    @Test func theShippedFileLoadsAndNamesTheLaws() throws {
        let book = try #require(try Fixtures.library().appealInstructions)
        let current = try book.version(inForceOn: date("2025-03-01"))
        #expect(current.effective == (try date("2016-04-01")))
        #expect(current.laws.contains { $0.contains("行政不服審査法") && $0.contains("第82条") })
        #expect(current.laws.contains { $0.contains("行政事件訴訟法") && $0.contains("第46条") })
        let text = current.filled(with: Self.appeal).paragraphs.joined()
        for phrase in ["3か月", "6か月", "1年", "見本市を被告", "見本市長", "正当な理由"] {
            #expect(text.contains(phrase), "missing \(phrase)")
        }
        #expect(throws: TemplateError.self) { try book.version(inForceOn: date("2016-03-31")) }
    }

    @Test func onlyTheMeasureGetsTheInstructionAndACaseCannotSupplyOne() throws {
        let library = try Fixtures.library()
        let root = CaseNode(.object([
            CaseMember(key: "measure", node: CaseNode(.object([CaseMember(key: "date", node: CaseNode(.string("2025-03-01")))]))),
            CaseMember(key: "appeal_instruction", node: CaseNode(.string("偽の教示"))),
        ]))
        let measure = try library.template(municipality: "990019", kind: "measure").scope(for: root)
        #expect(try measure.evaluate(ExpressionParser.parse("appeal_instruction.paragraphs | count", at: .file("t"))).text == "3")
        let recommendation = try library.template(municipality: "990019", kind: "recommendation").scope(for: root)
        #expect(try recommendation.evaluate(ExpressionParser.parse("appeal_instruction", at: .file("t"))).isEmpty)
    }
}
