import Testing
import YorisoiText

@Suite("Formatting: era table and 年度")
struct FormattingEraTests {
    @Test("Era boundaries", arguments: [
        ("1873-01-01", JapaneseEra.meiji, 6), ("1912-07-29", .meiji, 45), ("1912-07-30", .taisho, 1),
        ("1926-12-24", .taisho, 15), ("1926-12-25", .showa, 1), ("1989-01-07", .showa, 64),
        ("1989-01-08", .heisei, 1), ("2019-04-30", .heisei, 31), ("2019-05-01", .reiwa, 1),
        ("2025-01-17", .reiwa, 7),
    ])
    func resolvesEraAndYear(iso: String, era: JapaneseEra, year: Int) throws {
        let resolved = try JapaneseEraDate(try #require(CivilDate(iso: iso)))
        #expect(resolved.era == era)
        #expect(resolved.year == year)
    }

    @Test func namesAndLetters() {
        #expect(JapaneseEra.allCases.map(\.name) == ["明治", "大正", "昭和", "平成", "令和"])
        #expect(JapaneseEra.allCases.map(\.letter) == ["M", "T", "S", "H", "R"])
        #expect(JapaneseEra.allCases.map(\.abbreviation) == ["明", "大", "昭", "平", "令"])
        #expect(JapaneseEra.allCases.map(\.firstYear) == [1868, 1912, 1926, 1989, 2019])
    }

    @Test("Dates on the lunisolar calendar are refused", arguments: ["1872-12-31", "1868-10-23", "1600-01-01"])
    func refusesBeforeGregorianAdoption(iso: String) throws {
        let date = try #require(CivilDate(iso: iso))
        #expect(JapaneseEra.containing(date) == nil)
        #expect(throws: JapaneseEraError.beforeGregorianCalendar(date)) { try JapaneseEraDate(date) }
    }

    @Test("Fiscal year boundaries", arguments: [
        ("2025-03-31", 2024), ("2025-04-01", 2025), ("2026-03-31", 2025), ("2025-12-31", 2025),
    ])
    func fiscalYearContaining(iso: String, startYear: Int) throws {
        let date = try #require(CivilDate(iso: iso))
        #expect(JapaneseFiscalYear(containing: date).startYear == startYear)
        #expect(JapaneseFiscalYear(startYear: startYear).contains(date))
        #expect(!JapaneseFiscalYear(startYear: startYear + 1).contains(date))
    }

    @Test("Fiscal years straddling an era change are named as of the naming date", arguments: [
        (2019, "2019-04-10", JapaneseEra.heisei, 31),
        (2019, "2019-05-01", .reiwa, 1),
        (2019, "2020-03-31", .reiwa, 1),
        (2019, "2025-01-17", .reiwa, 1),
        (2018, "2025-01-17", .heisei, 30),
        (1988, "1989-02-01", .showa, 63),
        (1989, "1989-04-01", .heisei, 1),
        (2025, "2025-06-01", .reiwa, 7),
    ])
    func fiscalEraYear(startYear: Int, namedOn: String, era: JapaneseEra, year: Int) throws {
        let eraYear = try JapaneseFiscalYear(startYear: startYear)
            .japaneseEraYear(namedOn: try #require(CivilDate(iso: namedOn)))
        #expect(eraYear == JapaneseEraYear(era: era, year: year))
    }

    @Test func fiscalYearBeforeGregorianAdoptionIsRefused() throws {
        let namingDate = try #require(CivilDate(iso: "2025-01-17"))
        #expect(throws: JapaneseEraError.fiscalYearBeforeGregorianCalendar(startYear: 1872)) {
            try JapaneseFiscalYear(startYear: 1872).japaneseEraYear(namedOn: namingDate)
        }
        #expect(try JapaneseFiscalYear(startYear: 1873).japaneseEraYear(namedOn: namingDate)
            == JapaneseEraYear(era: .meiji, year: 6))
    }
}
