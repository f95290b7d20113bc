/// The Unicode pieces of one grapheme cluster that font selection cares about.
struct ClusterParts {
    let scalars: [Unicode.Scalar]
    /// Scalars a face must have a glyph for: everything except selectors and joiners.
    let drawable: [Unicode.Scalar]
    let base: Unicode.Scalar?
    let variationSelector: Unicode.Scalar?

    init(_ cluster: Character) {
        scalars = Array(cluster.unicodeScalars)
        drawable = scalars.filter { !$0.isVariationSelector && !$0.isJoinControl }
        base = drawable.first
        variationSelector = scalars.first(where: \.isVariationSelector)
    }
}

extension Unicode.Scalar {
    /// VS1–VS16 (U+FE00–FE0F) and the ideographic VS17–VS256 (U+E0100–E01EF).
    var isVariationSelector: Bool {
        (0xFE00...0xFE0F).contains(value) || (0xE0100...0xE01EF).contains(value)
    }

    var isJoinControl: Bool { value == 0x200C || value == 0x200D }

    /// The three private-use areas: where municipal 外字 live, and what no other system can read.
    public var isPrivateUse: Bool {
        (0xE000...0xF8FF).contains(value) || (0xF0000...0xFFFFD).contains(value)
            || (0x100000...0x10FFFD).contains(value)
    }
}

extension Character {
    /// Line feeds, carriage returns and tabs: handled by layout, never drawn as glyphs.
    var isLayoutControl: Bool {
        // Nothing decomposes to a control character, so a cluster that does not start with one
        // is none of them; the check by scalar spares the canonical comparison of every cluster.
        guard let first = unicodeScalars.first, first.value < 0x20 else { return false }
        return self == "\n" || self == "\r\n" || self == "\r" || self == "\t"
    }
}
