/// Where a full-width punctuation glyph keeps its blank. BIZ UD fonts (and most Japanese fonts) draw
/// 、。「」（）・ on a full em with the blank inside the glyph and have no `halt` feature, so the
/// breaker trims by class: it moves the neighbours instead of asking the font.
enum PunctuationBlank: Sendable, Hashable {
    case none
    /// 「（『 …: blank half on the left.
    case leadingHalf
    /// 」）』、。 …: blank half on the right.
    case trailingHalf
    /// ・：；: a quarter on each side.
    case quarterEachSide
    /// A Western space: its whole advance is adjustable space, it has no ink.
    case westernSpace
}

/// What the breaker needs to know about one cluster, derived once from the cluster and its neighbours.
///
/// Plain data, without the cluster's text: the breaker copies these in every pass over a
/// paragraph, and a `String` inside made each copy and each release a call into the runtime
/// (7 % of a packet's time). The few rules that need the text itself read it from the paragraph's
/// `TextCluster`s by the same index.
struct ClusterMetrics: Sendable, BitwiseCopyable {
    /// What of a cluster's metrics does not depend on its size: found from its text and its
    /// neighbours' and whether it is set full-width (`BreakRulesCache.Key` holds exactly these),
    /// so it is kept with the paragraph's break rules and set again at each size a spill-over
    /// trial tries.
    struct Kind: Sendable, BitwiseCopyable {
        /// The text's one scalar when comparing by scalar is exact (see `PlainScalar`), else nil.
        let plain: Unicode.Scalar?
        /// The text's first scalar (nil for an empty text).
        let firstScalar: Unicode.Scalar?
        /// An inseparable mark (—— ……) with the same text as the cluster before it: the two are
        /// one unit. Only ever set for a cluster that follows its partner directly.
        let repeatsInseparable: Bool
        let jlreqClass: JLREQClass
        let blank: PunctuationBlank
        let isHardBreak: Bool
        /// Drawn on (about) a full em: decides whether punctuation carries a blank half and
        /// whether a symbol belongs to the Japanese or the Western side.
        let isFullWidth: Bool
    }

    let kind: Kind
    let advance: Double
    let em: Double
    /// Blank inside the advance before the ink, and after it.
    let lead: Double
    let trail: Double

    var plain: Unicode.Scalar? { kind.plain }
    var firstScalar: Unicode.Scalar? { kind.firstScalar }
    var repeatsInseparable: Bool { kind.repeatsInseparable }
    var jlreqClass: JLREQClass { kind.jlreqClass }
    var blank: PunctuationBlank { kind.blank }
    var isHardBreak: Bool { kind.isHardBreak }
    var isFullWidth: Bool { kind.isFullWidth }

    var inkWidth: Double { advance - lead - trail }
    var isWesternSpace: Bool { blank == .westernSpace }
    /// Not set on the line: spaces hang at the line end, hard breaks end it.
    var isContent: Bool { !isHardBreak && !isWesternSpace }

    /// Member of a Western word or number, which is never split (分離禁止): letters, digits, and
    /// half-width symbols such as / - ( ) , . % $ between them.
    var isWesternRunMember: Bool {
        switch jlreqClass {
        case .groupedNumeral, .westernCharacter:
            return true
        case .westernSpace, .ideographicSpace, .hiragana, .katakana, .ideographic, .iterationMark,
             .prolongedSoundMark, .smallKana:
            return false
        default:
            return !isFullWidth && !isHardBreak
        }
    }

    /// The Western side of 和欧間: letters and digits, and half-width ¥ $ % next to them.
    var isWesternForMixedSpacing: Bool {
        switch jlreqClass {
        case .groupedNumeral, .westernCharacter: return true
        case .prefixedAbbreviation, .postfixedAbbreviation: return !isFullWidth
        default: return false
        }
    }

    var isJapaneseForMixedSpacing: Bool { jlreqClass.isJapaneseLetter && isFullWidth }

    /// Whether the cluster, whose text is `text`, is `literal` (a decomposition-free scalar of
    /// combining class 0): by scalar when that is exact, else by `String ==`.
    func isText(_ literal: Unicode.Scalar, text: @autoclosure () -> String) -> Bool {
        if let plain { return plain == literal }
        return text() == String(literal)
    }

