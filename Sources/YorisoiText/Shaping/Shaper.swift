internal import CHarfBuzz
internal import YorisoiUnicode

/// HarfBuzz shaping with per-grapheme-cluster font fallback.
///
/// The text is itemised into runs of clusters that share a face (a base character and its
/// variation selector always stay in one cluster, hence in one face), each run is shaped on its
/// own, and glyphs are mapped back to the clusters they came from.
public enum Shaper {
    public static func shape(_ text: String, with chain: FontChain) throws -> ShapedText {
        try ShapeCache.shared.shaped(text, chain: chain) { try shapeUncached(text, with: chain) }
    }

    static func shapeUncached(_ text: String, with chain: FontChain) throws -> ShapedText {
        try shapeOneScalarClusters(text, with: chain) ?? shapeByGraphemeClusters(text, with: chain)
    }

    /// The general path: grapheme clusters as Swift breaks them, a face chosen for each.
    static func shapeByGraphemeClusters(_ text: String, with chain: FontChain) throws -> ShapedText {
        var uncovered: [UncoveredCharacter] = []
        var items: [(cluster: Character, face: Int?, variationLost: Bool)] = []
        for (offset, cluster) in text.enumerated() {
            if cluster.isLayoutControl {
                items.append((cluster, nil, false))
                continue
            }
            switch try chain.select(for: cluster) {
            case .face(let index, let variationLost):
                items.append((cluster, index, variationLost))
            case .uncovered(let scalar, let isPrivateUse):
                uncovered.append(UncoveredCharacter(codePoint: scalar.value, offset: offset, isPrivateUse: isPrivateUse))
            }
        }

        var clusters: [ShapedCluster] = []
        var runStart = 0
        while runStart < items.count {
            guard let faceIndex = items[runStart].face else {
                let item = items[runStart]
                // Tabs are set as a space-like gap by layout; only line feeds break lines.
                clusters.append(ShapedCluster(text: String(item.cluster), face: try chain.primaryFace(), glyphs: [],
                                              variationLost: false, isLineBreak: item.cluster != "\t"))
                runStart += 1
                continue
            }
            var runEnd = runStart + 1
            while runEnd < items.count, items[runEnd].face == faceIndex { runEnd += 1 }
            let run = items[runStart..<runEnd]
            var utf8: [UInt8] = []
            var starts: [Int] = []   // UTF-8 offset where each character begins
            for item in run {
                starts.append(utf8.count)
                utf8.append(contentsOf: item.cluster.utf8)
            }
            let characters = run.map(\.cluster)
            shapeRun(utf8: utf8, starts: starts, face: try chain.face(at: faceIndex), into: &clusters,
                     text: { String(characters[$0]) },
                     hasSelector: { characters[$0].unicodeScalars.contains(where: \.isVariationSelector) },
                     variationLost: { run[runStart + $0].variationLost })
            runStart = runEnd
        }
        return ShapedText(clusters: clusters, uncovered: uncovered)
    }

    /// The same result for a text whose every grapheme cluster is one scalar, found without
    /// grapheme breaking: every scalar stands alone (`standsAloneInGraphemeClusters`: kana,
    /// ideographs, ASCII, full-width forms) and none is a CR, the one pair such scalars make.
    /// Almost every value a form prints is such a text. Such a scalar is never private-use, a
    /// variation selector or a joiner, so its face is the first that has its glyph — what
    /// `FontChain.select(for:)` answers for a one-scalar cluster — and the runs, their bytes and
    /// the cluster offsets are the general path's. Nil for any other text.
    static func shapeOneScalarClusters(_ text: String, with chain: FontChain) throws -> ShapedText? {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count / 2)
        for scalar in text.unicodeScalars {
            guard scalar.standsAloneInGraphemeClusters, scalar.value != 0x0D else { return nil }
            scalars.append(scalar)
        }
        guard !scalars.isEmpty else { return ShapedText(clusters: [], uncovered: []) }
        var uncovered: [UncoveredCharacter] = []
        // The face index of each scalar: -1 for a line feed or tab, -2 when no face has it.
        var faces = [Int](repeating: -1, count: scalars.count)
        let first = try chain.face(at: 0)
        for (index, scalar) in scalars.enumerated() where scalar.value != 0x0A && scalar.value != 0x09 {
            if first.covers(scalar) { faces[index] = 0; continue }
            faces[index] = -2
            for slot in 1..<chain.count where try chain.face(at: slot).covers(scalar) {
                faces[index] = slot
                break
            }
            if faces[index] == -2 {
                uncovered.append(UncoveredCharacter(codePoint: scalar.value, offset: index, isPrivateUse: false))
            }
        }

