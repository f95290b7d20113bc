import Synchronization

/// Laid-out short paragraphs, shared by every document the process makes.
///
/// Every case of a batch sets the same labels and headings in the same cells, and a spill-over
/// trial sets them again at each smaller size — which the next case repeats. Laying out a
/// paragraph is a pure function of its spans' text, fonts and sizes and of the settings, so a hit
/// returns exactly what layout would (the same glyphs on the same faces) and output does not change.
///
/// Like `ShapeCache`, only short paragraphs are kept (free text seldom repeats), at most
/// `capacity` of them, and a full cache stops taking new ones instead of evicting.
final class ParagraphCache: Sendable {
    static let shared = ParagraphCache()
    /// UTF-8 bytes of all spans together.
    static let maxTextLength = 96
    static let capacity = 4_096

    private let entries = Mutex<[Key: LaidOutParagraph]>([:])

    /// The spans by exact bytes, fonts (slots by identity, held so an identity is never reused
    /// while cached) and size, and the settings.
    struct Key: Hashable {
        struct Span: Hashable {
            let text: ExactText
            let slots: [FontSlot]
            let size: Double

            static func == (a: Span, b: Span) -> Bool {
                a.size == b.size && a.text == b.text && a.slots.count == b.slots.count
                    && zip(a.slots, b.slots).allSatisfy { $0 === $1 }
            }

            func hash(into hasher: inout Hasher) {
                hasher.combine(text)
                hasher.combine(size)
                for slot in slots { hasher.combine(ObjectIdentifier(slot)) }
            }
        }
        let spans: [Span]
        let settings: ParagraphSettings
    }

    func laidOut(_ spans: [TextSpan], settings: ParagraphSettings,
                 layout: () throws -> LaidOutParagraph) rethrows -> LaidOutParagraph {
        guard spans.reduce(0, { $0 + $1.text.utf8.count }) <= Self.maxTextLength else { return try layout() }
        let key = Key(spans: spans.map { Key.Span(text: ExactText($0.text), slots: $0.style.chain.slots, size: $0.style.size) },
                      settings: settings)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let paragraph = try layout()
        entries.withLock { cache in
            if cache.count < Self.capacity { cache[key] = paragraph }
        }
        return paragraph
    }
}

/// A string compared and hashed by its exact UTF-8 bytes. `String`'s own `==` and hashing work by
/// canonical equivalence, which normalises any non-ASCII text on every call; a cache keyed by
/// bytes is exact too (equal bytes shape and lay out the same) and only misses the rare text that
/// is spelt with other code points.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: ExactText, b: ExactText) -> Bool {
        guard a.text.utf8.count == b.text.utf8.count else { return false }
        var (a, b) = (a.text, b.text)
        return a.withUTF8 { x in b.withUTF8 { y in x.elementsEqual(y) } }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}