    /// Whether the cluster, whose text is `text`, is one of `literals` (decomposition-free scalars
    /// of combining class 0).
    func isText(in literals: Set<Unicode.Scalar>, text: @autoclosure () -> String) -> Bool {
        if let plain { return literals.contains(plain) }
        let text = text()
        return literals.contains { text == String($0) }
    }

    /// The metrics of one cluster between the given neighbours (tests ask about single clusters).
    init(_ cluster: TextCluster, before: TextCluster?, after: TextCluster?) {
        let clusters = [before, cluster, after].compactMap { $0 }
        self.init(at: before == nil ? 0 : 1, in: clusters, previousClass: nil)
    }

    /// The metrics of `clusters[index]`, whose neighbours decide some classes.
    /// - Parameter previousClass: the class of the cluster before it (given by `analyse`).
    init(at index: Int, in clusters: [TextCluster], previousClass: JLREQClass?) {
        let cluster = clusters[index]
        // The neighbours' text, read only by the few rules that look at it.
        func neighbour(_ offset: Int) -> String? {
            clusters.indices.contains(index + offset) ? clusters[index + offset].text : nil
        }
        let plain = PlainScalar.of(cluster.text)
        let isHardBreak: Bool, jlreqClass: JLREQClass
        if let plain {
            isHardBreak = plain == "\n" || plain == "\u{2028}" || plain == "\u{2029}"
            jlreqClass = plain == "," || plain == "."
                ? JLREQClass.classify(cluster.text, before: neighbour(-1), after: neighbour(1))
                : JLREQClass(scalar: plain)
        } else {
            isHardBreak = cluster.text == "\n" || cluster.text == "\r\n" || cluster.text == "\u{2028}"
                || cluster.text == "\u{2029}"
            jlreqClass = JLREQClass.classify(cluster.text, before: neighbour(-1), after: neighbour(1))
        }
        let isFullWidth = Self.isFullWidth(cluster)
        let blank: PunctuationBlank
        switch jlreqClass {
        case _ where isHardBreak: blank = .none
        case .westernSpace: blank = .westernSpace
        case .openingBracket where isFullWidth: blank = .leadingHalf
        case .closingBracket where isFullWidth, .fullStop where isFullWidth, .comma where isFullWidth: blank = .trailingHalf
        case .middleDot where isFullWidth: blank = .quarterEachSide
        default: blank = .none
        }
        let kind = Kind(plain: plain, firstScalar: plain ?? cluster.text.unicodeScalars.first,
                        repeatsInseparable: jlreqClass == .inseparable && previousClass == .inseparable
                            && neighbour(-1) == cluster.text,
                        jlreqClass: jlreqClass, blank: blank, isHardBreak: isHardBreak, isFullWidth: isFullWidth)
        self.init(kind, cluster)
    }

    /// 0.75 em separates a proportional/half-width glyph from one set on the full-width body.
    static func isFullWidth(_ cluster: TextCluster) -> Bool {
        cluster.advance >= 0.75 * cluster.fontSize
    }

    /// The blank inside `cluster`'s advance before its ink and after it, for its kind of blank.
    private static func blankLengths(_ blank: PunctuationBlank, _ cluster: TextCluster) -> (lead: Double, trail: Double) {
        switch blank {
        case .none: return (0, 0)
        case .westernSpace: return (0, cluster.advance)
        case .leadingHalf: return (0.5 * cluster.fontSize, 0)
        case .trailingHalf: return (0, 0.5 * cluster.fontSize)
        case .quarterEachSide: return (0.25 * cluster.fontSize, 0.25 * cluster.fontSize)
        }
    }

    /// The metrics of `cluster`, whose kind is known (analysed now, or kept from a layout of the
    /// same text at another size): its lengths at its own size.
    init(_ kind: Kind, _ cluster: TextCluster) {
        self.kind = kind
        advance = cluster.advance
        em = cluster.fontSize
        (lead, trail) = Self.blankLengths(kind.blank, cluster)
    }

    static func analyse(_ clusters: [TextCluster]) -> [ClusterMetrics] {
        var metrics: [ClusterMetrics] = []
        metrics.reserveCapacity(clusters.count)
        for i in clusters.indices {
            metrics.append(ClusterMetrics(at: i, in: clusters, previousClass: metrics.last?.jlreqClass))
        }
        return metrics
    }
}
