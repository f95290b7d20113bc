/// The space the breaker puts between two clusters' ink boxes, split into parts that justification
/// may shrink or stretch, each with its JLREQ priority.

/// Why a piece of space is there; decides when justification may touch it.
enum SpaceKind: Sendable, Hashable, CaseIterable {
    /// A Western word space: shrinks to ¼ em, stretches to ½ em first.
    case westernSpace
    /// The blank of punctuation at the line end. This breaker always sets line-end 」、。 solid
    /// (JIS X 4051), so only a line-end ・ quarter lands here.
    case lineEndPunctuation
    /// The quarters around ・：；.
    case middleDot
    /// The half-em blank of a mid-line bracket or 、.
    case punctuationHalf
    /// 和欧間: ¼ em between kana/kanji and Western letters/digits, ⅛ … ½ em.
    case mixedScript
    /// The half-em after a mid-line 。: a sentence boundary, never removed.
    case sentenceEnd
}

struct SpaceComponent: Sendable, Hashable {
    var kind: SpaceKind
    var natural: Double
    var minimum: Double
    var maximum: Double

    /// What fills the unused places of `SpaceComponents`; never read.
    static let unused = SpaceComponent(kind: .sentenceEnd, natural: 0, minimum: 0, maximum: 0)

    static func fixed(_ kind: SpaceKind, _ amount: Double) -> SpaceComponent {
        SpaceComponent(kind: kind, natural: amount, minimum: amount, maximum: amount)
    }

    /// Punctuation blank: may be squeezed away entirely, never widened.
    static func removable(_ kind: SpaceKind, _ amount: Double) -> SpaceComponent {
        SpaceComponent(kind: kind, natural: amount, minimum: 0, maximum: amount)
    }
}

/// Space between two adjacent clusters (or at a line edge): a sum of components.
struct Spacing: Sendable, Equatable {
    var components = SpaceComponents()

    init() {}

    init(_ component: SpaceComponent) { components.append(component) }

    var natural: Double { components.reduce(0) { $0 + $1.natural } }
    var minimum: Double { components.reduce(0) { $0 + $1.minimum } }
}

/// A spacing's components, kept inline: there are at most three (the blank after the first
/// cluster, the blank before the second, 和欧間), and the breaker makes a spacing for every pair
/// of clusters, so an array each was an allocation and a release.
struct SpaceComponents: RandomAccessCollection, Sendable, Equatable {
    static let capacity = 3
    private var storage: (SpaceComponent, SpaceComponent, SpaceComponent) = (.unused, .unused, .unused)
    private(set) var count = 0

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> SpaceComponent {
        get {
            precondition(index >= 0 && index < count, "space component index out of range")
            switch index {
            case 0: return storage.0
            case 1: return storage.1
            default: return storage.2
            }
        }
        set {
            precondition(index >= 0 && index < count, "space component index out of range")
            switch index {
            case 0: storage.0 = newValue
            case 1: storage.1 = newValue
            default: storage.2 = newValue
            }
        }
    }

    mutating func append(_ component: SpaceComponent) {
        precondition(count < Self.capacity, "a spacing has at most three components")
        count += 1
        self[count - 1] = component
    }

    static func == (a: SpaceComponents, b: SpaceComponents) -> Bool { a.elementsEqual(b) }
}

enum InterClusterSpacing {
    /// Space between the ink of `a` and the ink of the following `b`, both on the same line.
    ///
    /// Consecutive punctuation collapses (JLREQ 3.1.4): 。」 and 」」 are set solid with the last one's
    /// half after it; 」「 and 、「 keep one half between; 「「 is solid. ・ keeps its quarters.
    static func between(_ a: ClusterMetrics, _ b: ClusterMetrics) -> Spacing {
        var spacing = Spacing()

        switch a.blank {
        case .trailingHalf where b.blank == .trailingHalf:
            break  // 。」 」」 」、: a solid; b's own half follows b.
        case .trailingHalf:
            // The half after a mid-line 。 marks a sentence end and stays; the others may go.
            let kind: SpaceKind = a.jlreqClass == .fullStop ? .sentenceEnd : .punctuationHalf
            spacing.components.append(kind == .sentenceEnd ? .fixed(kind, a.trail) : .removable(kind, a.trail))
        case .quarterEachSide:
            spacing.components.append(.removable(.middleDot, a.trail))
        case .westernSpace:
            let quarter = 0.25 * a.em, half = 0.5 * a.em
            spacing.components.append(SpaceComponent(kind: .westernSpace, natural: a.trail,
                                                      minimum: min(a.trail, quarter),
                                                      maximum: max(a.trail, half)))
        case .leadingHalf, .none:
            break
        }

        switch b.blank {
        case .leadingHalf where a.blank == .trailingHalf || a.blank == .leadingHalf:
            break  // 」「 、「: a's half is the only space; 「「: solid.
        case .leadingHalf:
            spacing.components.append(.removable(.punctuationHalf, b.lead))
        case .quarterEachSide:
            spacing.components.append(.removable(.middleDot, b.lead))
        case .trailingHalf, .westernSpace, .none:
            break
        }

        // 和欧間 四分アキ. Brackets, 、。 and spaces are never on either side, so the rule "not next to
        // brackets" holds by construction; line edges have no gap.
        let em: Double?
        if a.isJapaneseForMixedSpacing && b.isWesternForMixedSpacing {
            em = a.em
        } else if a.isWesternForMixedSpacing && b.isJapaneseForMixedSpacing {
            em = b.em
        } else {
            em = nil
        }
        if let em {
            spacing.components.append(SpaceComponent(kind: .mixedScript, natural: 0.25 * em,
                                                      minimum: 0.125 * em, maximum: 0.5 * em))
        }
        return spacing
    }

    /// Space before the first ink of a line: an opening bracket's blank is trimmed (set flush);
    /// a ・ keeps its quarter.
    static func lineStart(_ first: ClusterMetrics) -> Spacing {
        first.blank == .quarterEachSide ? Spacing(.removable(.middleDot, first.lead)) : Spacing()
    }

    /// Space after the last ink of a line: 」、。 are set solid; a ・ keeps its quarter.
    static func lineEnd(_ last: ClusterMetrics) -> Spacing {
        last.blank == .quarterEachSide
            ? Spacing(.removable(.lineEndPunctuation, last.trail)) : Spacing()
    }

    /// Whether even inter-character spacing (the last expansion step, and 均等割り of text lines) may
    /// widen this gap: not inside a Western word or number, not inside a ——/…… run.
    /// `b` is the cluster right after `a`.
    static func acceptsLetterSpacing(_ a: ClusterMetrics, _ b: ClusterMetrics) -> Bool {
        if a.isWesternRunMember && b.isWesternRunMember { return false }
        if b.repeatsInseparable { return false }
        return true
    }
}
