/// The サポートプラン proper: ①意向, ②課題, ③支援の種類及び内容 and the recommended items around them.
public struct Plan: Sendable, Hashable {
    /// 気になること / 心配していること
    public var worries: Voices?
    /// 希望すること / みんなの希望
    public var wishes: Voices?
    /// ① 意向
    public var intent: Voices?
    /// ② 解決すべき課題
    public var issues: [Issue] = []
    /// ③ 支援の種類及び内容
    public var supports: [Support] = []
    /// 子ども／ご家族／支援者がすること (今／将来)
    public var actions: Actions?
    public var goals: Goals?
    /// Ticks in the municipality's service catalogue.
    public var selectedServices: [String] = []
    public var checklist: PlanChecklist?
    /// 満足度 0–100
    public var satisfaction: Int?
    /// 見直し時期 (often a year-month)
    public var review: CaseDate?
    public var nextContact: NextContact?

    public init() {}
}

/// What the child, the guardian and (for wishes) everyone together say.
public struct Voices: Sendable, Hashable {
    public var child: String?
    public var guardian: String?
    /// みんなの希望 (wishes only)
    public var shared: String?

    public init() {}
}

public struct Issue: Sendable, Hashable {
    public var text: String?
    /// 解決策
    public var solution: String?

    public init() {}
}

public struct Support: Sendable, Hashable {
    /// 支援の種類 (a service name)
    public var service: String?
    /// 支援の内容
    public var content: String?
    /// 頻度
    public var frequency: String?
    public var provider: String?
    /// 担当者
    public var staff: String?
    /// 役割
    public var role: String?
    /// モニタリング時期
    public var monitoring: CaseDate?
    /// 達成状況
    public var status: String?

    public init() {}
}

public struct Actions: Sendable, Hashable {
    public var child: NowAndFuture?
    /// ご家族 (保護者) がすること
    public var family: NowAndFuture?
    /// 支援者ができること
    public var supporters: NowAndFuture?

    public init() {}
}

public struct NowAndFuture: Sendable, Hashable {
    public var now: String?
    public var future: String?

    public init() {}
}

public struct Goals: Sendable, Hashable {
    public var short: Goal?
    public var long: Goal?

    public init() {}
}

/// A goal: its text and, where the form has one, a period. The case file may give just the text.
public struct Goal: Sendable, Hashable {
    public var text: String?
    public var from: CaseDate?
    public var to: CaseDate?

    public init() {}
}

/// 気になることリスト ticks.
public struct PlanChecklist: Sendable, Hashable {
    /// 気になることリスト.
    public var guardian: [String] = []
    public var child: [String] = []
    /// 守谷市: 希望すること (保護者, こども) and 一緒に解決を目指していくこと.
    public var guardianWishes: [String] = []
    public var childWishes: [String] = []
    public var solutions: [String] = []

    public init() {}
}

public struct NextContact: Sendable, Hashable {
    /// 電話 | 面談 | 訪問 | その他
    public var mode: String?
    public var date: CaseDate?

    public init() {}
}
