import Testing
import YorisoiCase

@Suite struct CaseDateTests {
    @Test func parsesFullDatesAndYearMonths() {
        #expect(CaseDate(iso: "2025-01-17") == CaseDate(year: 2025, month: 1, day: 17))
        #expect(CaseDate(iso: "2025-04")?.isYearMonth == true)
        #expect(CaseDate(iso: "2024-02-29") != nil)
        #expect(CaseDate(iso: "2025-01-17")?.description == "2025-01-17")
        #expect(CaseDate(iso: "2025-04")?.description == "2025-04")
    }

    @Test(arguments: ["2025-02-29", "1900-02-29", "2025-13-01", "2025-00", "2025-04-31", "2025-1-7", "25-01-01",
                      "2025/01/17", "２０２５-01-17", "2025-01-17T10:00", ""])
    func rejectsWhatIsNotARealDate(_ text: String) {
        #expect(CaseDate(iso: text) == nil)
    }

    @Test func comparesAtTheCoarserPrecision() throws {
        let created = try #require(CaseDate(iso: "2025-04-17"))
        let sameMonth = try #require(CaseDate(iso: "2025-04"))
        let before = try #require(CaseDate(iso: "2025-03"))
        #expect(!sameMonth.isBefore(created) && !sameMonth.isAfter(created))
        #expect(before.isBefore(created))
        #expect(try #require(CaseDate(iso: "2025-04-16")).isBefore(created))
    }
}

@Suite struct KeySuggestionTests {
    @Test func suggestsCloseKeysOnly() {
        let loader = CaseLoader()
        func suggestion(_ key: String) -> String? {
            let loaded = loader.load(data: .init("version: 1\nplan:\n  \(key): x\n".utf8), format: .yaml, displayName: "k")[0]
            // The suggestion is the only quoted text: the unknown key itself is never repeated.
            return loaded.diagnostics.first.flatMap { d in
                let suggested = d.messageEN.split(separator: "'").dropFirst(1).first.map(String.init)
                let rest = [d.message, d.messageEN, d.path].joined(separator: " ")
                    .replacingOccurrences(of: "「\(suggested ?? "")」", with: "").replacingOccurrences(of: "'\(suggested ?? "")'", with: "")
                #expect(!rest.contains(key), "\(rest)")
                return suggested
            }
        }
        #expect(suggestion("intnet") == "intent")          // transposition
        #expect(suggestion("isues") == "issues")           // deletion
        #expect(suggestion("Supports") == "supports")      // case
        #expect(suggestion("satisfacton") == "satisfaction")
        #expect(suggestion("zzz") == nil)
        #expect(suggestion("revie") == "review")
    }
}
