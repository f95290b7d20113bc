/// The 元号 table for the modern era system (一世一元), held here rather than taken from ICU or
/// `Foundation.Calendar(identifier: .japanese)`: those write 「令和1年」 for numeric patterns, and an
/// off-by-one at an era boundary is a known bug class (docs/domain/anchors-and-typesetting.md §6.3). A new era is one new case.
///
/// Each era starts on the first day it was in force, as a Gregorian date:
/// 大正 1912-07-30, 昭和 1926-12-25, 平成 1989-01-08, 令和 2019-05-01.
///
/// 明治 is special. Its 改元の詔 is dated 明治元年9月8日 (旧暦) = 1868-10-23, and it was made retroactive
/// to 慶応4年1月1日 (旧暦) = 1868-01-25. Both dates are on the lunisolar calendar Japan used until
/// 明治5年12月2日; the next day was 明治6年1月1日 = 1873-01-01 (改暦). Before that day a Gregorian
/// month and day such as 1870-03-05 is not the 和暦 month and day ("明治3年3月5日" would be a wrong
/// string), so this table starts 明治 at 1873-01-01, the first day on which 和暦 and Gregorian agree,
/// as JIS X 0301 does. Year numbering is unaffected: 明治N年 is Gregorian year 1867 + N.
/// Earlier dates are rejected with `JapaneseEraError.beforeGregorianCalendar`.
public enum JapaneseEra: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    // Raw values follow chronological order (the 1–5 era codes many administrative systems use).
    case meiji = 1, taisho, showa, heisei, reiwa

    /// The first day for which this table converts dates: 明治6年1月1日, when Japan adopted the
    /// Gregorian calendar.
    public static let earliestSupportedDate = CivilDate(year: 1873, month: 1, day: 1)!

    /// The era's name: 明治 大正 昭和 平成 令和.
    public var name: String {
        switch self {
        case .meiji: "明治"
        case .taisho: "大正"
        case .showa: "昭和"
        case .heisei: "平成"
        case .reiwa: "令和"
        }
    }

    /// JIS X 0301 Latin letter used in abbreviated dates such as 「R7.1.17」: M T S H R.
    public var letter: String {
        switch self {
        case .meiji: "M"
        case .taisho: "T"
        case .showa: "S"
        case .heisei: "H"
        case .reiwa: "R"
        }
    }

    /// One-kanji abbreviation for forms such as 「令7.1.17」: 明 大 昭 平 令.
    public var abbreviation: String {
        switch self {
        case .meiji: "明"
        case .taisho: "大"
        case .showa: "昭"
        case .heisei: "平"
        case .reiwa: "令"
        }
    }

    /// First day this table attributes to the era (see the type's note on 明治).
    public var firstDay: CivilDate {
        switch self {
        case .meiji: Self.earliestSupportedDate
        case .taisho: CivilDate(year: 1912, month: 7, day: 30)!
        case .showa: CivilDate(year: 1926, month: 12, day: 25)!
        case .heisei: CivilDate(year: 1989, month: 1, day: 8)!
        case .reiwa: CivilDate(year: 2019, month: 5, day: 1)!
        }
    }

    /// The Gregorian year that is the era's 元年. For 明治 this is 1868, not the year of `firstDay`.
    public var firstYear: Int {
        self == .meiji ? 1868 : firstDay.year
    }

    public var description: String { name }

    /// The era in force on `date`; nil before `earliestSupportedDate`.
    public static func containing(_ date: CivilDate) -> JapaneseEra? {
        allCases.last { $0.firstDay <= date }
    }

    public static func < (lhs: JapaneseEra, rhs: JapaneseEra) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// Why a date could not be written in 和暦. Thrown instead of returning a plausible but wrong string.
public enum JapaneseEraError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The date precedes 1873-01-01, when 和暦 months and days were still lunisolar.
    case beforeGregorianCalendar(CivilDate)
    /// The fiscal year starting 1 April of `startYear` began before 1873-01-01.
    case fiscalYearBeforeGregorianCalendar(startYear: Int)

    public var description: String {
        switch self {
        case .beforeGregorianCalendar(let date):
            "\(date.iso) cannot be written in 和暦: dates before 1873-01-01 (明治6年1月1日) used the lunisolar calendar"
        case .fiscalYearBeforeGregorianCalendar(let startYear):
            "\(startYear)年度 cannot be written in 和暦: it began before 1873-01-01 (明治6年1月1日)"
        }
    }
}
