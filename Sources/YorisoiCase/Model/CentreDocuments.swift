/// The sections of the centre's other papers (issue #28): each document kind reads its own
/// section beside the shared child, guardians and staff.

/// セルフプラン: the one-page plan a pregnant woman writes with the 保健師 at the 妊娠届
/// interview. She is `guardians[0]`; the child is not born yet.
public struct SelfPlan: Sendable, Hashable {
    /// 作成日 (the interview).
    public var date: CaseDate?
    /// 出産予定日
    public var dueDate: CaseDate?
    /// 出産予定の医療機関
    public var hospital: String?
    /// 出産までに準備したいこと
    public var preparations: [Preparation] = []
    /// 心配なこと・気になること
    public var worries: String?
    /// 利用したいサービス (母子保健・子育て支援)
    public var services: [ServiceUse] = []
    /// 手伝ってくれる人・相談できる人
    public var supporters: String?

    public init() {}

    /// One thing to prepare (a row, so the staff page edits it like any other list).
    public struct Preparation: Sendable, Hashable {
        public var text: String?
        public init() {}
    }

    /// One service she means to use.
    public struct ServiceUse: Sendable, Hashable {
        public var service: String?
        public init() {}
    }
}

/// 家庭支援事業者への事前共有: the sheet one provider receives before a 措置 starts.
public struct ProviderBrief: Sendable, Hashable {
    /// The provider (a business), as `measure.services[].provider` names it.
    public var provider: String?
    /// 作成日
    public var date: CaseDate?
    /// The family's consent to this sharing, recorded for this sheet.
    public var consent: BriefConsent?
    /// What the provider should know of the family's situation, written for the provider.
    public var situation: String?
    /// 支援にあたって配慮してほしいこと
    public var notes: String?

    public init() {}
}

public struct BriefConsent: Sendable, Hashable {
    public var agreed: Bool?
    public var date: CaseDate?

    public init() {}
}

/// 減免制度の案内: the fee-reduction guidance sent with a 利用勧奨. The bands and amounts are
/// the municipality profile's; the case names only the date and, when known, the family's band.
public struct FeeReduction: Sendable, Hashable {
    public var date: CaseDate?
    /// One of the profile's `fee_reduction.bands[].name`.
    public var band: String?

    public init() {}
}

/// サポートプラン説明用紙: the same text for every family of a town; the case gives the date
/// it is handed over (and the guardian and staff the sheet names).
public struct Explanation: Sendable, Hashable {
    public var date: CaseDate?

    public init() {}
}
