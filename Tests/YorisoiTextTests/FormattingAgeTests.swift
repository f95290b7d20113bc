import Testing
import YorisoiText

@Suite("Formatting: age 「5歳8か月」")
struct FormattingAgeTests {
    private func age(_ birth: String, _ reference: String) throws -> JapaneseAge? {
        JapaneseAge(birthDate: try #require(CivilDate(iso: birth)), on: try #require(CivilDate(iso: reference)))
    }

    @Test("Years and completed months", arguments: [
        ("2019-05-01", "2025-01-17", "5歳8か月"),
        ("2024-10-17", "2025-01-17", "0歳3か月"),   // month completes on the counterpart day
        ("2024-10-18", "2025-01-17", "0歳2か月"),   // birthday not yet reached this month
        ("2020-01-17", "2025-01-17", "5歳0か月"),   // birthday itself
        ("2020-01-18", "2025-01-17", "4歳11か月"),  // day before the birthday
        ("2025-01-17", "2025-01-17", "0歳0か月"),   // born today
        ("2019-12-31", "2025-01-17", "5歳0か月"),
    ])
    func formatsAge(birth: String, reference: String, expected: String) throws {
        #expect(try age(birth, reference)?.formatted() == expected)
    }

    @Test("Month-end births: a missing counterpart day completes the month on the next 1st", arguments: [
        ("2025-01-31", "2025-02-28", "0歳0か月"),
        ("2025-01-31", "2025-03-01", "0歳1か月"),
        ("2025-01-31", "2025-03-30", "0歳1か月"),
        ("2025-01-31", "2025-03-31", "0歳2か月"),
        ("2024-08-31", "2025-04-30", "0歳7か月"),
        ("2024-08-30", "2025-04-30", "0歳8か月"),
    ])
    func monthEndBirths(birth: String, reference: String, expected: String) throws {
        #expect(try age(birth, reference)?.formatted() == expected)
    }

    @Test("Born on 29 February", arguments: [
        ("2024-02-29", "2025-02-28", 0, 11),
        ("2024-02-29", "2025-03-01", 1, 0),
        ("2024-02-29", "2028-02-29", 4, 0),
        ("2024-02-29", "2028-02-28", 3, 11),
    ])
    func leapDayBirth(birth: String, reference: String, years: Int, months: Int) throws {
        let result = try #require(try age(birth, reference))
        #expect(result.years == years)
        #expect(result.months == months)
    }

    @Test func birthAfterReferenceIsNil() throws {
        #expect(try age("2025-01-18", "2025-01-17") == nil)
    }

    @Test func widthsAndTotals() throws {
        let result = try #require(try age("2019-05-01", "2025-01-17"))
        #expect(result.formatted(digitWidth: .fullWidth) == "５歳８か月")
        #expect(result.formattedYears() == "5歳")
        #expect(result.totalMonths == 68)
        let older = try #require(try age("2019-04-01", "2025-01-17"))
        #expect(result < older)
    }
}
