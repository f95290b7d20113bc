import Synchronization

/// Shaped short texts, shared by every document the process makes.
///
/// Forms set the same labels, headings, dates and names on every page of every case, and
/// layout shapes a text once to measure it and again to set it. Shaping is a pure function of
/// the text and the chain's fonts, so a hit returns exactly what shaping would have (the same
/// glyphs, the same `FontFace` objects) and the output does not change.
///
/// Only texts up to `maxTextLength` UTF-8 bytes are kept, and at most `capacity` of them: free
/// text is rarely repeated, and a batch of thousands of cases must not grow without bound. Once
/// full the cache stops taking new texts rather than evicting, which keeps it simple and lock
/// hold times short.
final class ShapeCache: Sendable {
    static let shared = ShapeCache()
    static let maxTextLength = 96
    static let capacity = 16_384

    private let entries = Mutex<[Key: ShapedText]>([:])

    /// The text and the chain's slots by identity: two font libraries may name the same family
    /// with other files. The key holds the slots, so an identity can never be reused while cached.
    struct Key: Hashable {
        let text: String
        let slots: [FontSlot]

        static func == (a: Key, b: Key) -> Bool {
            a.text == b.text && a.slots.count == b.slots.count && zip(a.slots, b.slots).allSatisfy { $0 === $1 }
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(text)
            for slot in slots { hasher.combine(ObjectIdentifier(slot)) }
        }
    }

    func shaped(_ text: String, chain: FontChain, shape: () throws -> ShapedText) rethrows -> ShapedText {
        guard text.utf8.count <= Self.maxTextLength else { return try shape() }
        let key = Key(text: text, slots: chain.slots)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let shaped = try shape()
        entries.withLock { cache in
            if cache.count < Self.capacity { cache[key] = shaped }
        }
        return shaped
    }

    /// Whether `text` is kept for `chain` (lets tests prove what is cached).
    func contains(_ text: String, chain: FontChain) -> Bool {
        entries.withLock { $0[Key(text: text, slots: chain.slots)] != nil }
    }
}
