/// Comparing a cluster with a one-character literal by scalar instead of by `String ==`.
///
/// `String ==` compares by canonical equivalence, which for any non-ASCII text means normalising
/// both sides on every call: a few percent of a whole batch, since the breaker asks "is this 年?"
/// of every cluster several times. For a cluster of one scalar the answer can be read off the
/// scalar, exactly, as long as no *other* single scalar is canonically equivalent to it — that is,
/// as long as it is not one of Unicode's canonical singletons (Ω U+2126 ≡ Ω U+03A9, 〈 U+2329 ≡
/// 〈 U+3008, the CJK compatibility ideographs 年 U+F98E ≡ 年 U+5E74 …). Such clusters, and
/// clusters of several scalars, keep the `String` comparison. The literals compared against are all
/// decomposition-free scalars of combining class 0 (ASCII punctuation, kana, kanji), for which
/// scalar equality and canonical equivalence then agree; `PlainScalarTests` checks the singleton
/// ranges below against Foundation's decomposition for every scalar.
enum PlainScalar {
    /// The one scalar of `text` when scalar comparison is exact for it, else nil.
    static func of(_ text: String) -> Unicode.Scalar? {
        // Read off the UTF-8 bytes (a native string is always valid UTF-8): one scalar exactly
        // when its lead byte's length is the whole text. Called for every cluster the breaker
        // sees, and the scalar view's index arithmetic cost ten times as much.
        if let decoded = text.utf8.withContiguousStorageIfAvailable({ onlyScalar(utf8: $0) }) {
            guard let scalar = decoded, !mayBeSingleton(scalar) else { return nil }
            return scalar
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
              !mayBeSingleton(first) else { return nil }
        return first
    }

    /// The scalar that valid UTF-8 `bytes` spell if they spell exactly one, else nil.
    static func onlyScalar(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard let lead = bytes.first else { return nil }
        let value: UInt32
        switch (lead, bytes.count) {
        case (..<0x80, 1):
            value = UInt32(lead)
        case (0xC0..<0xE0, 2):
            value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[1] & 0x3F)
        case (0xE0..<0xF0, 3):
            value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[1] & 0x3F) << 6 | UInt32(bytes[2] & 0x3F)
        case (0xF0..., 4):
            value = UInt32(lead & 0x07) << 18 | UInt32(bytes[1] & 0x3F) << 12
                | UInt32(bytes[2] & 0x3F) << 6 | UInt32(bytes[3] & 0x3F)
        default:
            return nil
        }
        return Unicode.Scalar(value)
    }

    /// True for every scalar whose canonical decomposition is one other scalar (and for a few
    /// neighbours, which only costs them the slow path): Unicode's list of singletons.
    static func mayBeSingleton(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0340, 0x0341, 0x0343, 0x0374, 0x037E, 0x0387: return true
        case 0x1F71...0x1FFD: return true           // Greek with oxia, and the Greek spacing marks
        case 0x2000, 0x2001: return true            // EN QUAD, EM QUAD
        case 0x2126...0x212B: return true           // OHM, KELVIN, ANGSTROM signs
        case 0x2329, 0x232A: return true            // 〈 〉 (technical)
        case 0xF900...0xFAFF: return true           // CJK compatibility ideographs
        case 0x2F800...0x2FA1F: return true         // CJK compatibility ideographs supplement
        default: return false
        }
    }
}
