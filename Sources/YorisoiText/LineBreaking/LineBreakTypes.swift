/// The values the line breaker takes and returns. Shaping (Sources/YorisoiText/Shaping) produces
/// `TextCluster`s; layout consumes `BrokenLine`s. Nothing here knows about fonts.

/// One unit the breaker can place: normally one grapheme cluster as shaped (its natural advance includes
/// the blank half of full-width punctuation, because BIZ UD fonts draw 、。「」（） on a full em).
public struct TextCluster: Sendable, Hashable {
    /// Source text of the cluster (e.g. "「", "𠮷", "葛\u{E0100}", "A"). "\n" is a hard break.
    public var text: String
    /// Natural advance in points.
    public var advance: Double
    /// Em size in points (1 em = fontSize).
    public var fontSize: Double

    public init(text: String, advance: Double, fontSize: Double) {
        self.text = text
        self.advance = advance
        self.fontSize = fontSize
    }
}

public enum TextAlignment: Sendable, Hashable {
    case start
    case center
    case end
    /// 両端揃え for every line except the last of a paragraph, which is start-aligned.
    case justify
    /// 均等割り of every line, the last one included.
    case distribute
}

public struct LineBreakOptions: Sendable, Hashable {
    /// The measure in points.
    public var width: Double
    public var alignment: TextAlignment
    /// Applied to the first line of every paragraph (after each hard break), in points.
    public var firstLineIndent: Double = 0
    /// A paragraph of several lines never ends on a line of one character: the last two lines are
    /// re-broken (balanced when the paragraph is as short as a label, e.g. 「心配して／いること」).
    public var avoidsLoneLastCharacter = true
    /// A katakana word (モニタリング) is one unit, as a number or a Latin word always is. For labels
    /// and headings, where 「モニタリン／グ時期」 misreads: a word too long for the measure then
    /// overfills the line, and the cell shrinks the label to fit instead of splitting it.
    public var keepsWords = false

    public init(width: Double, alignment: TextAlignment = .justify) {
        self.width = width
        self.alignment = alignment
    }

    public init(width: Double, alignment: TextAlignment = .justify, firstLineIndent: Double) {
        self.width = width
        self.alignment = alignment
        self.firstLineIndent = firstLineIndent
    }
}

/// A laid-out line: which clusters, and where each one's glyph origin goes.
///
/// A hard break cluster ("\n") is included as the last index of the line it ends; like Western spaces
/// that end a line, it gets the position of the line's right edge and takes no width. Callers simply do
/// not draw it.
public struct BrokenLine: Sendable, Hashable {
    /// Indices into the input array.
    public var clusterRange: Range<Int>
    /// x of each cluster's glyph origin from the line's left edge (count == clusterRange.count).
    public var positions: [Double]
    /// The used width: the right edge of the last ink box (after line-end trimming, justification and
    /// the alignment shift), measured from the line's left edge.
    public var width: Double
    /// True for the last line and for lines ending at a hard break "\n".
    public var endsParagraph: Bool
    /// The width the line would take set naturally (trims and 約物 collapse applied, no justification,
    /// no alignment shift); more than the measure only when even full squeezing could not fit it.
    public var naturalWidth: Double

    public init(clusterRange: Range<Int>, positions: [Double], width: Double, endsParagraph: Bool,
                naturalWidth: Double) {
        self.clusterRange = clusterRange
        self.positions = positions
        self.width = width
        self.endsParagraph = endsParagraph
        self.naturalWidth = naturalWidth
    }
}
