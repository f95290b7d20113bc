import YorisoiTemplates

/// 全国地方公共団体コード: five digits (prefecture 2 + municipality 3) and a check digit, computed
/// by the one function that profiles use too (`LocalGovernmentCode.checkDigit`).
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
        // Six ASCII digits, so the first five always have a check digit.
        let expected = LocalGovernmentCode.checkDigit(digits.prefix(5)) ?? -1
        return digits[5] == expected ? nil : .wrongCheckDigit(expected: expected)
    }
}
