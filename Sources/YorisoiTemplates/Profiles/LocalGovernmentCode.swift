/// A 全国地方公共団体コード: five digits plus a check digit (JIS X 0401/0402 style): weights 6,5,4,3,2
/// over the first five digits, check = 11 − (sum mod 11), where 10 becomes 0 and 11 becomes 1.
/// 122297 (袖ケ浦市), 045012 (涌谷町), 082244 (守谷市) and 131016 (千代田区) all check.
public struct LocalGovernmentCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Nil unless `text` is six ASCII digits with a correct check digit.
    public init?(_ text: String) {
        let digits = text.unicodeScalars.compactMap { $0.properties.numericType != nil && $0.isASCII ? Int($0.value) - 48 : nil }
        guard digits.count == 6, text.unicodeScalars.count == 6,
              let check = Self.checkDigit(digits.prefix(5)), check == digits[5] else { return nil }
        rawValue = text
    }

    /// The check digit for the first five digits, or nil if they are not five digits.
    public static func checkDigit<C: Collection>(_ firstFive: C) -> Int? where C.Element == Int {
        guard firstFive.count == 5, firstFive.allSatisfy({ (0...9).contains($0) }) else { return nil }
        let sum = zip(firstFive, [6, 5, 4, 3, 2]).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        switch check {
        case 10: return 0
        case 11: return 1
        default: return check
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: LocalGovernmentCode, rhs: LocalGovernmentCode) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
