/// 全国地方公共団体コード: five digits (prefecture 2 + municipality 3) and a check digit.
/// The check digit is 11 minus (Σ digit × weight 6,5,4,3,2 mod 11), keeping the last digit only
/// (so a remainder of 1 gives 0, and of 0 gives 1): 122297 袖ケ浦市, 110001 埼玉県, 310000 鳥取県.
public enum MunicipalityCode {
    public enum Problem: Sendable, Hashable {
        case notSixDigits
        case wrongCheckDigit(expected: Int)
    }

    /// nil when the code is well formed.
    public static func problem(in code: String) -> Problem? {
        let digits = code.unicodeScalars.compactMap { scalar -> Int? in
            ("0"..."9").contains(scalar) ? Int(scalar.value - 48) : nil
        }
        guard digits.count == 6, code.unicodeScalars.count == 6 else { return .notSixDigits }
        let expected = checkDigit(forFirstFive: Array(digits.prefix(5)))
        return digits[5] == expected ? nil : .wrongCheckDigit(expected: expected)
    }

    public static func checkDigit(forFirstFive digits: [Int]) -> Int {
        let weights = [6, 5, 4, 3, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return (11 - sum % 11) % 10
    }
}
