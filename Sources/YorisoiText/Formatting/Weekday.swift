/// Day of the week, for the 「（金）」 suffix that notices put after dates such as 納期限 or 来庁日.
public enum Weekday: Int, Sendable, Hashable, CaseIterable {
    case sunday = 0, monday, tuesday, wednesday, thursday, friday, saturday

    /// The one-kanji name used in date suffixes: 日 月 火 水 木 金 土.
    public var kanji: String {
        switch self {
        case .sunday: "日"
        case .monday: "月"
        case .tuesday: "火"
        case .wednesday: "水"
        case .thursday: "木"
        case .friday: "金"
        case .saturday: "土"
        }
    }
}
