import YorisoiLayout
import YorisoiTemplates
import YorisoiText

/// How a family copy prints its translations: under each label, smaller than the label, first
/// in やさしい日本語 (when it says the label differently), then in the family's language — set
/// in that language's fonts and tagged with its language for the PDF.
extension DocumentBinder {
    /// Translations are set at this fraction of the label's size, so the form keeps its shape.
    static let glossScale = 0.8
    /// Their line pitch: tighter than body text, they belong to the label above.
    static let glossLineHeight = 1.25

    /// The translation lines under `label`, as paragraphs; none outside a family copy or for a
    /// label without words. A label neither file translates is recorded (`FamilyCopy.misses`).
    func glosses(of label: String, style: TextStyle, alignment: TextAlignment,
                 recordingMiss: Bool = true) throws -> [Block] {
        try glossSpans(of: label, style: style, recordingMiss: recordingMiss).map {
            .paragraph(ParagraphBlock([.text($0)], alignment: alignment, lineHeight: Self.glossLineHeight))
        }
    }

    /// The same lines for a check box's label: each a hard line after the label.
    func glossInlines(of label: String, style: TextStyle) throws -> [Inline] {
        try glossSpans(of: label, style: style, recordingMiss: true).map {
            .text(TextSpan("\n" + $0.text, style: $0.style))
        }
    }

    private func glossSpans(of label: String, style: TextStyle, recordingMiss: Bool) throws -> [TextSpan] {
        guard let familyCopy else { return [] }
        let key = LabelLanguage.key(label)
        // Marks and numbers alone (「①」, 「：」) have nothing to translate.
        guard key.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) else { return [] }
        let easy = familyCopy.easy.translation(of: label)
        let translated = familyCopy.language.translation(of: label)
        if recordingMiss, easy == nil || translated == nil { familyCopy.misses.record(key) }
        var spans: [TextSpan] = []
        let size = style.size * Self.glossScale
        if let easy, LabelLanguage.key(easy) != key {
            spans.append(TextSpan(easy, style: TextStyle(chain: style.chain, size: size, ruby: style.ruby)))
        }
        if let translated {
            spans.append(TextSpan(translated, style: try languageStyle(size: size)))
        }
        return spans
    }

    /// The family's language at `size`, in its own fonts and tagged with its language.
    func languageStyle(size: Double) throws -> TextStyle {
        guard let familyCopy else { preconditionFailure("a language style outside a family copy") }
        return TextStyle(chain: try fonts.chain(family: familyCopy.language.family), size: size,
                         language: familyCopy.language.tag)
    }

    /// The case's own translations of the fields a paragraph printed, each under it. On a
    /// notice they are marked 参考訳: the Japanese is what binds.
    func translations(of pointers: [String], style: TextStyle) throws -> [Block] {
        guard let familyCopy, !familyCopy.freeText.isEmpty else { return [] }
        var blocks: [Block] = []
        for pointer in pointers {
            guard let text = familyCopy.freeText[pointer] else { continue }
            var spans: [Inline] = []
            if isNotice { spans.append(.text(TextSpan("参考訳　", style: TextStyle(chain: style.chain, size: style.size * Self.glossScale)))) }
            spans.append(.text(TextSpan(text, style: try languageStyle(size: style.size * Self.glossScale))))
            blocks.append(.paragraph(ParagraphBlock(spans, alignment: .start, lineHeight: Self.glossLineHeight)))
        }
        return blocks
    }

    /// 利用勧奨通知書 and 利用措置決定通知書 are administrative dispositions: their Japanese text
    /// binds, and every translation on them is reference only.
    var isNotice: Bool { ["recommendation", "measure"].contains(template.kind) }

    /// A notice's family copy opens with 参考訳 and what it means, in both languages.
    func referenceNote(_ context: Context) throws -> [Block] {
        guard let familyCopy, isNotice else { return [] }
        let size = context.text.size * Self.glossScale
        let japanese = TextStyle(chain: try fonts.chain(family: defaults.headingFamily), size: size)
        let lines: [Inline] = [
            .text(TextSpan("参考訳：この通知の訳は参考です。正式な内容は日本語の文です。", style: japanese)),
            .text(TextSpan("\n" + familyCopy.easy.referenceNote, style: TextStyle(chain: context.text.chain, size: size))),
            .text(TextSpan("\n" + familyCopy.language.referenceNote, style: try languageStyle(size: size))),
        ]
        return [.paragraph(ParagraphBlock(lines, alignment: .start, lineHeight: Self.glossLineHeight, spaceAfter: size))]
    }

    /// The words of bound blocks when they print only the template's own text (a label), nil
    /// when a case value or anything but text is among them.
    static func literalText(_ blocks: [Block]) -> String? {
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                guard paragraph.sourcePath == nil else { return nil }
                parts.append(plainText(paragraph))
            case .group(let group):
                guard let inner = literalText(group.blocks) else { return nil }
                parts.append(inner)
            case .spacer:
                continue
            default:
                return nil
            }
        }
        let text = parts.joined()
        return text.isEmpty ? nil : text
    }

    static func plainText(_ paragraph: ParagraphBlock) -> String {
        paragraph.content.compactMap {
            switch $0 {
            case .text(let span), .underlined(let span): return span.text
            default: return nil
            }
        }.joined()
    }
}

/// Whether template content prints only the template's own words: a family copy translates
/// labels, never what a case or profile put into them (a date after 「生年月日：」).
extension DocumentBinder {
    static func isLiteral(_ interpolation: Interpolation) -> Bool {
        interpolation.segments.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    static func isLiteral(_ items: [FlowItem]) -> Bool {
        items.allSatisfy { item in
            switch item {
            case .paragraph(let paragraph): return isLiteral(paragraph.content)
            case .block(let block): return isLiteral(block.content)
            case .conditional(let conditional): return isLiteral(conditional.content)
            case .spacer: return true
            default: return false
            }
        }
    }

    static func isLiteral(_ inlines: [TemplateInline]) -> Bool {
        inlines.allSatisfy { inline in
            switch inline {
            case .text(let interpolation, _): return isLiteral(interpolation)
            case .span(let span): return isLiteral(span.content)
            case .lineBreak: return true
            case .checkbox(let checkbox): return isLiteral(checkbox.label)
            case .blank, .dateBlank: return false
            }
        }
    }
}
