/// Completed years and months of life on a reference date, as printed on 乳幼児 notices: 「5歳8か月」.
///
/// Counting follows 年齢計算ニ関スル法律 with 民法 §143: the birth day counts as the first day, and a
/// year or month is complete at the end of the day before the birth day's counterpart (応当日). So the
/// new age or month starts on the counterpart day itself; when the counterpart does not exist
/// (born the 31st, a 30-day month; born 29 February, a common year) the period ends on that month's
/// last day and the new count starts on the 1st of the next month. Concretely, someone born on
/// 2024-02-29 is 0歳11か月 on 2025-02-28 and 1歳0か月 on 2025-03-01; born 2025-01-31, they are 0歳0か月
/// on 2025-02-28 and 0歳1か月 on 2025-03-01.
public struct JapaneseAge: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Completed years (満年齢).
    public let years: Int
    /// Completed months since the last birthday, 0...11.
    public let months: Int

    /// Fails when `birthDate` is after `referenceDate`: there is no age to print, and a negative one
    /// would be a wrong string on a notice.
    public init?(birthDate: CivilDate, on referenceDate: CivilDate) {
        guard birthDate <= referenceDate else { return nil }
        var totalMonths = (referenceDate.year - birthDate.year) * 12 + (referenceDate.month - birthDate.month)
        // The month completes on the counterpart day, or on the next month's 1st if the reference month
        // is too short to have one; either way, a reference day before the birth day has not reached it.
        if referenceDate.day < birthDate.day { totalMonths -= 1 }
        self.years = totalMonths / 12
        self.months = totalMonths % 12
    }

    /// Age in whole months (years × 12 + months), for 月齢 rules such as 「1歳6か月児健診」.
    public var totalMonths: Int { years * 12 + months }

    /// 「5歳8か月」; 「0歳3か月」 for infants (the year is always written).
    public func formatted(digitWidth: DigitWidth = .ascii) -> String {
        digitWidth.apply(to: "\(years)歳\(months)か月")
    }

    /// 「5歳」.
    public func formattedYears(digitWidth: DigitWidth = .ascii) -> String {
        digitWidth.apply(to: "\(years)歳")
    }

    public var description: String { formatted() }

    public static func < (lhs: JapaneseAge, rhs: JapaneseAge) -> Bool {
        lhs.totalMonths < rhs.totalMonths
    }
}
