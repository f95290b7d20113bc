/// /PageLabels number tree (PDF 1.7 §12.4.2), written flat as a single /Nums array:
/// a municipal notice has a handful of ranges at most.
enum PageLabels {
    static func validate(_ ranges: [PageLabelRange], pageCount: Int) throws(PDFError) {
        guard !ranges.isEmpty else { return }
        guard ranges[0].firstPageIndex == 0 else { throw PDFError.invalidPageLabels }
        for (previous, next) in zip(ranges, ranges.dropFirst())
        where next.firstPageIndex <= previous.firstPageIndex {
            throw PDFError.invalidPageLabels
        }
        for range in ranges where range.firstPageIndex >= pageCount || range.firstNumber < 1 {
            throw PDFError.invalidPageLabels
        }
    }

    static func write(_ ranges: [PageLabelRange], to dict: DictWriter) {
        dict.key("PageLabels").dict { tree in
            tree.key("Nums").array { nums in
                for range in ranges {
                    nums.int(range.firstPageIndex)
                    nums.item().dict { label in
                        if let style = styleName(range.style) { label.name("S", style) }
                        if !range.prefix.isEmpty { label.key("P").textString(range.prefix) }
                        if range.firstNumber != 1 { label.int("St", range.firstNumber) }
                    }
                }
            }
        }
    }

    static func styleName(_ style: PageLabelRange.Style) -> String? {
        switch style {
        case .decimal: "D"
        case .upperRoman: "R"
        case .lowerRoman: "r"
        case .upperAlpha: "A"
        case .lowerAlpha: "a"
        case .none: nil
        }
    }
}
