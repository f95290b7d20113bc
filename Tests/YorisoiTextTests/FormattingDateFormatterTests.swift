import Testing
import YorisoiText

@Suite("Formatting: JapaneseDateFormatter")
struct FormattingDateFormatterTests {
    private let plain = JapaneseDateFormatter()

    private func date(_ iso: String) throws -> CivilDate {
        try #require(CivilDate(iso: iso))
    }

    private func month(_ iso: String) throws -> YearMonth {
        try #require(YearMonth(iso: iso))
    }

    @Test("和暦, including era boundaries and 元年", arguments: [
        ("2025-01-17", "令和7年1月17日"),
        ("1989-01-07", "昭和64年1月7日"),
        ("1989-01-08", "平成元年1月8日"),
        ("2019-04-30", "平成31年4月30日"),
        ("2019-05-01", "令和元年5月1日"),
        ("2020-01-01", "令和2年1月1日"),
        ("1926-12-24", "大正15年12月24日"),
        ("1926-12-25", "昭和元年12月25日"),
        ("1912-07-29", "明治45年7月29日"),
        ("1912-07-30", "大正元年7月30日"),
        ("1873-01-01", "明治6年1月1日"),
    ])
    func japaneseEra(iso: String, expected: String) throws {
        #expect(try plain.japaneseEra(date(iso)) == expected)
    }

    @Test func neverWritesYearOneAsDigit() throws {
        for era in JapaneseEra.allCases {
            let text = try plain.japaneseEra(era.firstDay)
            if era == .meiji {
                #expect(text == "明治6年1月1日")
            } else {
                #expect(text.hasPrefix(era.name + "元年"))
                #expect(!text.contains(era.name + "1年"))
            }
        }
    }

    @Test("Dates before 1873-01-01 throw instead of printing a wrong 和暦")
    func refusesEarlyDates() throws {
        let early = try date("1872-12-31")
        #expect(throws: JapaneseEraError.beforeGregorianCalendar(early)) { try plain.japaneseEra(early) }
        #expect(throws: JapaneseEraError.self) { try plain.abbreviatedJapaneseEra(early) }
        #expect(throws: JapaneseEraError.self) { try plain.japaneseEra(month("1872-12")) }
        #expect(throws: JapaneseEraError.self) { try plain.japaneseEraFiscalYear(containing: early) }
        #expect(plain.gregorian(early) == "1872年12月31日")
    }

    @Test("和暦 year-month; a month with an era change takes the era it ended in", arguments: [
        ("2025-04", false, "令和7年4月"),
        ("2025-04", true, "令和7年4月頃"),
        ("2019-04", false, "平成31年4月"),
        ("2019-05", false, "令和元年5月"),
        ("1989-01", false, "平成元年1月"),
        ("1926-12", true, "昭和元年12月頃"),
        ("1873-01", false, "明治6年1月"),
    ])
    func japaneseEraMonth(iso: String, approximate: Bool, expected: String) throws {
        #expect(try plain.japaneseEra(month(iso), approximate: approximate) == expected)
    }

    @Test func gregorianForms() throws {
        #expect(plain.gregorian(try date("2025-01-17")) == "2025年1月17日")
        #expect(plain.gregorian(try month("2025-04")) == "2025年4月")
        #expect(plain.gregorian(try month("2025-04"), approximate: true) == "2025年4月頃")
        #expect(plain.gregorianFiscalYear(JapaneseFiscalYear(startYear: 2025)) == "2025年度")
    }

    @Test("Abbreviated forms", arguments: [
        ("2025-01-17", JapaneseDateFormatter.EraMarker.letter, "R7.1.17"),
        ("2025-01-17", .kanji, "令7.1.17"),
        ("2019-05-01", .letter, "R1.5.1"),
        ("2019-04-30", .letter, "H31.4.30"),
        ("2004-12-01", .kanji, "平16.12.1"),
        ("1989-01-07", .letter, "S64.1.7"),
    ])
    func abbreviated(iso: String, marker: JapaneseDateFormatter.EraMarker, expected: String) throws {
        #expect(try plain.abbreviatedJapaneseEra(date(iso), marker: marker) == expected)
    }

    @Test func fullWidthDigits() throws {
        let wide = JapaneseDateFormatter(digitWidth: .fullWidth)
        #expect(try wide.japaneseEra(date("2025-01-17")) == "令和７年１月１７日")
        #expect(try wide.japaneseEra(date("2019-05-01")) == "令和元年５月１日")
        #expect(wide.gregorian(try date("2025-01-17")) == "２０２５年１月１７日")
        #expect(try wide.japaneseEra(month("2025-04"), approximate: true) == "令和７年４月頃")
        #expect(try wide.abbreviatedJapaneseEra(date("2025-01-17")) == "R７.１.１７")
    }

    @Test func weekdaySuffix() throws {
        let withWeekday = JapaneseDateFormatter(showsWeekday: true)
        #expect(try withWeekday.japaneseEra(date("2025-01-17")) == "令和7年1月17日（金）")
        #expect(try withWeekday.japaneseEra(date("2019-05-01")) == "令和元年5月1日（水）")
        #expect(withWeekday.gregorian(try date("2025-01-19")) == "2025年1月19日（日）")
        #expect(try withWeekday.abbreviatedJapaneseEra(date("2025-01-18")) == "R7.1.18（土）")
        // Forms without a day get no suffix.
        #expect(try withWeekday.japaneseEra(month("2025-04")) == "令和7年4月")
        let both = JapaneseDateFormatter(digitWidth: .fullWidth, showsWeekday: true)
        #expect(try both.japaneseEra(date("2025-01-17")) == "令和７年１月１７日（金）")
    }

    @Test("年度 for 文書番号", arguments: [
        ("2025-04-01", "令和7年度"),
        ("2025-03-31", "令和6年度"),
        ("2020-03-31", "令和元年度"),
        ("2019-04-30", "平成31年度"),
        ("1989-03-31", "昭和63年度"),
        ("1989-04-01", "平成元年度"),
    ])
    func fiscalYear(iso: String, expected: String) throws {
        #expect(try plain.japaneseEraFiscalYear(containing: date(iso)) == expected)
    }

    @Test func fiscalYearNamedInHindsight() throws {
        #expect(try plain.japaneseEraFiscalYear(JapaneseFiscalYear(startYear: 2019), namedOn: date("2025-01-17"))
            == "令和元年度")
        #expect(try plain.japaneseEraFiscalYear(JapaneseFiscalYear(startYear: 2018), namedOn: date("2025-01-17"))
            == "平成30年度")
    }
}
