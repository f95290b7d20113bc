import Synchronization

/// Shaped short texts, shared by every document the process makes.
///
/// Forms set the same labels, headings, dates and names on every page of every case, and
/// layout shapes a text once to measure it and again to set it. Shaping is a pure function of
/// the text and the chain's fonts, so a hit returns exactly what shaping would have (the same
/// glyphs, the same `FontFace` objects) and the output does not change.
///
/// Texts up to `maxTextLength` UTF-8 bytes are kept, at most `capacity` of them: once full the
/// cache stops taking new ones rather than evicting, which keeps it simple and lock hold times
/// short. Longer texts (free text) and values (`SharedCachePolicy`: a date, a phone number, 月1回)
/// are rarely repeated across cases, but within one document layout shapes each several times —
/// to measure a cell, to set it, and again for every smaller size tried to take back a spill-over
/// page (in 20 generated plans, 456 of 657 shapings of values were such repeats). Only the last
/// `recentCapacity` of them are kept, so a batch of thousands of cases never grows the cache.
final class ShapeCache: Sendable {
    static let shared = ShapeCache()
    static let maxTextLength = 96
    static let capacity = 16_384
    static let recentCapacity = 48

    private let entries = Mutex<[Key: ShapedText]>([:])
    private let recent = Mutex(RecentEntries<Key, ShapedText>(capacity: ShapeCache.recentCapacity))

    /// The text by its exact bytes and the chain by its slots' identity, hashed once: a miss
    /// on a free text hashed it at the lookup, again to insert it, and an eviction hashed the
    /// text it pushed out (1.5% of a packet's instructions).
    struct Key: Hashable {
        let text: ExactText
        let chain: ChainIdentity
        private let digest: Int

        init(text: ExactText, chain: ChainIdentity) {
            self.text = text
            self.chain = chain
            var hasher = Hasher()
            hasher.combine(text)
            hasher.combine(chain)
            digest = hasher.finalize()
        }

        static func == (a: Key, b: Key) -> Bool {
            a.digest == b.digest && a.chain == b.chain && a.text == b.text
        }

        func hash(into hasher: inout Hasher) { hasher.combine(digest) }
    }

    func shaped(_ text: String, chain: FontChain, shape: () throws -> ShapedText) rethrows -> ShapedText {
        let key = Key(text: ExactText(text), chain: ChainIdentity(chain))
        guard Self.isShared(text) else {
            if let hit = recent.withLock({ $0[key] }) { return hit }
            let shaped = try shape()
            recent.withLock { $0.insert(key, shaped) }
            return shaped
        }
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let shaped = try shape()
        entries.withLock { cache in
            if cache.count < Self.capacity { cache[key] = shaped }
        }
        return shaped
    }

    /// Kept for good once shaped: a short text that is not a value — the template's own words.
    static func isShared(_ text: String) -> Bool {
        text.utf8.count <= maxTextLength && SharedCachePolicy.admits(text)
    }

    /// Whether `text` is kept for `chain` (lets tests prove what is cached): among the shared
    /// texts, or among the recent ones (free text and values).
    func contains(_ text: String, chain: FontChain) -> Bool {
        let key = Key(text: ExactText(text), chain: ChainIdentity(chain))
        if !Self.isShared(text) { return recent.withLock { $0[key] != nil } }
        return entries.withLock { $0[key] != nil }
    }
}
