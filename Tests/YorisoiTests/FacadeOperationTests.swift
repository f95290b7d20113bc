import Foundation
import Testing
import TestSupport
import Yorisoi

/// The operations the server uses instead of reading the stages itself (issue #25): the 年度
/// rule, a notice's facts, one CSV row as a case, the case-id rule and the staff page's forms.
@Suite struct FacadeOperationTests {
    static let root = TestPaths.repositoryRoot

    @Test(arguments: [("2026-03-31", 2025), ("2026-04-01", 2026), ("2025-01-10", 2024), ("2025-12", 2025)])
    func fiscalYearRunsAprilToMarch(date: String, year: Int) throws {
        #expect(FiscalYear.of(try #require(CaseDate(iso: date))) == year)
    }

    @Test func noticeFactsComeFromTheCase() throws {
        let bytes = try [UInt8](Data(contentsOf: Self.root.appendingPathComponent("samples/cases/recommendation-measure.yaml")))
        let loaded = try #require(CaseInput.bytes(bytes, format: .yaml, name: "request").load().first)

        let recommendation = try #require(NoticeFacts(loaded, kind: .recommendation))
        #expect(recommendation.caseID == "MH-0003" && recommendation.municipality == "990019")
        #expect(recommendation.date == CaseDate(iso: "2025-02-01") && recommendation.fiscalYear == 2024)
        #expect(recommendation.typedNumber == NoticeFacts.TypedNumber(number: "見こ家第123号", preLedger: false))
        #expect(recommendation.citation == nil, "a 勧奨 cites nothing")
        #expect(recommendation.childName == "架空 ゆい" && recommendation.childBirthdate == CaseDate(iso: "2024-08-20"))

        let measure = try #require(NoticeFacts(loaded, kind: .measure, municipality: "122297"))
        #expect(measure.municipality == "122297", "the request's municipality wins")
        #expect(measure.typedNumber?.number == "見こ家第456号")
        #expect(measure.citation == .number("見こ家第123号", preLedger: false, date: CaseDate(iso: "2025-02-01")))

        #expect(NoticeFacts(loaded, kind: .supportPlan) == nil, "only notices have notice facts")
    }

    @Test func aMeasureWithoutACitedNumberCitesTheCasesLatestRecommendation() throws {
        let text = "version: 1\nid: M-1\nmunicipality: \"990019\"\nmeasure: {date: 2025-06-23}\n"
        let loaded = try #require(CaseInput.bytes(Array(text.utf8), format: .yaml, name: "request").load().first)
        let facts = try #require(NoticeFacts(loaded, kind: .measure))
        #expect(facts.citation == .latestOfCase)
        #expect(facts.typedNumber == nil)
        let undated = "version: 1\nid: M-1\nmunicipality: \"990019\"\nmeasure: {date: 2025-06}\n"
        let noDay = try #require(CaseInput.bytes(Array(undated.utf8), format: .yaml, name: "request").load().first)
        #expect(NoticeFacts(noDay, kind: .measure) == nil, "a notice is dated to the day")
    }

    @Test func oneCSVRowIsOneCase() throws {
        let csv = "id,municipality,child.name\nC-1,122297,例野 ひなた\nC-2,122297,例野 そら\n"
        let second = try #require(CaseInput.csvRow(Array(csv.utf8), row: 2, name: "request"))
        #expect(second.typed?.id == "C-2")
        #expect(second.source == "request")
        #expect(CaseInput.csvRow(Array(csv.utf8), row: 3, name: "request") == nil)
        #expect(CaseInput.csvRow(Array(csv.utf8), row: 0, name: "request") == nil)
    }

    @Test func theCaseIDRuleIsTheCommandLinesRule() {
        #expect(CaseIDs.isUsable("R6-0003"))
        #expect(!CaseIDs.isUsable("=HYPERLINK()"))
        #expect(CaseIDs.problem("a/b")?.code == .e026)
        #expect(CaseIDs.problem("  ")?.code == .e025)
        #expect(CaseIDs.problem("R6-0003") == nil)
    }
}
