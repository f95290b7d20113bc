import Foundation
import Testing
import YorisoiCase
@testable import YorisoiTemplates

/// The expression language: parsing, every filter, scopes and loops, errors with positions.
@Suite struct ExpressionTests {
    static let caseYAML = """
    id: R6-0042
    created: "2025-01-17"
    child:
      name: 山田 花子
      birthdate: "2019-05-03"
      affiliation: ひまわり保育園
    guardians:
      - {name: 山田 太郎, relation: 父}
    plan:
      review: "2025-04"
      satisfaction: 50
      selected_services: [こども食堂, ファミリーサポートセンター]
      issues:
        - {text: 朝の支度, solution: 見通しを示す}
        - {text: 通園}
      supports:
        - {service: 養育支援訪問事業, frequency: 月2回}
      next_contact: {mode: 訪問, date: "2025-02-10"}
    consent: {agreed: true}
    """

    let root: CaseNode
    let scope: EvaluationScope
    let at = TemplateLocation(file: "t.xml", line: 7, column: 10)

    init() throws {
        root = try YAMLValueTree.parse(Self.caseYAML, file: "case.yaml")
        scope = EvaluationScope(case: root)
    }

    private func eval(_ source: String, in scope: EvaluationScope? = nil) throws -> String {
        try (scope ?? self.scope).text(ExpressionParser.parse(source, at: at))
    }

    private func parseError(_ source: String) -> TemplateError? {
        do { _ = try ExpressionParser.parse(source, at: at); return nil } catch { return error }
    }

    @Test func pathsAndLiterals() throws {
        #expect(try eval("child.name") == "山田 花子")
        #expect(try eval("guardians[0].relation") == "父")
        #expect(try eval("plan.issues[1].text") == "通園")
        #expect(try eval("plan.issues[5].text") == "")
        #expect(try eval("'一' ") == "一")
        #expect(try eval("\"二\"") == "二")
        #expect(try eval("42") == "42")
        #expect(try eval("nothing.here") == "")
    }

    @Test func pointersFollowThePath() throws {
        let value = try scope.evaluate(ExpressionParser.parse("plan.supports[0].service", at: at))
        #expect(value.pointer == "/plan/supports/0/service")
        #expect(try scope.evaluate(ExpressionParser.parse("child.name | sama", at: at)).pointer == "/child/name")
    }

    @Test func logicAndComparisons() throws {
        #expect(try scope.test(ExpressionParser.parse("consent.agreed and plan.satisfaction >= 50", at: at)))
        #expect(try !scope.test(ExpressionParser.parse("not consent.agreed or plan.satisfaction < 50", at: at)))
        #expect(try scope.test(ExpressionParser.parse("plan.next_contact.mode == '訪問'", at: at)))
        #expect(try scope.test(ExpressionParser.parse("plan.review != '2025-05'", at: at)))
        #expect(try scope.test(ExpressionParser.parse("plan.issues | count > 1", at: at)))
        #expect(try !scope.test(ExpressionParser.parse("plan.missing", at: at)))
        #expect(try eval("plan.missing ?? child.affiliation") == "ひまわり保育園")
        #expect(try eval("child.name ?? 'x'") == "山田 花子")
    }

    @Test func dateFilters() throws {
        #expect(try eval("created | wareki") == "令和7年1月17日")
        #expect(try eval("'2019-05-01' | wareki") == "令和元年5月1日")
        #expect(try eval("'2019-04-30' | wareki") == "平成31年4月30日")
        #expect(try eval("created | wareki_ym") == "令和7年1月")
        #expect(try eval("plan.review | wareki") == "令和7年4月")
        #expect(try eval("plan.review | koro") == "令和7年4月頃")
        #expect(try eval("created | seireki") == "2025年1月17日")
        #expect(try eval("plan.review | seireki_ym") == "2025年4月")
        #expect(try eval("plan.next_contact.date | month_day") == "2月10日")
        #expect(try eval("created | date") == "令和7年1月17日")
        let seireki = EvaluationScope(case: root, dateStyle: .seireki)
        #expect(try eval("created | date", in: seireki) == "2025年1月17日")
        #expect(try eval("created | date_ym", in: seireki) == "2025年1月")
        #expect(try eval("plan.review | koro", in: seireki) == "2025年4月頃")
        #expect(try eval("plan.missing | wareki") == "")
        #expect(try eval("plan.missing | wareki | default('　　年　　月　　日')") == "　　年　　月　　日")
    }

    @Test func ageIsRelativeToTheCaseCreatedDate() throws {
        #expect(try eval("child.birthdate | age") == "5歳8か月")
        #expect(try eval("child.birthdate | age('2025-05-03')") == "6歳0か月")
    }

