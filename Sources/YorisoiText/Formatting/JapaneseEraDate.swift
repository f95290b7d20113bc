/// A date resolved to 元号 and year of era (令和7年1月17日 → .reiwa, 7, 1, 17), the single place where
/// the era-boundary arithmetic happens; formatters only spell the result.
public struct JapaneseEraDate: Sendable, Hashable {
    public let era: JapaneseEra
    /// Year of the era, 1 for 元年.
    public let year: Int
    public let month: Int
    public let day: Int

    public init(_ date: CivilDate) throws(JapaneseEraError) {
        guard let era = JapaneseEra.containing(date) else { throw .beforeGregorianCalendar(date) }
        self.era = era
        self.year = date.year - era.firstYear + 1
        self.month = date.month
        self.day = date.day
    }
}
