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

    /// The spans by exact bytes, chain and size, and the settings.
    struct Key: Hashable {
        struct Span: Hashable {
            let text: ExactText
            let chain: ChainIdentity
            let size: Double
            let language: String?
        }
        let spans: [Span]
        let settings: ParagraphSettings
    }

    func laidOut(_ spans: [TextSpan], settings: ParagraphSettings,
                 layout: () throws -> LaidOutParagraph) rethrows -> LaidOutParagraph {
        // Ruby belongs to one case (its names, its overrides): such paragraphs are not kept.
        // Nor are values (`SharedCachePolicy`: a date, a page number).
        guard spans.reduce(0, { $0 + $1.text.utf8.count }) <= Self.maxTextLength,
              !spans.contains(where: { $0.style.ruby != nil }),
              spans.allSatisfy({ SharedCachePolicy.admits($0.text) }) else { return try layout() }
        let key = Key(spans: spans.map { Key.Span(text: ExactText($0.text), chain: ChainIdentity($0.style.chain), size: $0.style.size, language: $0.style.language) },
                      settings: settings)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let paragraph = try layout()
        entries.withLock { cache in
            if cache.count < Self.capacity { cache[key] = paragraph }
        }
        return paragraph
    }
}
