/// The documents a case renders to (`--kind`). Lives in YorisoiCase, the lowest module every stage
/// shares, so templates, validation and the pipeline name kinds the same way.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case supportPlan = "support-plan"
    case supportPlanChild = "support-plan-child"
    case assessment
    case recommendation
    case measure
    /// セルフプラン: the plan a pregnant woman writes with the 保健師 at the 妊娠届 interview.
    case selfPlan = "self-plan"
    /// 家庭支援事業者への事前共有: what one provider needs before a 措置 starts (consent-gated).
    case providerBrief = "provider-brief"
    /// 減免制度の案内: the fee-reduction guidance that goes with a 利用勧奨.
    case feeReduction = "fee-reduction"
    /// サポートプラン説明用紙: what a サポートプラン is, handed to a family before one is made.
    case explanation

    /// The Japanese document name, for messages.
    public var japaneseName: String {
        switch self {
        case .supportPlan: "サポートプラン"
        case .supportPlanChild: "サポートプラン（こども版）"
        case .assessment: "アセスメントシート"
        case .recommendation: "家庭支援事業 利用勧奨通知書"
        case .measure: "家庭支援事業 利用措置決定通知書"
        case .selfPlan: "セルフプラン"
        case .providerBrief: "家庭支援事業者への事前共有"
        case .feeReduction: "利用料の減免制度のご案内"
        case .explanation: "サポートプランのご説明"
        }
    }
}
