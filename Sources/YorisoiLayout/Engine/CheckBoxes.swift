import YorisoiDisplayList
import YorisoiText

/// Vector check boxes. A ☐/☑ glyph would depend on the font having it (and BIZ UD's ☑ is
/// hard to read at 9 pt); lines print the same everywhere and the tick reads at a glance.
enum CheckBoxMarkDrawing {
    /// Box side for text of `fontSize`: a little smaller than the em, as on printed forms.
    static func side(fontSize: Double) -> Double { (fontSize * 0.8).rounded(toPlaces: 2) }
    /// Gap between the box and its label.
    static func gap(fontSize: Double) -> Double { fontSize * 0.3 }

    /// The box with its top-left corner at (x, y), ticked if `checked`.
    static func items(x: Double, y: Double, side: Double, checked: Bool, mark: CheckMark) -> [DrawItem] {
        let frame = StrokeStyle(lineWidth: max(0.5, side * 0.07), color: .black, cap: .square, join: .miter)
        var items: [DrawItem] = [.rectangle(Rect(x: x, y: y, width: side, height: side), stroke: frame, fill: nil)]
        guard checked else { return items }
        func p(_ fx: Double, _ fy: Double) -> Point { Point(x: x + fx * side, y: y + fy * side) }
        let pen = StrokeStyle(lineWidth: max(0.8, side * 0.14), color: .black, cap: .round, join: .round)
        switch mark {
        case .tick:
            items.append(.path(Path([.move(to: p(0.18, 0.52)), .line(to: p(0.42, 0.78)), .line(to: p(0.84, 0.2))]),
                               stroke: pen, fill: nil))
        case .cross:
            items.append(.line(from: p(0.2, 0.2), to: p(0.8, 0.8), stroke: pen))
            items.append(.line(from: p(0.8, 0.2), to: p(0.2, 0.8), stroke: pen))
        case .fill:
            items.append(.rectangle(Rect(x: x + side * 0.2, y: y + side * 0.2, width: side * 0.6, height: side * 0.6),
                                    stroke: nil, fill: .black))
        }
        return items
    }

    /// Top of a box that sits centred on the ideographic em box of a line with this baseline.
    /// (The em box of CJK fonts runs from 0.88 em above the baseline to 0.12 em below.)
    static func top(baseline: Double, fontSize: Double, side: Double) -> Double {
        baseline - 0.38 * fontSize - side / 2
    }
}

/// A box followed by its label, the label wrapping beside the box (hanging indent).
struct CheckBoxSetter {
    let text: TextSetting

    /// `structure`: the item's LI (its Lbl and LBody follow it in the tree, `StructureBuilder`).
    func strips(checked: Bool, label: [Inline], style: TextStyle?, mark: CheckMark, lineHeight: Double,
                width: Double, sourcePath: String?, structure: StructureRef? = nil) throws -> [Strip] {
        try set(checked: checked, label: label, style: style, mark: mark, lineHeight: lineHeight, width: width,
                sourcePath: sourcePath, structure: structure).strips
    }

    /// A check item set for a row of them: its strips, the baseline of its first line from their
    /// top (where the box sits), and the leading left under the last line's ink.
    struct Item {
        var strips: [Strip]
        var baseline: Double
        var leadingBelow: Double
    }

    /// The item's strips with its first baseline and the leading under it (`Item`).
    func set(checked: Bool, label: [Inline], style: TextStyle?, mark: CheckMark, lineHeight: Double,
             width: Double, sourcePath: String?, structure: StructureRef? = nil) throws -> Item {
        let spans = text.spans(label)
        let size = spans.first?.style.size ?? text.style(style).size
        let side = CheckBoxMarkDrawing.side(fontSize: size)
        let indent = side + CheckBoxMarkDrawing.gap(fontSize: size)
        let measure = max(size, width - indent)
        let lines = try text.lines(spans, settings: ParagraphSettings(width: measure, alignment: .start,
                                                                            lineHeight: lineHeight),
                                        sourcePath: sourcePath)
        var strips: [Strip] = []
        for var line in lines {
            if line.width > measure + 0.01 {
                text.context.lineOverran(by: line.width - measure, sourcePath: sourcePath)
                line = TextSetting.trimmed(line, to: measure)
            }
            strips.append(Strip(height: line.pitch, items: TextSetting.glyphRuns(line, x: indent, baseline: line.baseline)))
        }
        if strips.isEmpty {
            // No label: the box alone still takes a line.
            let pitch = size * lineHeight
            strips.append(Strip(height: pitch))
        }
        let first = lines.first
        let baseline = first?.baseline ?? (strips[0].height - size) / 2 + size * 0.88
        let leadingBelow = lines.last.map { max(0, $0.pitch - $0.baseline - $0.descent) }
            ?? max(0, strips[0].height - baseline - size * 0.12)
        let top = CheckBoxMarkDrawing.top(baseline: baseline, fontSize: size, side: side)
        strips[0].items += CheckBoxMarkDrawing.items(x: 0, y: top, side: side, checked: checked, mark: mark)
        guard let structure else { return Item(strips: strips, baseline: baseline, leadingBelow: leadingBelow) }
        strips = strips.map { $0.stamped(StructureRef(structure.index + 2)) }
        strips[0].items += try announcement(checked: checked, style: spans.first?.style ?? text.style(style),
                                            baseline: baseline, side: side, label: StructureRef(structure.index + 1))
        return Item(strips: strips, baseline: baseline, leadingBelow: leadingBelow)
    }

