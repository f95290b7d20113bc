extension Unicode.Scalar {
    /// Whether this scalar's Grapheme_Cluster_Break is Other and it is neither
    /// Extended_Pictographic nor an Indic conjunct consonant (UAX #29): ASCII, kana, CJK
    /// ideographs and punctuation, full-width forms. No rule joins two of them (GB999), except
    /// CR × LF (GB3), so a text made only of them has one grapheme cluster per scalar once CR is
    /// ruled out — what case-file bounds and the shaper rely on to skip grapheme breaking.
    ///
    /// Left out on purpose: U+3099–309C and U+302A–302F (Extend), U+3030 and U+303D
    /// (pictographic), and the half-width forms from U+FF61 (U+FF9E/FF9F are Extend).
    /// `scalarsThatStandAloneNeverShareACluster` checks every one against Swift's own breaking.
    public var standsAloneInGraphemeClusters: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E: return true
        case 0x3000...0x3029, 0x3031...0x303C, 0x303E...0x303F: return true
        case 0x3041...0x3096, 0x309D...0x309F, 0x30A0...0x30FF: return true
        case 0x4E00...0x9FFF, 0xFF01...0xFF60: return true
        default: return false
        }
    }
}
