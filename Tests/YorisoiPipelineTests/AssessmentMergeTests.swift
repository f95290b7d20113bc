import Testing
import YorisoiBinding
import YorisoiCase
import YorisoiPipeline
import YorisoiTemplates

/// The 事務局's merge of several agencies' アセスメントシート, without files or fonts.
@Suite struct AssessmentMergeTests {
    static let catalogue = AssessmentCatalogue(title: "チェック項目", domains: [
        .init(id: "safety", label: "安全", items: [.init(id: "safety.injury", label: "けが"), .init(id: "safety.meals", label: "食事")]),
        .init(id: "family", label: "家族", items: [.init(id: "family.conflict", label: "けんか")]),
        .init(id: "living", label: "暮らし", items: [.init(id: "living.money", label: "家計")]),
    ])

    static func sheet(_ agency: String, _ answers: [(String, AssessmentResponse?, String?)]) -> AssessmentSheet {
        var sheet = AssessmentSheet()
        sheet.agency = agency
        sheet.answers = answers.map { id, response, note in
            var answer = AssessmentAnswer()
            answer.item = id
            answer.answer = response
            answer.note = note
            return answer
        }
        return sheet
    }

    @Test(arguments: [
        ([AssessmentResponse?.some(.yes), .some(.no)], true),
        ([.some(.no), .some(.unknown), .some(.yes)], true),
        ([.some(.yes), .some(.unknown)], false),
        ([.some(.no), .some(.unknown)], false),
        ([.some(.yes), .some(.yes)], false),
        ([.some(.yes), nil], false),
        ([.some(.unknown)], false),
    ])
    func disagreementIsYesAgainstNo(responses: [AssessmentResponse?], differs: Bool) {
        #expect(AssessmentMerge.disagree(responses) == differs)
    }

    @Test func mergeListsAnsweredItemsInCatalogueOrderWithEveryAgency() {
        let merged = AssessmentMerge(catalogue: Self.catalogue).merge([
            Self.sheet("保育園", [("family.conflict", .no, nil), ("safety.meals", .yes, "朝食なし")]),
            Self.sheet("保健センター", [("safety.meals", .unknown, nil), ("safety.injury", .no, nil)]),
            Self.sheet("児童館", [("family.conflict", .yes, "どなる声"), ("safety.meals", nil, "   ")]),
        ])
        // 暮らし has no answer at all and is left out; domains and items follow the catalogue.
        #expect(merged.map(\.domain.id) == ["safety", "family"])
        #expect(merged[0].items.map(\.item.id) == ["safety.injury", "safety.meals"])
        let meals = merged[0].items[1]
        // A blank note with no answer is not an answer; answers keep sheet order.
        #expect(meals.answers.map(\.agency) == ["保育園", "保健センター"])
        #expect(meals.answers.map(\.note) == ["朝食なし", nil])
        #expect(meals.answers.map(\.sheet) == [0, 1])
        #expect(!meals.differs)
        let conflict = merged[1].items[0]
        #expect(conflict.answers.map(\.response) == [.no, .yes])
        #expect(conflict.differs)
        #expect(!merged[0].items[0].differs)
    }

    @Test func aNoteWithoutAnAnswerCountsAsAnsweredButNeverDiffers() {
        let merged = AssessmentMerge(catalogue: Self.catalogue).merge([
            Self.sheet("保育園", [("living.money", nil, "給食費の滞納")]),
            Self.sheet("学校", [("living.money", .no, nil)]),
        ])
        #expect(merged.map(\.domain.id) == ["living"])
        #expect(merged[0].items[0].answers.count == 2)
        #expect(!merged[0].items[0].differs)
    }

    @Test func itemsOutsideTheCatalogueAreLeftOut() {
        let merged = AssessmentMerge(catalogue: Self.catalogue).merge([Self.sheet("保育園", [("safety.unknown", .yes, nil)])])
        #expect(merged.isEmpty)
    }

    @Test func viewTicksEveryCatalogueItemAndMarksDifferences() throws {
        var assessment = Assessment()
        assessment.sheets = [Self.sheet("保育園", [("family.conflict", .no, nil)]),
                             Self.sheet("児童館", [("family.conflict", .yes, nil)])]
        let root = CaseNode(.object([CaseMember(key: "id", node: CaseNode(.string("T-1")))]))
        let tree = AssessmentView(catalogue: Self.catalogue).extending(root, assessment: assessment)
        #expect(tree["id"] == root["id"])
        let view = try #require(tree[AssessmentView.key])
        // Every sheet lists all four catalogue items, the answer as three booleans.
        let conflict = try #require(view.resolve(pointer: "/sheets/0/domains/1/items/0"))
        #expect(conflict["id"]?.value == .string("family.conflict"))
        #expect(conflict["no"]?.value == .bool(true))
        #expect(conflict["yes"]?.value == .bool(false))
        #expect(view.resolve(pointer: "/sheets/1/domains/2/items/0/answer")?.value == .null)
        let merged = try #require(view.resolve(pointer: "/merged/domains/0/items/0"))
        #expect(merged["mark"]?.value == .string(AssessmentView.differenceMark))
        #expect(view.resolve(pointer: "/merged/differing")?.value == .integer(1))
        #expect(view.resolve(pointer: "/merged/agencies/1/agency") != nil)
    }
}
