import Testing
import YorisoiCase
import YorisoiValidation

/// W303: a 措置 notice states how often and what is provided, not that it will be decided later.
@Suite struct MeasureConcretenessTests {
    static func measure(_ service: String) -> String {
        NoticeRuleTests.recommendation.replacingOccurrences(of: "SERVICE", with: "一時預かり事業") + """

        measure:
          date: 2025-02-10
          difficulty: 利用の申し出が難しい状況にある。
          services: [{service: 一時預かり事業, \(service), from: 2025-02-20, to: 2025-05-31}]
        """
    }

    static func w303(_ service: String) -> [String] {
        Validate.yaml(measure(service), kind: .measure).filter { $0.code == .w303 }.map(\.path)
    }

    @Test(arguments: ["週1回", "月2回まで", "週１回（1回2時間程度）", "毎日", "隔週", "月に二回"])
    func aCountIsConcrete(_ frequency: String) {
        #expect(Self.w303("content: 保育所でお預かりします。, frequency: \(frequency)").isEmpty)
    }

    @Test(arguments: ["ご相談のうえ決めます。", "ご相談の上 決めます", "随時", "必要に応じて", "未定", "調整中（週1回程度）"])
    func aDeferredOrCountlessFrequencyIsWarned(_ frequency: String) {
        #expect(Self.w303("content: 保育所でお預かりします。, frequency: \(frequency)") == ["/measure/services/0/frequency"])
    }

    @Test func aMissingFrequencyIsWarnedBecauseTheNoticeWouldPrintTheDeferral() {
        #expect(Self.w303("content: 保育所でお預かりします。") == ["/measure/services/0/frequency"])
    }

    @Test func contentThatDefersIsWarned() {
        #expect(Self.w303("content: 内容は協議のうえ決定します。, frequency: 週1回") == ["/measure/services/0/content"])
        // 相談 as the service itself (相談支援) is content, not a deferral.
        #expect(Self.w303("content: 保健師による育児の相談。, frequency: 月1回").isEmpty)
    }

    /// A recommendation only proposes; its 頻度 may still be talked over.
    @Test func aRecommendationIsNotHeldToIt() {
        let text = NoticeRuleTests.recommendation.replacingOccurrences(of: "SERVICE", with: "一時預かり事業")
        #expect(!Validate.yaml(text, kind: .recommendation).contains { $0.code == .w303 })
    }

}
