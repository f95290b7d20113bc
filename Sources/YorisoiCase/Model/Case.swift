/// One case file (version 1), typed. Every field is optional (or an empty list when absent):
/// a missing item is the validator's finding, never a decoding failure.
///
/// Built from the raw tree by `CaseBuilder`; values of the wrong type are left out here and
/// reported by `CaseShapeChecker`.
public struct Case: Sendable, Hashable {
    public var version: Int?
    /// サポートプランID; names the output file in batch.
    public var id: String?
    /// 全国地方公共団体コード (6 digits with check digit), as written.
    public var municipality: String?
    public var category: CaseCategory?
    /// 作成日
    public var created: CaseDate?
    public var child: Child?
    public var guardians: [Guardian] = []
    /// Other household members.
    public var family: [FamilyMember] = []
    public var plan: Plan?
    public var consent: Consent?
    public var staff: Staff?
    public var assessment: Assessment?
    public var recommendation: Recommendation?
    public var measure: Measure?
    public var selfPlan: SelfPlan?
    public var providerBrief: ProviderBrief?
    public var feeReduction: FeeReduction?
    public var explanation: Explanation?

    /// A family copy's translations of free text (docs/family-copy.md).
    public var translations: [FieldTranslation] = []
    /// Readings for words of the case, set as ruby where a document has ruby (docs/ruby.md).
    public var furigana: [Furigana] = []

    public init() {}
}

/// A word of the case and how it is read (a place, a school, a word MeCab does not know), for
/// ruby. Names need none: their kana fields give them.
public struct Furigana: Sendable, Hashable {
    public var word: String?
    /// In hiragana or katakana.
    public var reading: String?

    public init() {}
}

/// One field's text in another language, written by staff or an interpreter, printed under the
/// Japanese on a family copy in that language.
public struct FieldTranslation: Sendable, Hashable {
    /// The family-copy language (`en`, `pt`, `vi`, `zh-Hans`).
    public var language: String?
    /// The JSON pointer of the field translated (`/plan/intent/guardian`).
    public var field: String?
    public var text: String?

    public init() {}
}

/// 要保護児童 | 要支援児童 | 特定妊婦 | その他.
public enum CaseCategory: String, Sendable, Hashable, CaseIterable {
    case protectedChild = "要保護児童"
    case supportedChild = "要支援児童"
    case specificExpectantMother = "特定妊婦"
    case other = "その他"
}

public struct Child: Sendable, Hashable {
    public var name: String?
    public var kana: String?
    public var birthdate: CaseDate?
    /// 学年
    public var grade: String?
    /// 所属 (園・学校)
    public var affiliation: String?
    /// こどもの状況
    public var situation: String?
    /// その他
    public var other: String?

    public init() {}
}

public struct Guardian: Sendable, Hashable {
    public var name: String?
    public var kana: String?
    /// 続柄
    public var relation: String?
    public var address: String?
    public var phone: String?

    public init() {}
}

public struct FamilyMember: Sendable, Hashable {
    public var name: String?
    public var kana: String?
    public var relation: String?
    public var birthdate: CaseDate?

    public init() {}
}

/// 関係機関との情報共有についての同意.
public struct Consent: Sendable, Hashable {
    public var agreed: Bool?
    public var date: CaseDate?
    public var signer: String?

    public init() {}
}

public struct Staff: Sendable, Hashable {
    /// 母子保健機能の担当者
    public var maternalHealth: StaffMember?
    /// 児童福祉機能の担当者
    public var childWelfare: StaffMember?

    public init() {}
}

public struct StaffMember: Sendable, Hashable {
    public var name: String?
    public var phone: String?
    /// 担当部署
    public var section: String?

    public init() {}
}
