/// An ordered list of faces for one family: each character is set in the first face that can
/// draw it. Faces further down are loaded only when an earlier one cannot.
public struct FontChain: Sendable {
    public let family: String
    let slots: [FontSlot]

    public var count: Int { slots.count }

    /// The face at `index`, loading it if this is its first use.
    public func face(at index: Int) throws -> FontFace {
        try slots[index].face()
    }

    /// The first face, used for line metrics (ascent, descent) of the family.
    public func primaryFace() throws -> FontFace {
        try face(at: 0)
    }

    /// Whether the face at `index` has been loaded (lets tests prove lazy loading).
    public func isLoaded(at index: Int) -> Bool {
        slots[index].isLoaded
    }

    /// Picks the face for one grapheme cluster.
    ///
    /// An ideographic variation sequence prefers a face that registers the exact sequence; if none
    /// does, the base character is set in the first face that has it and the selector is lost
    /// (reported through `variationLost`, so the PDF keeps the exact text via ActualText).
    func select(for cluster: Character) throws -> FaceSelection {
        let scalars = cluster.unicodeScalars
        if let only = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex,
           !only.isPrivateUse, !only.isVariationSelector, !only.isJoinControl {
            // Most clusters are one drawable scalar: the general path below, without its arrays.
            for index in slots.indices where try face(at: index).covers(only) {
                return .face(index, variationLost: false)
            }
            return .uncovered(only, isPrivateUse: false)
        }
        let parts = ClusterParts(cluster)
        if let privateUse = parts.scalars.first(where: \.isPrivateUse) {
            return .uncovered(privateUse, isPrivateUse: true)
        }
        if let base = parts.base, let selector = parts.variationSelector {
            for index in slots.indices where try face(at: index).glyph(for: base, selector: selector) != nil {
                return .face(index, variationLost: false)
            }
        }
        var firstMissing: Unicode.Scalar?
        for index in slots.indices {
            let face = try face(at: index)
            if let missing = parts.drawable.first(where: { !face.covers($0) }) {
                if index == 0 { firstMissing = missing }
                continue
            }
            return .face(index, variationLost: parts.variationSelector != nil)
        }
        return .uncovered(firstMissing ?? parts.drawable.first ?? parts.scalars[0], isPrivateUse: false)
    }

    /// Every character of `text` that no face in the chain can draw, or that is private-use (外字).
    /// Line breaks and tabs are layout, not glyphs, and are never reported.
    public func uncoveredCharacters(in text: String) throws -> [UncoveredCharacter] {
        try firstFaceDrawsEveryScalar(of: text) ? [] : uncoveredByCluster(in: text)
    }

    /// Whether the first face has a glyph for every scalar of `text` (line breaks and tabs aside)
    /// and none is private-use, a variation selector or a joiner. Then every cluster, of one
    /// scalar or several, is drawn by that face, which is all the cluster walk would find; this
    /// check costs a fraction of it (no grapheme breaking, one face lookup) and almost every
    /// value passes it. Line breaks and tabs are clusters of their own (UAX #29, GB4 and GB5),
    /// so skipping them here skips exactly the clusters the walk skips.
    private func firstFaceDrawsEveryScalar(of text: String) throws -> Bool {
        func isDrawnApart(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value == 0x09 || scalar.value == 0x0A || scalar.value == 0x0D
        }
        func neverDrawnAlone(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isPrivateUse || scalar.isVariationSelector || scalar.isJoinControl
        }
        // The face is asked for once, at the first scalar it must draw (none: no face needed),
        // and then held: taking it from an optional at every scalar retained and released it,
        // atomically, on the one face every thread checks its values against.
        var scalars = text.unicodeScalars.makeIterator()
        var firstDrawn: Unicode.Scalar?
        while firstDrawn == nil, let scalar = scalars.next() {
            if !isDrawnApart(scalar) { firstDrawn = scalar }
        }
        guard let firstDrawn else { return true }
        if neverDrawnAlone(firstDrawn) { return false }
        let face = try self.face(at: 0)
        guard face.covers(firstDrawn) else { return false }
        while let scalar = scalars.next() {
            if isDrawnApart(scalar) { continue }
            if neverDrawnAlone(scalar) || !face.covers(scalar) { return false }
        }
        return true
    }

    /// The uncovered characters found cluster by cluster, as `select(for:)` would set them.
    func uncoveredByCluster(in text: String) throws -> [UncoveredCharacter] {
        var result: [UncoveredCharacter] = []
        for (offset, cluster) in text.enumerated() where !cluster.isLayoutControl {
            if case .uncovered(let scalar, let isPrivateUse) = try select(for: cluster) {
                result.append(UncoveredCharacter(codePoint: scalar.value, offset: offset, isPrivateUse: isPrivateUse))
            }
        }
        return result
    }
}

enum FaceSelection: Equatable {
    case face(Int, variationLost: Bool)
    case uncovered(Unicode.Scalar, isPrivateUse: Bool)
}

/// A character that cannot be printed, by code point and position (the index of its grapheme
/// cluster in the text), so a diagnostic can name it without echoing the surrounding text.
public struct UncoveredCharacter: Sendable, Hashable, CustomStringConvertible {
    public let codePoint: UInt32
    public let offset: Int
    public let isPrivateUse: Bool

    public init(codePoint: UInt32, offset: Int, isPrivateUse: Bool) {
        self.codePoint = codePoint
        self.offset = offset
        self.isPrivateUse = isPrivateUse
    }

    /// "U+20BB7".
    public var codePointLabel: String {
        "U+" + String(codePoint, radix: 16, uppercase: true).leftPadded(to: 4)
    }

    public var description: String { codePointLabel }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
