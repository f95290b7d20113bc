import Foundation
import Testing
import YorisoiCase
@testable import YorisoiTemplates

/// The draft rule: a notice without its own 文書番号 is a draft and prints the blank 「第　　号」
/// after the profile's prefix; with one it prints the number as the case has it.
@Suite struct NoticeNumberTests {
    /// A case whose `kind` section holds `number` (left out when nil), dated for the 教示.
    func root(_ kind: String, number: CaseValue?, extra: [CaseMember] = []) -> CaseNode {
        var members = [CaseMember(key: "date", node: CaseNode(.string("2025-03-01")))]
        if let number { members.append(CaseMember(key: "number", node: CaseNode(number))) }
        return CaseNode(.object([CaseMember(key: kind, node: CaseNode(.object(members)))] + extra))
    }

    func printedNumber(_ kind: String, _ root: CaseNode) throws -> BoundValue {
        let scope = try Fixtures.library().template(municipality: "990019", kind: kind).scope(for: root)
        return try scope.evaluate(ExpressionParser.parse(NoticeNumber.variableName, at: .file("t")))
    }

    @Test(arguments: ["recommendation", "measure"])
    func aNoticeWithoutANumberIsADraftWithABlankNumberLine(kind: String) throws {
        for number in [nil, CaseValue.string(""), .string(" \u{3000}"), .null] as [CaseValue?] {
            let root = root(kind, number: number)
            #expect(try #require(NoticeNumber(kind: kind, case: root)).isDraft, "\(String(describing: number))")
            let printed = try printedNumber(kind, root)
            // 見本市's prefix, then 第, two 全角 spaces, 号: the place the number is written in by hand.
            #expect(printed.text == "見こ家第\u{3000}\u{3000}号")
            #expect(printed.pointer == "/\(kind)/number")
        }
    }

    @Test(arguments: ["recommendation", "measure"])
    func aNumberedNoticeIsNoDraftAndPrintsItsNumberAsWritten(kind: String) throws {
        let root = root(kind, number: .string("見こ家第7号"))
        #expect(try #require(NoticeNumber(kind: kind, case: root)).isDraft == false)
        #expect(try printedNumber(kind, root).text == "見こ家第7号")
    }

    /// Only the notice's own number counts: a measure that cites a numbered recommendation is still
    /// a draft until it has a number of its own.
    @Test func aMeasureIsJudgedByItsOwnNumber() throws {
        let cited = CaseMember(key: "recommendation", node: CaseNode(.object([
            CaseMember(key: "number", node: CaseNode(.string("見こ家第1号")))])))
        let root = root("measure", number: nil, extra: [cited])
        #expect(try #require(NoticeNumber(kind: "measure", case: root)).isDraft)
        #expect(try #require(NoticeNumber(kind: "recommendation", case: root)).isDraft == false)
    }

    @Test func otherKindsHaveNoNoticeNumberAndACaseCannotSupplyOne() throws {
        let root = root("recommendation", number: nil,
                        extra: [CaseMember(key: NoticeNumber.variableName, node: CaseNode(.string("偽の番号")))])
        #expect(NoticeNumber(kind: "support-plan", case: root) == nil)
        #expect(NoticeNumber(kind: "assessment", case: root) == nil)
        #expect(try printedNumber("recommendation", root).text == "見こ家第\u{3000}\u{3000}号")
        let plan = try Fixtures.library().template(municipality: "990019", kind: "support-plan").scope(for: root)
        #expect(try plan.evaluate(ExpressionParser.parse(NoticeNumber.variableName, at: .file("t"))).isEmpty)
    }
}
