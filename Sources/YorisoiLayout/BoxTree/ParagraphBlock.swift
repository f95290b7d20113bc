public import YorisoiText
public import YorisoiDisplayList

/// A paragraph of styled text, broken into lines by the JLREQ line breaker.
public struct ParagraphBlock: Sendable {
    public var content: [Inline]
    public var alignment: TextAlignment
    /// Line pitch as a multiple of the largest font size on a line.
    public var lineHeight: Double
    public var firstLineIndent: Double
    /// Indents from the container's edges (公文書: 「左に1字あけて」).
    public var startIndent: Double
    public var endIndent: Double
    /// The width the text is set in; narrower than the container for 均等割り labels.
    public var measure: ParagraphMeasure
    /// Where a narrower measure sits between the indents.
    public var measurePosition: HorizontalPosition
    public var spaceBefore: Double
    public var spaceAfter: Double
    /// 0 = black … 1 = white.
    public var gray: Double
    /// Katakana words stay whole (labels and headings): a word wider than the measure makes the
    /// cell shrink the text rather than split 「モニタリン／グ」.
    public var keepsWords = false
    /// What the paragraph is in the document's structure (PDF tags): nil lets layout decide (a
    /// paragraph, or a heading when set large); a template says `role="h1"` etc. to override.
    public var role: ParagraphRole?
    public var sourcePath: String?
    /// The template's own words, no value of the case or profile among them: set the same in
    /// every document made from the template, so the process-wide paragraph cache may keep them
    /// however long (`ParagraphCache`; a plan's consent and explanation sentences).
    public var isTemplateText = false
    /// The structure element this block's content belongs to (set by `StructureBuilder`; a
    /// check item's Lbl and LBody are the two elements after its LI).
    public var structure: StructureRef?

    public init(_ content: [Inline], alignment: TextAlignment = .justify, lineHeight: Double = 1.5,
                firstLineIndent: Double = 0, startIndent: Double = 0, endIndent: Double = 0,
                measure: ParagraphMeasure = .full, measurePosition: HorizontalPosition = .start,
                spaceBefore: Double = 0, spaceAfter: Double = 0, gray: Double = 0, sourcePath: String? = nil) {
        self.content = content
        self.alignment = alignment
        self.lineHeight = lineHeight
        self.firstLineIndent = firstLineIndent
        self.startIndent = startIndent
        self.endIndent = endIndent
        self.measure = measure
        self.measurePosition = measurePosition
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.gray = gray
        self.sourcePath = sourcePath
    }

    /// A plain paragraph of one style.
    public init(_ text: String, style: TextStyle, alignment: TextAlignment = .justify,
                lineHeight: Double = 1.5, sourcePath: String? = nil) {
        self.init([.text(TextSpan(text, style: style))], alignment: alignment, lineHeight: lineHeight,
                  sourcePath: sourcePath)
    }

    /// A 均等割り label: 「氏名」 spread to the width of `asWideAs` (e.g. 「生年月日」), or across
    /// the whole width available when `asWideAs` is nil.
    public static func label(_ text: String, style: TextStyle, asWideAs reference: String? = nil,
                             position: HorizontalPosition = .center, lineHeight: Double = 1.5,
                             sourcePath: String? = nil) -> ParagraphBlock {
        ParagraphBlock([.text(TextSpan(text, style: style))], alignment: .distribute, lineHeight: lineHeight,
                       measure: reference.map { .asWideAs($0) } ?? .full, measurePosition: position,
                       sourcePath: sourcePath)
    }
}

public enum ParagraphMeasure: Sendable, Hashable {
    /// Everything between the indents.
    case full
    /// A fixed width in points (never wider than the space available).
    case points(Double)
    /// The natural width of this text in the paragraph's first style: 「氏名」 as wide as 「生年月日」.
    case asWideAs(String)
}

/// A paragraph's place in the logical structure, as a template may state it.
public enum ParagraphRole: Sendable, Hashable {
    case paragraph
    case heading(level: Int)
    /// Page furniture: written as an artifact, not read aloud (a form number in a corner).
    case artifact
}
