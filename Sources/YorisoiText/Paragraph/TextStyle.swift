/// The font family chain and size a run of text is set in.
public struct TextStyle: Sendable {
    public var chain: FontChain
    /// Font size in points.
    public var size: Double
    /// The BCP 47 language of the text when it is not the document's Japanese (a family copy's
    /// translated labels): carried to the display list so the PDF can say /Lang per span.
    public var language: String?
    /// Ruby over the kanji the reader has not learned (docs/ruby.md); nil: none.
    public var ruby: RubyRequest?

    public init(chain: FontChain, size: Double, language: String? = nil, ruby: RubyRequest? = nil) {
        self.chain = chain
        self.size = size
        self.language = language
        self.ruby = ruby
    }
}

/// A piece of paragraph text in one style.
public struct TextSpan: Sendable {
    public var text: String
    public var style: TextStyle

    public init(_ text: String, style: TextStyle) {
        self.text = text
        self.style = style
    }
}

/// How a paragraph is set: measure, alignment and line pitch.
public struct ParagraphSettings: Sendable, Hashable {
    /// The measure in points.
    public var width: Double
    public var alignment: TextAlignment
    /// Line pitch as a multiple of the largest font size on the line (1.5 = 行送り 1.5倍).
    public var lineHeight: Double
    public var firstLineIndent: Double
    /// Katakana words are not split (labels and headings; see `LineBreakOptions.keepsWords`).
    public var keepsWords: Bool

    public init(width: Double, alignment: TextAlignment = .justify, lineHeight: Double = 1.5,
                firstLineIndent: Double = 0, keepsWords: Bool = false) {
        self.width = width
        self.alignment = alignment
        self.lineHeight = lineHeight
        self.firstLineIndent = firstLineIndent
        self.keepsWords = keepsWords
    }
}