        var clusters: [ShapedCluster] = []
        clusters.reserveCapacity(scalars.count)
        var utf8: [UInt8] = []
        var starts: [Int] = []
        var members: [Int] = []   // the scalars of the current run, uncovered ones left out
        var index = 0
        while index < scalars.count {
            let faceIndex = faces[index]
            if faceIndex == -2 { index += 1; continue }
            guard faceIndex >= 0 else {
                clusters.append(ShapedCluster(text: String(Character(scalars[index])), face: first, glyphs: [],
                                              variationLost: false, isLineBreak: scalars[index].value == 0x0A))
                index += 1
                continue
            }
            // A run: as far as the face stays the same, across scalars no face has (as the
            // general path drops those before it forms runs).
            utf8.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            members.removeAll(keepingCapacity: true)
            while index < scalars.count, faces[index] == faceIndex || faces[index] == -2 {
                if faces[index] == faceIndex {
                    members.append(index)
                    starts.append(utf8.count)
                    UTF8.encode(scalars[index]) { utf8.append($0) }
                }
                index += 1
            }
            shapeRun(utf8: utf8, starts: starts, face: try chain.face(at: faceIndex), into: &clusters,
                     text: { String(Character(scalars[members[$0]])) },
                     hasSelector: { _ in false },
                     variationLost: { _ in false })
        }
        return ShapedText(clusters: clusters, uncovered: uncovered)
    }

    /// Shapes one same-face run and appends one `ShapedCluster` per source cluster to `result`
    /// (merged where HarfBuzz joined several into one glyph cluster). `utf8` holds the run's
    /// clusters back to back, cluster `i` starting at `starts[i]`; the closures give cluster `i`'s
    /// text, whether it holds a variation selector, and whether its selector was lost in face
    /// selection.
    static func shapeRun(utf8: [UInt8], starts: [Int], face: FontFace, into result: inout [ShapedCluster],
                         text: (Int) -> String, hasSelector: (Int) -> Bool, variationLost: (Int) -> Bool) {
        let buffer = hb_buffer_create()!
        defer { hb_buffer_destroy(buffer) }
        utf8.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                hb_buffer_add_utf8(buffer, chars.baseAddress, Int32(chars.count), 0, Int32(chars.count))
            }
        }
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_language(buffer, Self.japanese)
        hb_buffer_guess_segment_properties(buffer)
        hb_shape(face.font, buffer, nil, 0)

        var count: UInt32 = 0
        let infos = hb_buffer_get_glyph_infos(buffer, &count)!
        let positions = hb_buffer_get_glyph_positions(buffer, &count)!
        let em = Double(face.metrics.unitsPerEm)

        var glyphsOf = [ClusterGlyphs](repeating: [], count: starts.count)
        // Whether a cluster holds a variation selector, found once per cluster: asked for every
        // zero-advance glyph, a cluster of N marks would otherwise be walked N times (quadratic:
        // 50,000 marks took 29 s).
        var selectorIn = [Bool?](repeating: nil, count: starts.count)
        for i in 0..<Int(count) {
            let info = infos[i], position = positions[i]
            // Cluster values are UTF-8 offsets into the run: find the cluster that starts there.
            let owner = Self.lastIndex(in: starts, notAfter: Int(info.cluster))
            let glyph = ShapedGlyph(glyphID: info.codepoint, advance: Double(position.x_advance) / em,
                                    xOffset: Double(position.x_offset) / em, yOffset: Double(position.y_offset) / em)
            // A selector the face does not register comes back as a zero-advance space glyph in
            // the same cluster; drawing it would add a stray space to the extracted text.
            if !glyphsOf[owner].isEmpty, position.x_advance == 0 {
                let selector = selectorIn[owner] ?? hasSelector(owner)
                selectorIn[owner] = selector
                if selector { continue }
            }
            glyphsOf[owner].append(glyph)
        }

        let runStart = result.count
        for index in starts.indices {
            if glyphsOf[index].isEmpty, result.count > runStart {
                // Part of a ligature that belongs to the previous cluster.
                result[result.count - 1].text += text(index)
                continue
            }
            result.append(ShapedCluster(text: text(index), face: face, glyphs: glyphsOf[index],
                                        variationLost: variationLost(index), isLineBreak: false))
        }
    }

    static func lastIndex(in starts: [Int], notAfter offset: Int) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    nonisolated(unsafe) private static let japanese = hb_language_from_string("ja", -1)
}