    /// The box's state in words, for a screen reader and for copied text: 「チェックあり」 or
    /// 「チェックなし」 set invisibly in the box (paper shows the tick), as the Lbl's content. Set
    /// at the label's size on its baseline, squeezed (Tz) to the box's width, so text extraction
    /// reads it on the label's line, just before the label.
    private func announcement(checked: Bool, style: TextStyle, baseline: Double, side: Double,
                              label: StructureRef) throws -> [DrawItem] {
        let words = checked ? StructureBuilder.checkedText : StructureBuilder.uncheckedText
        let (line, advance) = try text.singleLine(words, style: style, sourcePath: nil)
        guard let line, advance > 0 else { return [] }
        return TextSetting.glyphRuns(line, x: 0, baseline: baseline).map { item in
            guard case .glyphRun(var run) = item else { return item }
            run.horizontalScale = side / advance
            run.isInvisible = true
            run.structure = label
            return .glyphRun(run)
        }
    }

    /// The width the item takes on one line: for inline check lists.
    func naturalWidth(label: [Inline], style: TextStyle?) throws -> Double {
        let spans = text.spans(label)
        let size = spans.first?.style.size ?? text.style(style).size
        let labelWidth = spans.isEmpty ? 0 : try ParagraphLayout.naturalWidth(spans)
        return CheckBoxMarkDrawing.side(fontSize: size) + CheckBoxMarkDrawing.gap(fontSize: size) + labelWidth
    }
}

/// A check list: items in equal columns (one strip per row of items), or inline.
struct CheckListSetter {
    let text: TextSetting

    func strips(_ list: CheckListBlock, width: Double) throws -> [Strip] {
        let style = text.style(list.style)
        // Labels carry the style as written: TextSetting applies the shrink factor to every span.
        let itemStyle = list.style ?? text.context.defaultStyle
        let boxes = CheckBoxSetter(text: text)
        func label(_ item: CheckItem) -> [Inline] {
            var string = item.label
            if let writeIn = item.writeIn {
                let filled = writeIn.text.flatMap { $0.isEmpty ? nil : $0 }
                string += writeIn.open + (filled ?? String(repeating: "\u{3000}", count: writeIn.blankCharacters)) + writeIn.close
            }
            return [.text(TextSpan(string, style: itemStyle))] + item.gloss
        }

        var rows: [[(item: CheckBoxSetter.Item, x: Double)]] = []
        switch list.arrangement {
        case .columns(let n), .columnsDown(let n):
            let columns = max(1, n)
            let columnWidth = (width - list.columnGap * Double(columns - 1)) / Double(columns)
            let rowCount = (list.items.count + columns - 1) / columns
            rows = Array(repeating: [], count: rowCount)
            for (index, item) in list.items.enumerated() {
                let (row, column): (Int, Int)
                if case .columnsDown = list.arrangement {
                    (row, column) = (index % rowCount, index / rowCount)
                } else {
                    (row, column) = (index / columns, index % columns)
                }
                let set = try boxes.set(checked: item.checked, label: label(item), style: list.style,
                                        mark: list.mark, lineHeight: list.lineHeight, width: columnWidth,
                                        sourcePath: item.sourcePath ?? list.sourcePath, structure: item.structure)
                rows[row].append((set, Double(column) * (columnWidth + list.columnGap)))
            }
        case .inline:
            var x = 0.0
            var current: [(item: CheckBoxSetter.Item, x: Double)] = []
            for item in list.items {
                let natural = try boxes.naturalWidth(label: label(item), style: list.style)
                if !current.isEmpty, x + natural > width + 0.01 {
                    rows.append(current)
                    current = []
                    x = 0
                }
                let itemWidth = min(natural + style.size, width - x)
                let set = try boxes.set(checked: item.checked, label: label(item), style: list.style,
                                        mark: list.mark, lineHeight: list.lineHeight, width: itemWidth,
                                        sourcePath: item.sourcePath ?? list.sourcePath, structure: item.structure)
                current.append((set, x))
                x += natural + list.columnGap
            }
            if !current.isEmpty { rows.append(current) }
        }

        // A row of items is one strip: items beside each other must stay on the same page. They
        // share their first baseline: a label with ruby over it (or a taller fallback face) sits
        // lower in its line than one without, and the row would read as two. An item moved down
        // keeps the row's height as long as its ink stays inside it: it takes from the leading
        // under its last line (a ruby edition must not run onto a further page for this).
        var strips: [Strip] = []
        for (index, row) in rows.enumerated() {
            let baseline = row.map(\.item.baseline).max() ?? 0
            let tallest = row.map { $0.item.strips.totalHeight }.max() ?? 0
            let inked = row.map { baseline - $0.item.baseline + $0.item.strips.totalHeight - $0.item.leadingBelow }.max() ?? 0
            var strip = Strip(height: max(tallest, inked))
            for (item, x) in row { strip.overlay(stacking: item.strips, dx: x, dy: baseline - item.baseline) }
            if index < rows.count - 1 { strip.height += list.rowGap }
            strips.append(strip)
        }
        return strips
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        var factor = 1.0
        for _ in 0..<places { factor *= 10 }
        return (self * factor).rounded() / factor
    }
}
