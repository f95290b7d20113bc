import YorisoiText

/// Which characters of a text the template's font chain cannot draw. The pipeline connects the
/// real chain (YorisoiText's `FontChain.uncoveredCharacters(in:)`, which reports the same
/// `UncoveredCharacter` values); tests use a fake.
public protocol GlyphCoverage: Sendable {
    func uncovered(in text: String) -> [UncoveredCharacter]
}

/// The three Private Use Areas: where 外字 live. Checked by the validator itself, so a 外字 is
/// refused even when no font coverage is connected.
public enum PrivateUseArea {
    public static func contains(_ value: UInt32) -> Bool {
        (0xE000...0xF8FF).contains(value) || (0xF0000...0xFFFFD).contains(value) || (0x100000...0x10FFFD).contains(value)
    }
}
