/// Which characters of a text the template's font chain cannot draw. The real implementation
/// (fonts.yaml's fallback chain) is connected by the pipeline; tests use a fake.
public protocol GlyphCoverage: Sendable {
    func uncovered(in text: String) -> [UncoveredCharacter]
}

public struct UncoveredCharacter: Sendable, Hashable {
    public var codePoint: UInt32
    /// Offset in Unicode scalars from the start of the text.
    public var offset: Int
    public var isPrivateUse: Bool

    public init(codePoint: UInt32, offset: Int, isPrivateUse: Bool) {
        self.codePoint = codePoint
        self.offset = offset
        self.isPrivateUse = isPrivateUse
    }

    /// "U+20BB7"
    public var codePointLabel: String {
        let hex = String(codePoint, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The three Private Use Areas: where 外字 live.
    public static func isPrivateUse(_ value: UInt32) -> Bool {
        (0xE000...0xF8FF).contains(value) || (0xF0000...0xFFFFD).contains(value) || (0x100000...0x10FFFD).contains(value)
    }
}
