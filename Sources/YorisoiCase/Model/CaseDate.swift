/// A calendar date as a case file writes it: a full date ("2025-01-17") or, where a form asks for
/// 「○年○月頃」, a year and month ("2025-04").
///
/// Deliberately tiny and independent of YorisoiText's `CivilDate`: the case layer only needs to
/// parse, check that a date is real, and compare.
public struct CaseDate: Sendable, Hashable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    /// nil for a year-month.
    public let day: Int?

    /// nil unless the date exists in the proleptic Gregorian calendar (years 1–9999).
    public init?(year: Int, month: Int, day: Int?) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        if let day, !(1...CaseDate.daysIn(month: month, year: year)).contains(day) { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public var isYearMonth: Bool { day == nil }

    /// Parses "YYYY-MM-DD" or "YYYY-MM" (digits only, zero-padded), as YAML and JSON give them.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts[0].count == 4, parts[1].count == 2, parts.count == 2 || parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]) else { return nil }
        let day = parts.count == 3 ? Int(parts[2]) : nil
        if parts.count == 3 && day == nil { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        let ym = Padded.four(year) + "-" + Padded.two(month)
        return day.map { ym + "-" + Padded.two($0) } ?? ym
    }

    /// Compares at the coarser of the two precisions: "2025-04" is neither before nor after
    /// "2025-04-17", so a review month equal to the creation month is accepted.
    public func isBefore(_ other: CaseDate) -> Bool {
        if year != other.year { return year < other.year }
        if month != other.month { return month < other.month }
        guard let day, let otherDay = other.day else { return false }
        return day < otherDay
    }

    public func isAfter(_ other: CaseDate) -> Bool { other.isBefore(self) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private enum Padded {
    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    static func four(_ value: Int) -> String {
        let digits = "\(value)"
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
