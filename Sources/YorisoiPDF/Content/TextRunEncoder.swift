/// Turns one glyph run into `BT … TJ … ET`.
///
/// Positioning: `Tm` puts the pen at the run origin; inside `TJ` each glyph is preceded by an
/// adjustment of (pen − wanted x) in thousandths of the font size, where the pen has advanced by
/// the glyph's /W width. So every glyph lands exactly at layout's x whatever the font's own
/// advances are (justification, 均等割り, kerning). Vertical offsets use the text rise `Ts`.
///
/// Text extraction: a cluster (a glyph carrying text plus any following glyphs with "") whose
/// ToUnicode mapping would not spell the cluster's text gets `/Span <</ActualText …>> BDC … EMC`.
struct TextRunEncoder {
    let run: GlyphRun
    let font: EmbeddedFont
    let pageHeight: Double

    func encode(into content: ContentStream) {
        guard !run.glyphs.isEmpty else { return }
        // An outlined run (the draft mark) sets stroke state and the rendering mode, which
        // outlive ET: its own q/Q keeps them from the runs after it.
        // Tr and Tz outlive ET: an invisible run (3) keeps them inside its own q/Q.
        if run.isInvisible && run.outline == nil { content.save() }
        if let outline = run.outline {
            content.save()
            content.strokeColor(outline.color)
            content.lineWidth(outline.lineWidth)
            if outline.join != .miter { content.lineJoin(outline.join) }
        }
        content.beginText()
        content.fillColor(run.color)
        content.font(font.resourceName, size: run.fontSize)
        if run.isInvisible { content.textRenderingMode(3) } else if run.outline != nil { content.textRenderingMode(2) }
        // Tz outlives ET too; only invisible runs (inside their q/Q) use it.
        if run.isInvisible && run.horizontalScale != 1 { content.horizontalScaling(run.horizontalScale * 100) }
        if run.turn == .none {
            content.textOrigin(run.origin.x, pageHeight - run.origin.y)
        } else {
            // A turned run (the draft mark) turns text space itself, so the TJ adjustments and the
            // rise follow its baseline. PDF's y runs up: a counter-clockwise turn keeps its sine.
            let turn = run.turn
            content.textMatrix(turn.cosine, turn.sine, -turn.sine, turn.cosine, run.origin.x, pageHeight - run.origin.y)
        }

        let tj = ContentStream.PositionedText(content)
        var pen = 0.0
        var rise = 0.0
        let fontSize = run.fontSize
        // Read in place: a copy of each glyph retained and released its text.
        run.glyphs.withUnsafeBufferPointer { glyphs in
            // Cluster by cluster: a glyph with text starts one, "" glyphs continue it.
            var start = 0
            while start < glyphs.count {
                var end = start + 1
                while end < glyphs.count && glyphs[end].text.isEmpty { end += 1 }
                let cluster = start..<end
                start = end
                let actualText = actualText(for: cluster, of: glyphs)
                if let actualText { tj.flush(); content.beginActualText(actualText) }
                for index in cluster {
                    let wantedRise = -glyphs[index].y
                    // (Equal values write equal numbers: the usual case, a rise of 0, skips rounding.)
                    if wantedRise != rise, PDFNumber.units(wantedRise) != PDFNumber.units(rise) {
                        tj.flush()
                        content.textRise(wantedRise)
                        rise = wantedRise
                    }
                    let x = glyphs[index].x
                    let adjustment = PDFNumber.units((pen - x) * 1000 / fontSize)
                    if adjustment != 0 { tj.adjust(units: adjustment) }
                    // Every glyph is in the subset: EmbeddedFont.init refuses otherwise.
                    let (cid, width) = font.placement(of: glyphs[index].glyphID)
                    tj.glyph(cid)
                    pen = x + Double(width) * fontSize / 1000
                }
                if actualText != nil { tj.flush(); content.endMarkedContent() }
            }
        }
        tj.flush()
        // Ts is text state and outlives ET; leave it as we found it.
        if PDFNumber.units(rise) != 0 { content.textRise(0) }
        content.endText()
        if run.outline != nil || run.isInvisible { content.restore() }
    }

    /// The cluster's text if ToUnicode alone would extract something else, nil otherwise.
    private func actualText(for cluster: Range<Int>, of glyphs: UnsafeBufferPointer<PositionedGlyph>) -> String? {
        if cluster.count == 1 {
            // Most clusters are one glyph. (`==` compares equal bytes without normalising.)
            let index = cluster.lowerBound
            guard let mapped = font.mappedText(of: glyphs[index].glyphID) else {
                return glyphs[index].text.isEmpty ? nil : glyphs[index].text
            }
            return mapped == glyphs[index].text ? nil : glyphs[index].text
        }
        let wanted = glyphs[cluster].map(\.text).joined()
        let mapped = glyphs[cluster].map { font.mappedText(of: $0.glyphID) ?? "" }.joined()
        return mapped == wanted ? nil : wanted
    }
}
