/// アセスメントシート: one sheet per agency for the same child (issue 5 merges them).
public struct Assessment: Sendable, Hashable {
    public var sheets: [AssessmentSheet] = []

    public init() {}
}

public struct AssessmentSheet: Sendable, Hashable {
    /// The agency that filled the sheet (保育所, 学校, 保健センター…).
    public var agency: String?
    public var assessor: String?
    public var date: CaseDate?
    public var answers: [AssessmentAnswer] = []
    /// Safety scale 0–10.
    public var safety: Int?
    /// 直近に対応したこと
    public var recent: String?
    public var strengths: String?
    public var concerns: String?

    public init() {}
}

public struct AssessmentAnswer: Sendable, Hashable {
    /// The item's id in the template's check list (e.g. "safety.injury").
    public var item: String?
    /// The item's domain, when the writer wants to group it themselves.
    public var domain: String?
    public var answer: AssessmentResponse?
    public var note: String?

    public init() {}
}

public enum AssessmentResponse: String, Sendable, Hashable, CaseIterable {
    case yes = "はい"
    case no = "いいえ"
    case unknown = "不明"
}
