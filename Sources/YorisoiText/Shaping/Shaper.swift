internal import CHarfBuzz

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
            clusters += shapeRun(run.map(\.cluster), lost: run.map(\.variationLost), face: try chain.face(at: faceIndex))
            runStart = runEnd
        }
        return ShapedText(clusters: clusters, uncovered: uncovered)
    }

    /// Shapes one same-face run and returns one `ShapedCluster` per source cluster (merged where
    /// HarfBuzz joined several into one glyph cluster).
    static func shapeRun(_ characters: [Character], lost: [Bool], face: FontFace) -> [ShapedCluster] {
        var utf8: [UInt8] = []
        var starts: [Int] = []   // UTF-8 offset where each character begins
        for character in characters {
            starts.append(utf8.count)
            utf8.append(contentsOf: character.utf8)
        }
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

        var glyphsOf = [[ShapedGlyph]](repeating: [], count: characters.count)
        // Whether a character holds a variation selector, found once per character: asked for
        // every zero-advance glyph, a cluster of N marks would otherwise be walked N times
        // (quadratic: 50,000 marks took 29 s).
        var hasSelector = [Bool?](repeating: nil, count: characters.count)
        for i in 0..<Int(count) {
            let info = infos[i], position = positions[i]
            // Cluster values are UTF-8 offsets into the run: find the character that starts there.
            let owner = Self.lastIndex(in: starts, notAfter: Int(info.cluster))
            let glyph = ShapedGlyph(glyphID: info.codepoint, advance: Double(position.x_advance) / em,
                                    xOffset: Double(position.x_offset) / em, yOffset: Double(position.y_offset) / em)
            // A selector the face does not register comes back as a zero-advance space glyph in
            // the same cluster; drawing it would add a stray space to the extracted text.
            if !glyphsOf[owner].isEmpty, position.x_advance == 0 {
                let selector = hasSelector[owner] ?? characters[owner].unicodeScalars.contains(where: \.isVariationSelector)
                hasSelector[owner] = selector
                if selector { continue }
            }
            glyphsOf[owner].append(glyph)
        }

        var result: [ShapedCluster] = []
        for (index, character) in characters.enumerated() {
            if glyphsOf[index].isEmpty, !result.isEmpty {
                // Part of a ligature that belongs to the previous cluster.
                result[result.count - 1].text.append(character)
                continue
            }
            result.append(ShapedCluster(text: String(character), face: face, glyphs: glyphsOf[index],
                                        variationLost: lost[index], isLineBreak: false))
        }
        return result
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
