/// Which digits a rendered string uses: ASCII 0–9 (横書き default) or 全角 ０–９, which some forms and
/// vertical (縦中横-free) layouts require. Only the ten digits change; every other character is kept,
/// because 「令和」「年」「.」 and letters have their own rules that are not a digit-width decision.
public enum DigitWidth: Sendable, Hashable, CaseIterable {
    /// U+0030–U+0039.
    case ascii
    /// U+FF10–U+FF19 (FULLWIDTH DIGIT ZERO…NINE).
    case fullWidth

    /// `text` with every digit of the other width converted to this one.
    public func apply(to text: String) -> String {
        switch self {
        case .ascii: Self.asciiDigits(text)
        case .fullWidth: Self.fullWidthDigits(text)
        }
    }

    /// 「2025年」 → 「２０２５年」.
    public static func fullWidthDigits(_ text: String) -> String {
        mapScalars(text, from: asciiZero, to: fullWidthZero)
    }

    /// 「２０２５年」 → 「2025年」, e.g. to normalise a number typed on a Japanese IME.
    public static func asciiDigits(_ text: String) -> String {
        mapScalars(text, from: fullWidthZero, to: asciiZero)
    }

    private static let asciiZero: UInt32 = 0x30
    private static let fullWidthZero: UInt32 = 0xFF10

    private static func mapScalars(_ text: String, from sourceZero: UInt32, to targetZero: UInt32) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let offset = scalar.value &- sourceZero
            if offset < 10, let mapped = Unicode.Scalar(targetZero + offset) {
                scalars.append(mapped)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
