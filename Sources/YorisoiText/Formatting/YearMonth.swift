/// A calendar month without a day, for facts known only to the month (「令和7年4月頃」 転入, 支給開始月).
///
/// A separate type rather than a `CivilDate` with day 1, so that a template can never print an
/// invented 「1日」 for a date the case never knew.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard CivilDate.supportedYears.contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` ("2025-04") only.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              let year = CivilDate.parseASCIIDigits(bytes[0..<4]),
              let month = CivilDate.parseASCIIDigits(bytes[5..<7])
        else { return nil }
        self.init(year: year, month: month)
    }

    /// `YYYY-MM`.
    public var iso: String {
        CivilDate.zeroPadded(year, width: 4) + "-" + CivilDate.zeroPadded(month, width: 2)
    }

    public var description: String { iso }

    public var numberOfDays: Int { CivilDate.numberOfDays(year: year, month: month) }

    public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1)! }

    public var lastDay: CivilDate { CivilDate(year: year, month: month, day: numberOfDays)! }

    public func contains(_ date: CivilDate) -> Bool {
        date.year == year && date.month == month
    }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

/// Stored as the ISO string ("2025-04").
extension YearMonth: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = YearMonth(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a month as YYYY-MM, got \"\(text)\"")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
