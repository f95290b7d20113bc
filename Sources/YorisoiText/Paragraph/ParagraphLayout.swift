/// Shaping plus JLREQ line breaking: spans in, lines of positioned glyphs out.
public enum ParagraphLayout {
    /// Sets `spans` as one paragraph ("\n" inside a span is a hard line break).
    /// - Parameters:
    ///   - memo: the paragraphs this document laid out before, for those the shared cache does
    ///     not keep.
    ///   - isTemplateText: the template's own words, which the shared cache keeps at any length.
    public static func layout(_ spans: [TextSpan], settings: ParagraphSettings, memo: ParagraphMemo? = nil,
                              isTemplateText: Bool = false) throws -> LaidOutParagraph {
        try ParagraphCache.shared.laidOut(spans, settings: settings, memo: memo, isTemplateText: isTemplateText) {
            try layoutUncached(spans, settings: settings)
        }
    }

    static func layoutUncached(_ spans: [TextSpan], settings: ParagraphSettings) throws -> LaidOutParagraph {
        try RenderCancellation.check()
        let items = try shape(spans)
        guard !items.breakable.isEmpty else {
            return LaidOutParagraph(lines: [], uncovered: items.uncovered, unreadKanji: items.unreadKanji)
        }

        var options = LineBreakOptions(width: settings.width, alignment: settings.alignment)
        options.firstLineIndent = settings.firstLineIndent
        options.keepsWords = settings.keepsWords
        let broken = JapaneseLineBreaker.breakLines(items.breakable, options: options,
                                                    keepingTogether: items.rubies.filter { $0.clusters.count > 1 }.map(\.clusters))
        var rubyIndex = 0

        var lines: [LaidOutLine] = []
        lines.reserveCapacity(broken.count)
        for line in broken {
            var glyphs: [LineGlyph] = []
            glyphs.reserveCapacity(line.clusterRange.count)
            var styles = GlyphStyles()
            var ascent = 0.0, descent = 0.0, largest = 0.0
            // Span run by span run: a line's clusters mostly come from one span.
            var start = line.clusterRange.lowerBound
            while start < line.clusterRange.upperBound {
                let run = items.owners[start].run
                var end = start + 1
                while end < line.clusterRange.upperBound, items.owners[end].run == run { end += 1 }
                let size = items.runs[run].size, language = items.runs[run].language
                largest = max(largest, size)
                // Read in place, field by field: a copy of the cluster retained its text, face and
                // glyphs, and released them again, for every character of every line.
                items.runs[run].clusters.withUnsafeBufferPointer { clusters in
                    // The style and the line's height taken again only when the face changes
                    // (a run's size is one): most runs are set in one face throughout.
                    var lastFace: ObjectIdentifier?
                    var style: UInt16 = 0
                    for index in start..<end {
                        let cluster = items.owners[index].index
                        guard !clusters[cluster].isLineBreak else { continue }
                        if ObjectIdentifier(clusters[cluster].face) != lastFace {
                            let face = clusters[cluster].face
                            lastFace = ObjectIdentifier(face)
                            style = styles.index(of: face, language: language)
                            let metrics = face.metrics
                            ascent = max(ascent, Double(metrics.ascender) / Double(metrics.unitsPerEm) * size)
                            descent = max(descent, Double(-metrics.descender) / Double(metrics.unitsPerEm) * size)
                        }
                        var pen = line.positions[index - line.clusterRange.lowerBound] + items.drawOffset(index)
                        let shapedGlyphs = clusters[cluster].glyphs
                        for n in shapedGlyphs.indices {
                            let glyph = shapedGlyphs[n]
                            glyphs.append(LineGlyph(style: style, fontSize: size, glyphID: glyph.glyphID,
                                                    x: pen + glyph.xOffset * size, yOffset: -glyph.yOffset * size,
                                                    text: n == 0 ? clusters[cluster].text : "",
                                                    variationLost: clusters[cluster].variationLost))
                            pen += glyph.advance * size
                        }
                    }
                }
                start = end
            }
            var hasRuby = false
            // Ruby over the bases that start on this line (a group's base is never split).
            while rubyIndex < items.rubies.count, items.rubies[rubyIndex].clusters.lowerBound < line.clusterRange.upperBound {
                let ruby = items.rubies[rubyIndex]
                rubyIndex += 1
                guard ruby.clusters.lowerBound >= line.clusterRange.lowerBound else { continue }
                let last = ruby.clusters.upperBound - 1
                guard last < line.clusterRange.upperBound else { continue }
                let start = line.positions[ruby.clusters.lowerBound - line.clusterRange.lowerBound] + ruby.padBefore
                let end = line.positions[last - line.clusterRange.lowerBound] + items.breakable[last].advance - ruby.padAfter
                glyphs += ruby.glyphs(baseStart: start, baseEnd: end, lineWidth: max(settings.width, line.width),
                                      styles: &styles)
                ascent = max(ascent, ruby.top)
                hasRuby = true
            }
            if largest == 0 { largest = spans.first?.style.size ?? 10 }
            if glyphs.isEmpty {
                // An empty line (two hard breaks in a row) still takes the height of the text around it.
                ascent = 0.88 * largest
                descent = 0.12 * largest
            }
            // A line with ruby keeps a little room over its readings, so they never touch the
            // line or the rule above (the readings fill a 1.5 pitch's whole leading).
            let clearance = hasRuby ? RubySetting.clearance * largest : 0
            lines.append(LaidOutLine(glyphs: glyphs, styles: styles.all, width: line.width, ascent: ascent + clearance, descent: descent,
                                     pitch: max(settings.lineHeight * largest, ascent + clearance + descent)))
        }
        return LaidOutParagraph(lines: lines, uncovered: items.uncovered, unreadKanji: items.unreadKanji)
    }

