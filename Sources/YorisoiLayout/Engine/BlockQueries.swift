/// Questions the engine asks of box-tree blocks before it sets them.
extension Block {
    /// The block as a packet prints it, with the document's own page numbers left out: the
    /// number inlines go, and so does text around them that only makes sense with them
    /// (「 / 」, 「ページ」, 「－」). nil when nothing is left.
    var withoutPageNumbers: Block? {
        switch self {
        case .paragraph(var paragraph):
            guard paragraph.content.contains(where: \.isPageNumber) else { return self }
            paragraph.content = paragraph.content.filter { !$0.isPageNumber && !$0.isPageNumberDecoration }
            if case .text(var last) = paragraph.content.last {
                last.text = String(last.text.reversed().drop { $0 == " " || $0 == "\u{3000}" }.reversed())
                paragraph.content[paragraph.content.count - 1] = .text(last)
            }
            let remaining = paragraph.content.contains {
                if case .text(let span) = $0 { return !span.text.allSatisfy { $0 == " " || $0 == "\u{3000}" } }
                return true
            }
            return remaining ? .paragraph(paragraph) : nil
        case .group(var group):
            group.blocks = group.blocks.compactMap(\.withoutPageNumbers)
            return group.blocks.isEmpty ? nil : .group(group)
        default:
            return self
        }
    }

    /// A handwriting blank (signature, 保護者名) is somewhere in the block.
    var holdsHandwritingBlank: Bool {
        switch self {
        case .paragraph(let paragraph):
            return paragraph.content.contains {
                if case .underlined(let span) = $0 { return span.text.allSatisfy { $0 == "\u{3000}" || $0 == " " } }
                return false
            }
        case .signatureLine(let line): return line.value == nil
        case .group(let group): return group.blocks.contains(where: \.holdsHandwritingBlank)
        default: return false
        }
    }
}

extension Inline {
    var isPageNumber: Bool {
        switch self {
        case .pageNumber, .pageCount: return true
        case .text, .underlined: return false
        }
    }

    /// Text such as 「 / 」「ページ」「頁」「－」 that only goes with a page number.
    var isPageNumberDecoration: Bool {
        guard case .text(let span) = self else { return false }
        let stripped = span.text.replacingAll(Self.pageWords)
        return stripped.allSatisfy { Self.pageMarks.contains($0) }
    }

    private static let pageWords = ["ページ", "頁", "p."]
    private static let pageMarks: Set<Character> = [" ", "\u{3000}", "/", "／", "-", "－", "ー", "(", ")", "（", "）"]
}

extension String {
    fileprivate func replacingAll(_ words: [String]) -> String {
        var result = self
        for word in words {
            while let range = result.firstRange(of: word) { result.removeSubrange(range) }
        }
        return result
    }
}
