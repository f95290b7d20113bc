/// The documents a case renders to (`--kind`). Lives in YorisoiCase, the lowest module every stage
/// shares, so templates, validation and the pipeline name kinds the same way.
public enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case supportPlan = "support-plan"
    case supportPlanChild = "support-plan-child"
    case assessment
    case recommendation
    case measure

    /// The Japanese document name, for messages.
    public var japaneseName: String {
        switch self {
        case .supportPlan: "サポートプラン"
        case .supportPlanChild: "サポートプラン（こども版）"
        case .assessment: "アセスメントシート"
        case .recommendation: "家庭支援事業 利用勧奨通知書"
        case .measure: "家庭支援事業 利用措置決定通知書"
        }
    }
}