    /// The width `spans` would take on one unbroken line, in points.
    public static func naturalWidth(_ spans: [TextSpan]) throws -> Double {
        try shape(spans).breakable.reduce(0) { $0 + $1.advance }
    }

    /// `naturalWidth(spans)`, taken from `memo` when it was measured before (a packet's
    /// confidentiality line, measured again on every page).
    public static func naturalWidth(_ spans: [TextSpan], memo: ParagraphMemo?) throws -> Double {
        guard let memo else { return try naturalWidth(spans) }
        return try memo.naturalWidth(spans) { try naturalWidth(spans) }
    }

    /// The spans shaped, kept per span rather than copied out cluster by cluster with their style
    /// (each copy retained the face, the glyphs and the font chain), and the clusters the breaker
    /// sees, in paragraph order.
    private struct ShapedSpans {
        var runs: [(clusters: [ShapedCluster], size: Double, language: String?)] = []
        /// For each cluster in paragraph order: its run and its index there.
        var owners: [(run: Int, index: Int)] = []
        var breakable: [TextCluster] = []
        var uncovered: [UncoveredCharacter] = []
        /// Ruby over bases in this paragraph, in paragraph order (docs/ruby.md).
        var rubies: [RubySetting] = []
        /// Space added before a ruby base's first cluster (inside its advance), by cluster index.
        var leadingPads: [Int: Double] = [:]
        var unreadKanji = 0

        func drawOffset(_ index: Int) -> Double { leadingPads.isEmpty ? 0 : leadingPads[index] ?? 0 }
    }

    private static func shape(_ spans: [TextSpan]) throws -> ShapedSpans {
        var result = ShapedSpans()
        var offset = 0
        for (index, span) in spans.enumerated() {
            // A tab is set as an ideographic space: forms use it only to push text along.
            let text = span.text.replacingTabs()
            let shaped = try Shaper.shape(text, with: span.style.chain)
            let size = span.style.size
            let run = result.runs.count
            result.runs.append((shaped.clusters, size, span.style.language))
            result.owners.reserveCapacity(result.owners.count + shaped.clusters.count)
            result.breakable.reserveCapacity(result.breakable.count + shaped.clusters.count)
            shaped.clusters.withUnsafeBufferPointer { clusters in
                for position in clusters.indices {
                    result.owners.append((run, position))
                    result.breakable.append(TextCluster(text: clusters[position].isLineBreak ? "\n" : clusters[position].text,
                                                        advance: clusters[position].advance * size, fontSize: size))
                }
            }
            // Ruby is for Japanese text (a family copy's translations take none), and only where
            // every character was drawn, so the readings' offsets match the clusters.
            if let request = span.style.ruby, span.style.language == nil || span.style.language == "ja",
               shaped.uncovered.isEmpty {
                let first = result.breakable.count - shaped.clusters.count
                let found = RubyAnnotator.annotate(text, request: request)
                result.unreadKanji += found.unread
                try RubySetting.add(found.annotations, over: shaped.clusters, startingAt: first, size: size,
                                    chain: span.style.chain, to: &result.breakable, rubies: &result.rubies,
                                    leadingPads: &result.leadingPads)
            }
            result.uncovered += shaped.uncovered.map {
                UncoveredCharacter(codePoint: $0.codePoint, offset: $0.offset + offset, isPrivateUse: $0.isPrivateUse)
            }
            // Counting characters walks the whole text; only a later span needs the offset.
            if index < spans.count - 1 { offset += text.count }
        }
        return result
    }
}

extension String {
    func replacingTabs() -> String {
        // A tab is its own grapheme cluster, so looking for its byte is exact (and spares
        // Foundation's `contains`, which searches by canonical equivalence).
        let hasTab = utf8.withContiguousStorageIfAvailable { $0.contains(0x09) } ?? utf8.contains(0x09)
        return hasTab ? String(map { $0 == "\t" ? "\u{3000}" : $0 }) : self
    }
}