    @Test func textFilters() throws {
        #expect(try eval("child.name | sama") == "山田 花子様")
        #expect(try eval("plan.missing | sama") == "")
        #expect(try eval("plan.selected_services | join") == "こども食堂、ファミリーサポートセンター")
        #expect(try eval("plan.selected_services | join('・')") == "こども食堂・ファミリーサポートセンター")
        #expect(try eval("plan.missing | default('—')") == "—")
        #expect(try eval("plan.satisfaction | zenkaku") == "５０")
        #expect(try eval("created | wareki | zenkaku") == "令和７年１月１７日")
        #expect(try eval("plan.issues | count") == "2")
        #expect(try eval("plan.missing | count") == "0")
        #expect(try eval("2 | maru") == "②")
        #expect(try eval("plan.next_contact.date | when(plan.next_contact.mode == '訪問')") == "2025-02-10")
        #expect(try eval("plan.next_contact.date | when(plan.next_contact.mode == '電話')") == "")
        #expect(try eval("plan.issues | zip(plan.supports) | count") == "2")
    }

    @Test func loopsBindVariablesAndPad() throws {
        let header = try ExpressionParser.parseLoopHeader("issue in plan.issues", at: at)
        let rows = try scope.iterations(of: header, minimum: 4)
        #expect(rows.count == 4)
        let text = try ExpressionParser.parse("loop.index | maru", at: at)
        #expect(try rows.map { try $0.text(text) } == ["①", "②", "③", "④"])
        let issue = try ExpressionParser.parse("issue.text", at: at)
        #expect(try rows.map { try $0.text(issue) } == ["朝の支度", "通園", "", ""])
        #expect(try rows[1].evaluate(issue).pointer == "/plan/issues/1/text")
        let zipped = try scope.iterations(of: ExpressionParser.parseLoopHeader("r in plan.issues | zip(plan.supports)", at: at))
        #expect(try zipped.map { try $0.text(ExpressionParser.parse("r[1].service", at: at)) } == ["養育支援訪問事業", ""])
    }

    @Test func interpolationAndPageNumbers() throws {
        let i = try InterpolationParser.parse("{{ page }} / {{ pages }}頁", at: at)
        #expect(try scope.forPage(2, of: 3).render(i) == "2 / 3頁")
        #expect(try scope.render(InterpolationParser.parse("氏名 {{ child.name }}", at: at)) == "氏名 山田 花子")
    }

    @Test func profileValuesAreReachable() throws {
        let library = try Fixtures.library()
        let profile = try library.municipality("045012").profile
        let scope = EvaluationScope(case: root, profile: profile)
        #expect(try eval("profile.centre.name", in: scope) == "わくやっ子センター")
        #expect(try eval("profile.contacts[1].name", in: scope) == "健康課健康づくり班")
    }

    @Test func syntaxErrorsCarryPositions() throws {
        #expect(parseError("child.name | nosuch")?.code == .unknownFilter)
        #expect(parseError("child.name | nosuch")?.location == at.advanced(by: 13))
        #expect(parseError("child.name | join(1, 2)")?.code == .expressionSyntax)
        #expect(parseError("'abc")?.location == at)
        #expect(parseError("a ==")?.location == at.advanced(by: 4))
        #expect(parseError("a b")?.location == at.advanced(by: 2))
        #expect(parseError("")?.code == .expressionSyntax)
        #expect(parseError("a[x]")?.code == .expressionSyntax)
        #expect(parseError("a; rm")?.location == at.advanced(by: 1))
        let multiline = try? InterpolationParser.parse("一行目\n  {{ a | bad }}", at: at)
        #expect(multiline == nil)
        do {
            _ = try InterpolationParser.parse("一行目\n  {{ a | bad }}", at: at)
        } catch {
            #expect(error.location == TemplateLocation(file: "t.xml", line: 8, column: 10))
        }
        #expect(throws: TemplateError.self) { try ExpressionParser.parseLoopHeader("in plan.issues", at: at) }
    }

    @Test func evaluationErrorsNameTheFieldNotTheValue() throws {
        let bad = try YAMLValueTree.parse("child: {birthdate: 秘密の値}", file: "c.yaml")
        do {
            _ = try EvaluationScope(case: bad).text(ExpressionParser.parse("child.birthdate | wareki", at: at))
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .expressionEvaluation)
            #expect(error.pointer == "/child/birthdate")
            #expect(error.location == at.advanced(by: 18))
            #expect(!error.description.contains("秘密"))
        }
        #expect(throws: TemplateError.self) {
            try EvaluationScope(case: bad).text(ExpressionParser.parse("'2025-01-01' | age", at: at))
        }
        #expect(throws: TemplateError.self) {
            try EvaluationScope(case: bad).iterations(of: ExpressionParser.parseLoopHeader("x in child.birthdate", at: at))
        }
    }
}
