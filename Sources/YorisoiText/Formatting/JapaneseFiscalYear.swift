/// A Japanese government fiscal year (年度), 1 April to 31 March, named by the calendar year it starts in:
/// `startYear` 2025 is 令和7年度, 2025-04-01 … 2026-03-31. 文書番号 such as 「7墨総総第892号」 count by it.
public struct JapaneseFiscalYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Gregorian year of the 1 April on which the fiscal year begins.
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The fiscal year that `date` falls in: 2026-03-31 is in 2025年度, 2026-04-01 in 2026年度.
    public init(containing date: CivilDate) {
        self.startYear = date.month >= 4 ? date.year : date.year - 1
    }

    public func contains(_ date: CivilDate) -> Bool {
        JapaneseFiscalYear(containing: date) == self
    }

    /// The 元号 and year of era used to name this fiscal year in a document dated `namingDate`.
    ///
    /// A fiscal year that straddles an era change has two names: 2019年度 was 平成31年度 in April 2019
    /// and 令和元年度 from May (and in hindsight). The rule: use the era in force on `namingDate` if that
    /// era had begun by the fiscal year's starting calendar year; otherwise (naming an older fiscal year)
    /// use the era in force when it began. So 2019年度 named on 2019-04-10 is 平成31年度, named on
    /// 2020-03-01 令和元年度; 1988年度 named on 1989-02-01 is 昭和63年度, never 平成0年度.
    public func japaneseEraYear(namedOn namingDate: CivilDate) throws(JapaneseEraError) -> JapaneseEraYear {
        guard let firstDay = CivilDate(year: startYear, month: 4, day: 1),
              let eraAtStart = JapaneseEra.containing(firstDay)
        else { throw .fiscalYearBeforeGregorianCalendar(startYear: startYear) }
        var era = JapaneseEra.containing(namingDate) ?? eraAtStart
        if era.firstYear > startYear { era = eraAtStart }
        return JapaneseEraYear(era: era, year: startYear - era.firstYear + 1)
    }

    public var description: String { "\(startYear)年度" }

    public static func < (lhs: JapaneseFiscalYear, rhs: JapaneseFiscalYear) -> Bool {
        lhs.startYear < rhs.startYear
    }
}

/// A year counted in an era: `.reiwa`, 7 for 令和7年(度). Year 1 is written 元年 in prose.
public struct JapaneseEraYear: Sendable, Hashable {
    public let era: JapaneseEra
    /// 1-based; can exceed the era's last calendar year only when naming a future year in advance.
    public let year: Int

    public init(era: JapaneseEra, year: Int) {
        self.era = era
        self.year = year
    }
}
