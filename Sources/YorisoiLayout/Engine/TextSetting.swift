import YorisoiDisplayList
import YorisoiText

/// The bridge to YorisoiText: inlines to spans (page numbers filled in, sizes scaled for
/// shrink-to-fit), and laid-out lines to glyph runs.
struct TextSetting {
    let context: LayoutContext
    /// Font-size factor of a shrink-to-fit attempt (1 = as written).
    let scale: Double

    func style(_ style: TextStyle?) -> TextStyle {
        var result = style ?? context.defaultStyle
        result.size *= scale
        return result
    }

    func spans(_ inlines: [Inline]) -> [TextSpan] {
        ruledSpans(inlines).spans
    }

    /// The spans, and where the underlined ones sit in the joined text (Unicode scalar offsets,
    /// tabs counted as the one ideographic space they are set as).
    func ruledSpans(_ inlines: [Inline]) -> (spans: [TextSpan], underlined: [Range<Int>]) {
        var spans: [TextSpan] = []
        var underlined: [Range<Int>] = []
        // Counting scalars walks the text: only done when something is underlined (rarely).
        let countsOffsets = inlines.contains { if case .underlined = $0 { true } else { false } }
        var offset = 0
        for inline in inlines {
            guard let span = span(inline) else { continue }
            spans.append(span)
            guard countsOffsets else { continue }
            let length = span.text.unicodeScalars.count
            if case .underlined = inline { underlined.append(offset..<(offset + length)) }
            offset += length
        }
        return (spans, underlined)
    }

    private func span(_ inline: Inline) -> TextSpan? {
            switch inline {
            case .text(let span), .underlined(let span):
                guard !span.text.isEmpty else { return nil }
                return TextSpan(span.text, style: style(span.style))
            case .pageNumber(let s):
                guard let numbers = context.pageNumbers else { return nil }
                return TextSpan(String(numbers.page), style: style(s))
            case .pageCount(let s):
                guard let numbers = context.pageNumbers else { return nil }
                return TextSpan(String(numbers.count), style: style(s))
            }
    }

    /// The lines of `spans`; uncovered characters are recorded against `sourcePath`.
    /// `isTemplateText`: the template's own words (`ParagraphBlock.isTemplateText`).
    func lines(_ spans: [TextSpan], settings: ParagraphSettings, sourcePath: String?,
               isTemplateText: Bool = false) throws -> [LaidOutLine] {
        guard !spans.isEmpty else { return [] }
        // A measure narrower than one character cannot hold any line (and the line breaker
        // does not expect it): set one em wide; the caller sees the lines overrun its measure,
        // reports that and leaves out what crosses the edge.
        var settings = settings
        settings.width = max(settings.width, spans.map(\.style.size).max() ?? 0)
        let paragraph = try ParagraphLayout.layout(spans, settings: settings, memo: context.paragraphs,
                                                   isTemplateText: isTemplateText)
        context.addUncovered(paragraph.uncovered, sourcePath: sourcePath)
        if paragraph.unreadKanji > 0 {
            context.report(.unreadKanji(count: paragraph.unreadKanji), .warning, sourcePath: sourcePath)
        }
        return paragraph.lines
    }

    /// One line of `text` at its natural width (for labels, blanks and tick numbers).
    func singleLine(_ text: String, style: TextStyle, sourcePath: String?) throws -> (line: LaidOutLine?, advance: Double) {
        let spans = [TextSpan(text, style: style)]
        let advance = try ParagraphLayout.naturalWidth(spans)
        let lines = try self.lines(spans, settings: ParagraphSettings(width: advance + style.size * 4, alignment: .start,
                                                                        lineHeight: 1), sourcePath: sourcePath)
        return (lines.first, advance)
    }

    /// `line` without the glyphs that end past `width`. Used only for a line already reported as
    /// too wide: the report says what is missing, and no glyph is drawn across a border.
    static func trimmed(_ line: LaidOutLine, to width: Double) -> LaidOutLine {
        var copy = line
        copy.glyphs = line.glyphs.filter { glyph in
            let face = line.face(of: glyph)
            let metrics = face.metrics
            var advance = Double(face.advance(of: glyph.glyphID)) / Double(metrics.unitsPerEm) * glyph.fontSize
            // Full-width closing punctuation is drawn in the left half of its em: the blank half
            // may hang past the edge (the line breaker trims it at a line end).
            if Self.closingPunctuation.contains(glyph.text) { advance /= 2 }
            return glyph.x + advance <= width + 0.01
        }
        return copy
    }

    private static let closingPunctuation: Set<String> = ["、", "。", "，", "．", "）", "」", "』", "】", "〕", "〉", "》"]

    /// Glyph runs for `line` with its left edge at `x` and its baseline at `baseline`, in gray.
    static func glyphRuns(_ line: LaidOutLine, x: Double, baseline: Double, gray: Double = 0) -> [DrawItem] {
        DrawItem.glyphRuns(for: line, x: x, baseline: baseline, color: .gray(gray))
    }
}

extension Block {
    /// The largest font size set anywhere in this block: the size shrink-to-fit steps down from.
    func largestFontSize(default defaultSize: Double) -> Double {
        func inlines(_ content: [Inline]) -> Double {
            content.map { inline -> Double in
                switch inline {
                case .text(let span), .underlined(let span): return span.style.size
                case .pageNumber(let style), .pageCount(let style): return style.size
                }
            }.max() ?? 0
        }
        switch self {
        case .paragraph(let p): return inlines(p.content)
        case .table(let t):
            return t.rows.flatMap(\.cells).flatMap(\.content).map { $0.largestFontSize(default: defaultSize) }.max() ?? 0
        case .group(let g): return g.blocks.map { $0.largestFontSize(default: defaultSize) }.max() ?? 0
        case .checkBox(let c): return max(inlines(c.label), c.style?.size ?? (c.label.isEmpty ? defaultSize : 0))
        case .checkList(let c): return c.style?.size ?? defaultSize
        case .signatureLine(let s): return s.style?.size ?? defaultSize
        case .dateBlank(let d): return d.style?.size ?? defaultSize
        case .scale(let s): return s.style?.size ?? defaultSize
        case .columns(let c):
            return c.columns.flatMap(\.blocks).map { $0.largestFontSize(default: defaultSize) }.max() ?? 0
        case .framed(let f): return f.blocks.map { $0.largestFontSize(default: defaultSize) }.max() ?? 0
        case .spacer, .rule, .pageBreak, .bookmark: return 0
        }
    }
}
