/// A day on the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// Notices talk about days (発信日, 生年月日, 納期限), not instants. Keeping dates as plain
/// year/month/day values means no time zone can shift 1月17日 to 1月16日, and no `Foundation.Calendar`
/// (whose Japanese calendar is wrong on Linux around era boundaries, see docs/domain/anchors-and-typesetting.md §6.3) is involved.
/// Case files store dates as ISO 8601 strings; 和暦 is rendered only at the edge by `JapaneseDateFormatter`.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Four-digit years only, so that `iso` round-trips through `init(iso:)`.
    public static let supportedYears: ClosedRange<Int> = 1...9999

    /// Fails for dates that do not exist, such as 2025-02-29, month 13 or day 0.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.supportedYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.numberOfDays(year: year, month: month)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO 8601 calendar date form `YYYY-MM-DD` ("2025-01-17") and nothing else:
    /// no time, no week dates, no full-width digits, because case files are machine-written.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Self.parseASCIIDigits(bytes[0..<4]),
              let month = Self.parseASCIIDigits(bytes[5..<7]),
              let day = Self.parseASCIIDigits(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date `days` days after 1970-01-01 (before it, if negative); the inverse of `daysSince1970`.
    /// Fails outside `supportedYears`.
    public init?(daysSince1970 days: Int) {
        // Howard Hinnant's civil_from_days, with March as the first month so leap days fall last.
        let shifted = days + 719_468
        let cycle = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfCycle = shifted - cycle * 146_097
        let yearOfCycle = (dayOfCycle - dayOfCycle / 1_460 + dayOfCycle / 36_524 - dayOfCycle / 146_096) / 365
        let dayOfYear = dayOfCycle - (365 * yearOfCycle + yearOfCycle / 4 - yearOfCycle / 100)
        let marchBasedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchBasedMonth + 2) / 5 + 1
        let month = marchBasedMonth < 10 ? marchBasedMonth + 3 : marchBasedMonth - 9
        let year = yearOfCycle + cycle * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`, the form case files store.
    public var iso: String {
        Self.zeroPadded(year, width: 4) + "-" + Self.zeroPadded(month, width: 2) + "-" + Self.zeroPadded(day, width: 2)
    }

    public var description: String { iso }

    public var yearMonth: YearMonth {
        // Both components come from a valid date, so this cannot fail.
        YearMonth(year: year, month: month)!
    }

    /// Days since 1970-01-01 (negative before it); the basis for day arithmetic and 曜日.
    public var daysSince1970: Int {
        // Howard Hinnant's days_from_civil; years are >= 1 here, so no negative-era branch is needed.
        let marchBasedYear = month <= 2 ? year - 1 : year
        let cycle = marchBasedYear / 400
        let yearOfCycle = marchBasedYear - cycle * 400
        let marchBasedMonth = (month + 9) % 12
        let dayOfYear = (153 * marchBasedMonth + 2) / 5 + day - 1
        let dayOfCycle = yearOfCycle * 365 + yearOfCycle / 4 - yearOfCycle / 100 + dayOfYear
        return cycle * 146_097 + dayOfCycle - 719_468
    }

    /// The date `days` later (earlier if negative); nil if that leaves `supportedYears`.
    public func adding(days: Int) -> CivilDate? {
        CivilDate(daysSince1970: daysSince1970 + days)
    }

    /// Whole days from `other` to `self` (positive when `self` is later).
    public func days(since other: CivilDate) -> Int {
        daysSince1970 - other.daysSince1970
    }

    /// 曜日. 1970-01-01 was a Thursday.
    public var weekday: Weekday {
        let index = ((daysSince1970 + 4) % 7 + 7) % 7
        return Weekday(rawValue: index)!
    }

    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Gregorian rule: every fourth year, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Length of a month; `month` must be 1...12 (callers validate first).
    static func numberOfDays(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Fixed-width ASCII decimal field of an ISO string; nil if any byte is not 0–9.
    static func parseASCIIDigits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Stored as the ISO string, so YAML/JSON case files read naturally ("birthDate: 2019-05-01").
extension CivilDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected an existing date as YYYY-MM-DD, got \"\(text)\"")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
