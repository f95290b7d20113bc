/// Spells dates the way Japanese municipal documents write them. Pure string assembly over
/// `JapaneseEraDate`; it never consults ICU or `Foundation.Calendar`.
///
/// - 和暦: 「令和7年1月17日」, 「令和元年5月1日」 (year 1 is always 元年 in these forms, never 「令和1年」),
///   「令和7年4月」, 「令和7年4月頃」, fiscal year 「令和7年度」.
/// - Abbreviated (墨田区 style, JIS X 0301 letters, no zero padding): 「R7.1.17」 or 「令7.1.17」; here year 1
///   stays numeric (「R1.5.1」) because the form is numeric throughout.
/// - 西暦: 「2025年1月17日」, 「2025年4月」, 「2025年度」.
///
/// Options apply to every form: `digitWidth` converts the digits only, and `showsWeekday` appends
/// 「（金）」 (全角 parentheses) to forms that name a day.
public struct JapaneseDateFormatter: Sendable, Hashable {
    /// How an abbreviated date marks its era.
    public enum EraMarker: Sendable, Hashable, CaseIterable {
        /// JIS X 0301 letter: 「R7.1.17」.
        case letter
        /// One kanji: 「令7.1.17」.
        case kanji
    }

    public var digitWidth: DigitWidth
    public var showsWeekday: Bool

    public init(digitWidth: DigitWidth = .ascii, showsWeekday: Bool = false) {
        self.digitWidth = digitWidth
        self.showsWeekday = showsWeekday
    }

    // MARK: 和暦

    /// 「令和7年1月17日」; 「令和元年5月1日」 in an era's first year.
    public func japaneseEra(_ date: CivilDate) throws(JapaneseEraError) -> String {
        let resolved = try JapaneseEraDate(date)
        let text = resolved.era.name + Self.eraYearText(resolved.year) + "年\(resolved.month)月\(resolved.day)日"
        return finish(text, weekdayOf: date)
    }

    /// 「令和7年4月」, or 「令和7年4月頃」 when `approximate`.
    ///
    /// A month in which the era changed (1912-07, 1926-12, 1989-01) is named by the era in force at
    /// its end, the name the month kept: 1989-01 → 「平成元年1月」, not 「昭和64年1月」. Pass a full
    /// `CivilDate` when the day is known.
    public func japaneseEra(_ month: YearMonth, approximate: Bool = false) throws(JapaneseEraError) -> String {
        let resolved = try JapaneseEraDate(month.lastDay)
        let text = resolved.era.name + Self.eraYearText(resolved.year) + "年\(month.month)月"
        return finish(text + (approximate ? "頃" : ""), weekdayOf: nil)
    }

    /// 「R7.1.17」 (or 「令7.1.17」 with `.kanji`).
    public func abbreviatedJapaneseEra(_ date: CivilDate, marker: EraMarker = .letter) throws(JapaneseEraError) -> String {
        let resolved = try JapaneseEraDate(date)
        let prefix = switch marker {
        case .letter: resolved.era.letter
        case .kanji: resolved.era.abbreviation
        }
        return finish(prefix + "\(resolved.year).\(resolved.month).\(resolved.day)", weekdayOf: date)
    }

    /// 「令和7年度」 for the fiscal year containing `date`, named as of `date` (see
    /// `JapaneseFiscalYear.japaneseEraYear(namedOn:)` for years that straddle an era change).
    public func japaneseEraFiscalYear(containing date: CivilDate) throws(JapaneseEraError) -> String {
        try japaneseEraFiscalYear(JapaneseFiscalYear(containing: date), namedOn: date)
    }

    /// 「令和7年度」 for `fiscalYear` as written in a document dated `namingDate`.
    public func japaneseEraFiscalYear(_ fiscalYear: JapaneseFiscalYear,
                                      namedOn namingDate: CivilDate) throws(JapaneseEraError) -> String {
        let eraYear = try fiscalYear.japaneseEraYear(namedOn: namingDate)
        return finish(eraYear.era.name + Self.eraYearText(eraYear.year) + "年度", weekdayOf: nil)
    }

    // MARK: 西暦

    /// 「2025年1月17日」.
    public func gregorian(_ date: CivilDate) -> String {
        finish("\(date.year)年\(date.month)月\(date.day)日", weekdayOf: date)
    }

    /// 「2025年4月」, or 「2025年4月頃」 when `approximate`.
    public func gregorian(_ month: YearMonth, approximate: Bool = false) -> String {
        finish("\(month.year)年\(month.month)月" + (approximate ? "頃" : ""), weekdayOf: nil)
    }

    /// 「2025年度」.
    public func gregorianFiscalYear(_ fiscalYear: JapaneseFiscalYear) -> String {
        finish("\(fiscalYear.startYear)年度", weekdayOf: nil)
    }

    // MARK: Assembly

    /// 元 for the first year of an era, the number otherwise.
    static func eraYearText(_ year: Int) -> String {
        year == 1 ? "元" : String(year)
    }

    /// Applies the options shared by every form; `date` is nil for forms that name no single day.
    private func finish(_ text: String, weekdayOf date: CivilDate?) -> String {
        var result = text
        if showsWeekday, let date {
            result += "（" + date.weekday.kanji + "）"
        }
        return digitWidth.apply(to: result)
    }
}
