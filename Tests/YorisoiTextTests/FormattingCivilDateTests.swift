import Testing
import YorisoiText

@Suite("Formatting: CivilDate and YearMonth")
struct FormattingCivilDateTests {
    @Test("Impossible dates are rejected", arguments: [
        (2025, 2, 29), (1900, 2, 29), (2025, 13, 1), (2025, 0, 10), (2025, 1, 0),
        (2025, 4, 31), (2025, 1, 32), (0, 1, 1), (10000, 1, 1),
    ])
    func rejectsImpossibleDates(year: Int, month: Int, day: Int) {
        #expect(CivilDate(year: year, month: month, day: day) == nil)
    }

    @Test("Leap days follow the Gregorian rule", arguments: [(2024, true), (2000, true), (2025, false), (1900, false), (2100, false)])
    func leapDays(year: Int, isLeap: Bool) {
        #expect((CivilDate(year: year, month: 2, day: 29) != nil) == isLeap)
        #expect(CivilDate.isLeapYear(year) == isLeap)
    }

    @Test func parsesAndPrintsISO() throws {
        let date = try #require(CivilDate(iso: "2025-01-17"))
        #expect(date.year == 2025 && date.month == 1 && date.day == 17)
        #expect(date.iso == "2025-01-17")
        #expect(CivilDate(year: 812, month: 3, day: 4)?.iso == "0812-03-04")
    }

    @Test("Malformed or impossible ISO strings are rejected", arguments: [
        "2025-02-29", "2025-1-17", "2025/01/17", "20250117", "2025-01-17T00:00", " 2025-01-17",
        "２０２５-01-17", "2025-00-10", "", "2025-01",
    ])
    func rejectsBadISO(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test func ordersChronologically() throws {
        let earlier = try #require(CivilDate(iso: "2019-04-30"))
        let later = try #require(CivilDate(iso: "2019-05-01"))
        #expect(earlier < later)
        #expect(!(later < earlier))
        #expect(try #require(CivilDate(iso: "2018-12-31")) < earlier)
    }

    @Test("Day arithmetic crosses month, year and leap-day boundaries", arguments: [
        ("2025-01-17", 1, "2025-01-18"), ("2025-01-31", 1, "2025-02-01"), ("2024-02-28", 1, "2024-02-29"),
        ("2025-02-28", 1, "2025-03-01"), ("2024-12-31", 1, "2025-01-01"), ("2025-03-01", -1, "2025-02-28"),
        ("1970-01-01", 0, "1970-01-01"), ("2000-01-01", 366, "2001-01-01"), ("1989-01-07", 1, "1989-01-08"),
    ])
    func addsDays(start: String, days: Int, expected: String) throws {
        let date = try #require(CivilDate(iso: start))
        #expect(date.adding(days: days)?.iso == expected)
    }

    @Test func daysSince1970RoundTripsAndCounts() throws {
        #expect(try #require(CivilDate(iso: "1970-01-01")).daysSince1970 == 0)
        #expect(try #require(CivilDate(iso: "2000-03-01")).daysSince1970 == 11_017)
        #expect(try #require(CivilDate(iso: "1969-12-31")).daysSince1970 == -1)
        let first = try #require(CivilDate(iso: "2019-05-01"))
        let second = try #require(CivilDate(iso: "2025-01-17"))
        #expect(second.days(since: first) == 2_088)
        // Every 9973rd day across the whole supported range, 0001-01-01 (day -719162) to 9999-12-31.
        for offset in stride(from: -719_162, through: 2_932_896, by: 9_973) {
            #expect(CivilDate(daysSince1970: offset)?.daysSince1970 == offset)
        }
        #expect(CivilDate(daysSince1970: -719_162)?.iso == "0001-01-01")
        #expect(CivilDate(daysSince1970: 2_932_896)?.iso == "9999-12-31")
        #expect(CivilDate(daysSince1970: -719_163) == nil)
        #expect(CivilDate(daysSince1970: 2_932_897) == nil)
    }

    @Test("曜日", arguments: [
        ("2025-01-17", Weekday.friday), ("1970-01-01", .thursday), ("2019-05-01", .wednesday),
        ("1989-01-08", .sunday), ("2000-02-29", .tuesday), ("1873-01-01", .wednesday),
    ])
    func weekday(iso: String, expected: Weekday) throws {
        #expect(try #require(CivilDate(iso: iso)).weekday == expected)
    }

    @Test func yearMonthParsesAndRejects() throws {
        let month = try #require(YearMonth(iso: "2025-04"))
        #expect(month.year == 2025 && month.month == 4)
        #expect(month.iso == "2025-04")
        #expect(YearMonth(iso: "2025-13") == nil)
        #expect(YearMonth(iso: "2025-00") == nil)
        #expect(YearMonth(iso: "2025-4") == nil)
        #expect(YearMonth(iso: "2025-04-01") == nil)
        #expect(try #require(YearMonth(iso: "2024-02")).lastDay.iso == "2024-02-29")
        #expect(try #require(YearMonth(iso: "2025-02")).numberOfDays == 28)
        #expect(try #require(CivilDate(iso: "2025-04-30")).yearMonth == month)
    }
}
