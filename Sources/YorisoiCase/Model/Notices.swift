/// 家庭支援事業 利用勧奨 (recommendation to use a service).
public struct Recommendation: Sendable, Hashable {
    public var date: CaseDate?
    /// 文書番号
    public var number: String?
    /// `number` was taken from a paper 発番簿 before the server's ledger (台帳外): the server
    /// accepts it only with this mark, and never when it lies in the ledger's own sequence.
    public var preLedger: Bool = false
    /// Index into `Case.guardians`.
    public var addressee: Int?
    public var services: [NoticeService] = []
    public var reason: String?

    public init() {}
}

/// 家庭支援事業 利用措置 (a measure, after a recommendation that could not be taken up).
public struct Measure: Sendable, Hashable {
    public var date: CaseDate?
    public var number: String?
    /// See `Recommendation.preLedger`.
    public var preLedger: Bool = false
    /// Why use was 著しく困難.
    public var difficulty: String?
    public var services: [NoticeService] = []

    public init() {}
}

/// A service named in a notice.
public struct NoticeService: Sendable, Hashable {
    public var service: String?
    public var content: String?
    public var provider: String?
    /// Free-text period ("令和7年3月から6か月程度") for a recommendation.
    public var period: String?
    public var frequency: String?
    /// Start and end of a measure's period.
    public var from: CaseDate?
    public var to: CaseDate?

    public init() {}
}
