import Synchronization

/// Laid-out short paragraphs, shared by every document the process makes.
///
/// Every case of a batch sets the same labels and headings in the same cells, and a spill-over
/// trial sets them again at each smaller size — which the next case repeats. Laying out a
/// paragraph is a pure function of its spans' text, fonts and sizes and of the settings, so a hit
/// returns exactly what layout would (the same glyphs on the same faces) and output does not change.
///
/// Like `ShapeCache`, only short paragraphs are kept (free text seldom repeats), at most
/// `capacity` of them, and a full cache stops taking new ones instead of evicting. A paragraph of
/// the template's own words is kept up to `maxTemplateTextLength`: a plan's consent and
/// explanation sentences (126 and 267 bytes) come again in every case, at every size tried,
/// and how many such paragraphs there are is bounded by the templates, not by the cases.
final class ParagraphCache: Sendable {
    static let shared = ParagraphCache()
    /// UTF-8 bytes of all spans together.
    static let maxTextLength = 96
    /// UTF-8 bytes of a template's own paragraph (`isTemplateText`).
    static let maxTemplateTextLength = 1_024
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

    /// The paragraph from this cache when it keeps such paragraphs, else from `memo` (one
    /// document's own), else laid out afresh.
    func laidOut(_ spans: [TextSpan], settings: ParagraphSettings, memo: ParagraphMemo? = nil,
                 isTemplateText: Bool = false, layout: () throws -> LaidOutParagraph) rethrows -> LaidOutParagraph {
        // Ruby belongs to one case (its names, its overrides): such paragraphs are not kept.
        guard !spans.contains(where: { $0.style.ruby != nil }) else { return try layout() }
        guard Self.keeps(spans, isTemplateText: isTemplateText) else {
            guard let memo, spans.reduce(0, { $0 + $1.text.utf8.count }) <= ParagraphMemo.maxTextLength else {
                return try layout()
            }
            return try memo.laidOut(Key(spans, settings: settings), layout: layout)
        }
        let key = Key(spans, settings: settings)
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let paragraph = try layout()
        entries.withLock { cache in
            if cache.count < Self.capacity { cache[key] = paragraph }
        }
        return paragraph
    }

    /// Whether paragraphs of `spans` (without ruby) are for this cache: short ones, or a
    /// template's own words up to `maxTemplateTextLength`; never values (`SharedCachePolicy`: a
    /// date, a page number — a template's own words with a page number in them too), nor free text.
    static func keeps(_ spans: [TextSpan], isTemplateText: Bool) -> Bool {
        let length = spans.reduce(0) { $0 + $1.text.utf8.count }
        return length <= (isTemplateText ? maxTemplateTextLength : maxTextLength)
            && spans.allSatisfy { SharedCachePolicy.admits($0.text) }
    }
}

extension ParagraphCache.Key {
    init(_ spans: [TextSpan], settings: ParagraphSettings) {
        self.init(spans: spans.map { Span(text: ExactText($0.text), chain: ChainIdentity($0.style.chain),
                                          size: $0.style.size, language: $0.style.language) },
                  settings: settings)
    }
}

/// Paragraphs that `ParagraphCache` does not keep — values and free text — laid out by one run
/// and set again the same way by a later run of much the same content: a packet's 進行管理表,
/// estimated beside the documents, is set again with only its page numbers changed (its case
/// IDs, dates and staff are values), and a packet's confidentiality line, which cites a law by
/// number, is set on every page. A hit is what laying out would give (the same pure function as
/// the shared cache). A document's own layout keeps none (`Layout.run`).
///
/// Owned by the runs that share it and gone with them, so nothing outlives the packet;
/// paragraphs longer than `maxTextLength` bytes are not kept, nor more than `capacity` of them,
/// so a hostile free text costs no more memory than setting it does.
public final class ParagraphMemo: Sendable {
    /// UTF-8 bytes of all spans together.
    static let maxTextLength = 4_096
    static let capacity = 4_096

    private let entries = Mutex<[ParagraphCache.Key: LaidOutParagraph]>([:])
    /// Natural widths, by the spans alone (their settings left at a fixed placeholder).
    private let widths = Mutex<[ParagraphCache.Key: Double]>([:])

    public init() {}

    func naturalWidth(_ spans: [TextSpan], measure: () throws -> Double) rethrows -> Double {
        guard !spans.contains(where: { $0.style.ruby != nil }),
              spans.reduce(0, { $0 + $1.text.utf8.count }) <= Self.maxTextLength else { return try measure() }
        let key = ParagraphCache.Key(spans, settings: ParagraphSettings(width: 0))
        if let hit = widths.withLock({ $0[key] }) { return hit }
        let width = try measure()
        widths.withLock { kept in
            if kept.count < Self.capacity { kept[key] = width }
        }
        return width
    }

    func laidOut(_ key: ParagraphCache.Key, layout: () throws -> LaidOutParagraph) rethrows -> LaidOutParagraph {
        if let hit = entries.withLock({ $0[key] }) { return hit }
        let paragraph = try layout()
        entries.withLock { kept in
            if kept.count < Self.capacity { kept[key] = paragraph }
        }
        return paragraph
    }

    /// How many paragraphs are kept (lets tests prove what is kept).
    public var count: Int { entries.withLock { $0.count } }
}
