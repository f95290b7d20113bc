import YorisoiCase
public import YorisoiLayout
public import YorisoiTemplates
public import YorisoiText

/// Binds one case into one template: evaluates every expression, repeat and condition against
/// the case and the municipality profile, and produces the layout engine's box tree.
///
/// The template model (YorisoiTemplates) and the box tree (YorisoiLayout) are kept apart on
/// purpose: templates say what a form contains, the box tree says how it is set; this type is
/// the one place that knows both.
public struct DocumentBinder {
    public let fonts: FontLibrary
    public let template: Template
    /// What the binder uses where the template says nothing (Templates/national/binding-style.yaml).
    public let defaults: BindingStyle
    /// Counts what the template expands into: nested `<repeat>`s multiply, so a short template
    /// and a short case could otherwise ask for millions of paragraphs.
    let budget = BindingBudget()
    /// A family copy's translations, printed under the labels (docs/family-copy.md); nil for
    /// the form as it is.
    public let familyCopy: FamilyCopy?
    /// Which texts take ruby, for which reader (docs/ruby.md); nil: none.
    public let ruby: RubyPlan?

    public init(fonts: FontLibrary, template: Template, defaults: BindingStyle, familyCopy: FamilyCopy? = nil,
                ruby: RubyPlan? = nil) {
        self.fonts = fonts; self.template = template; self.defaults = defaults; self.familyCopy = familyCopy
        self.ruby = ruby
    }

    public func bind(scope: EvaluationScope) throws -> LayoutDocument {
        let base = try style(template.style, inside: nil)
        let (width, height) = template.page.dimensionsMM
        let margins = template.page.margins
        let page = PageSetup(
            paper: .custom(width: Units.mm(min(width, height)), height: Units.mm(max(width, height))),
            orientation: template.page.orientation == .landscape ? .landscape : .portrait,
            margins: EdgeInsets(top: margins.top.points(fontSize: base.size),
                                right: margins.end.points(fontSize: base.size),
                                bottom: margins.bottom.points(fontSize: base.size),
                                left: margins.start.points(fontSize: base.size)))
        let context = Context(scope: scope, style: template.style, text: base)
        return LayoutDocument(
            page: page, defaultStyle: base,
            header: try region(template.header, context),
            footer: try region(template.footer, context),
            body: try referenceNote(context) + blocks(template.body, context),
            title: template.title,
            // A form's last rows are not left alone on a page when a slightly smaller setting keeps them.
            takesBackSpillOver: true)
    }

    /// A header or footer. It may test `pages` (`<if test="pages > 1">`: a notice numbers its
    /// pages only when it has several); the count is known only after layout, so the region is
    /// bound for a document of several pages and marked for leaving out on a single page when
    /// it would print nothing there.
    func region(_ items: [FlowItem], _ context: Context) throws -> PageRegion? {
        guard !items.isEmpty else { return nil }
        func bound(pages: Int) throws -> [Block] {
            try blocks(items, Context(scope: context.scope.forPage(1, of: pages), style: context.style, text: context.text,
                                      glossesParagraphs: false))
        }
        let several = try bound(pages: 2)
        guard !several.isEmpty else { return nil }
        return PageRegion(blocks: several, shownOnSinglePage: !(try bound(pages: 1)).isEmpty)
    }

    /// What an element inherits from the elements around it.
    struct Context {
        var scope: EvaluationScope
        var style: TemplateTextStyle
        var text: TextStyle
        /// A family copy translates literal paragraphs here; a label cell translates its label
        /// as a whole instead.
        var glossesParagraphs = true
    }

    // MARK: Flow

    func blocks(_ items: [FlowItem], _ context: Context) throws -> [Block] {
        try items.flatMap { try blocks($0, context) }
    }

    func blocks(_ item: FlowItem, _ context: Context) throws -> [Block] {
        try budget.spend()
        switch item {
        case .paragraph(let paragraph):
            return try self.paragraph(paragraph, context)
        case .table(let table):
            return [.table(try self.table(table, context))]
        case .checklist(let checklist):
            return try self.checklist(checklist, context)
        case .signatureLine(let line):
            let value = try line.bind.map { try context.scope.evaluate($0) }
            return [.signatureLine(SignatureLineBlock(
                label: try context.scope.render(line.label),
                value: value.flatMap { $0.isEmpty ? nil : $0.text },
                length: line.width?.points(fontSize: context.text.size),
                style: context.text, placement: RowPlacement(alignment: .end, spaceBefore: 4, spaceAfter: 2),
                sourcePath: value?.pointer))]
        case .scale(let scale):
            let value = try scale.bind.map { try context.scope.evaluate($0) }
            return [.scale(ScaleBlock(
                label: try scale.label.map { try context.scope.render($0) },
                minimum: Double(scale.minimum), maximum: Double(scale.maximum),
                ticks: scale.ticks.map(Double.init),
                value: value.flatMap { Double($0.text) },
                barWidth: scale.width?.points(fontSize: context.text.size), faces: scale.faces,
                style: context.text, sourcePath: value?.pointer))]
        case .repeating(let repeated):
            return try context.scope.iterations(of: repeated.header, minimum: repeated.minimum).flatMap { scope in
                try blocks(repeated.content, Context(scope: scope, style: context.style, text: context.text,
                                                     glossesParagraphs: context.glossesParagraphs))
            }
        case .conditional(let conditional):
            return try context.scope.test(conditional.test) ? try blocks(conditional.content, context) : []
        case .spacer(let spacer):
            return [.spacer(SpacerBlock(height: spacer.height.points(fontSize: context.text.size)))]
        case .block(let block):
            let inner = try inherit(block.style, context)
            var result: [Block] = []
            if let space = block.spaceBefore {
                result.append(.spacer(SpacerBlock(height: space.points(fontSize: inner.text.size))))
            }
            result.append(.group(GroupBlock(blocks: try blocks(block.content, inner),
                                            keepTogether: block.keepTogether)))
            return result
        case .pageBreak:
            return [.pageBreak]
        }
    }

    // MARK: Paragraphs

    /// A template's `role` → the paragraph's place in the PDF's structure.
    static func role(_ role: TemplateParagraphRole) -> ParagraphRole {
        switch role {
        case .p: return .paragraph
        case .h1: return .heading(level: 1)
        case .h2: return .heading(level: 2)
        case .h3: return .heading(level: 3)
        case .artifact: return .artifact
        }
    }

    /// A paragraph; one that holds check boxes becomes a line of check items (the box tree
    /// draws boxes as vector squares, never as ☐ glyphs), each item taking the text after it.
    func paragraph(_ paragraph: Paragraph, _ outer: Context) throws -> [Block] {
        let context = try inherit(paragraph.style, outer)
        var pieces = InlinePieces()
        try collect(paragraph.content, context, into: &pieces)
        let size = context.text.size
        let alignment = paragraph.alignment.map(Self.alignment) ?? .justify
        let spaceBefore = paragraph.spaceBefore?.points(fontSize: size) ?? 0
        let spaceAfter = paragraph.spaceAfter?.points(fontSize: size) ?? 0

        guard !pieces.checkItems.isEmpty else {
            guard !pieces.leading.isEmpty else { return [] }
            var block = ParagraphBlock(
                pieces.leading, alignment: alignment, lineHeight: template.lineHeight,
                firstLineIndent: paragraph.indent?.points(fontSize: size) ?? 0,
                startIndent: paragraph.insetStart?.points(fontSize: size) ?? 0,
                endIndent: paragraph.insetEnd?.points(fontSize: size) ?? 0,
                spaceBefore: spaceBefore, spaceAfter: spaceAfter, sourcePath: pieces.sourcePath)
            block.role = paragraph.role.map(Self.role)
            block.isTemplateText = !pieces.printsValues
            guard familyCopy != nil else { return [.paragraph(block)] }
            var glossed: [Block] = [.paragraph(block)]
            if context.glossesParagraphs, !pieces.printsValues {
                glossed += try glosses(of: Self.plainText(block), style: context.text,
                                       alignment: alignment == .center ? .center : .start, recordingMiss: false)
            }
            return glossed + (try translations(of: pieces.pointers, style: context.text))
        }
        var result: [Block] = []
        if !pieces.leading.isEmpty {
            result.append(.paragraph(ParagraphBlock(pieces.leading, alignment: .start, lineHeight: template.lineHeight,
                                                    spaceBefore: spaceBefore, sourcePath: pieces.sourcePath)))
        }
        // A `<br/>` before a check box puts it on a line of its own (守谷市's second, empty box
        // under 「□毎晩10分、…」), so each line is its own run of boxes.
        var lines: [[CheckItem]] = []
        for item in pieces.checkItems {
            var checkItem = CheckItem(item.label, checked: item.checked, sourcePath: item.sourcePath)
            if item.isLiteral { checkItem.gloss = try glossInlines(of: item.label, style: context.text) }
            if item.startsLine || lines.isEmpty { lines.append([checkItem]) } else { lines[lines.count - 1].append(checkItem) }
        }
        for items in lines {
            result.append(.checkList(CheckListBlock(items: items, arrangement: .inline, style: context.text,
                                                    lineHeight: template.lineHeight, sourcePath: pieces.sourcePath)))
        }
        if spaceAfter > 0 { result.append(.spacer(SpacerBlock(height: spaceAfter))) }
        return result
    }

    /// Inline content gathered into plain spans, with check boxes pulled out as items.
    struct InlinePieces {
        struct Item {
            var label: String
            var checked: Bool
            var sourcePath: String?
            /// A line break came before this box: it starts a new line.
            var startsLine = false
            /// The label is the template's own words (a family copy translates only those).
            var isLiteral = true
        }
        var leading: [YorisoiLayout.Inline] = []
        var checkItems: [Item] = []
        var sourcePath: String?
        /// Every case field the paragraph prints (a family copy prints their translations).
        var pointers: [String] = []
        /// A value of the case or profile is among the text (not a label a family copy translates).
        var printsValues = false
        /// A line break after a box's label, not yet known to end the label or to start a box.
        private var pendingBreak = false

        mutating func append(_ text: String, style: TextStyle, underlined: Bool = false) {
            guard !text.isEmpty else { return }
            if checkItems.isEmpty {
                let span = TextSpan(text, style: style)
                leading.append(underlined ? .underlined(span) : .text(span))
            } else if text == "\n" {
                pendingBreak = true
            } else {
                if pendingBreak { checkItems[checkItems.count - 1].label += "\n" }
                pendingBreak = false
                checkItems[checkItems.count - 1].label += text
            }
        }

        mutating func appendCheckItem(_ item: Item) {
            var item = item
            item.startsLine = pendingBreak
            pendingBreak = false
            checkItems.append(item)
        }

        /// A value is printed next: the paragraph, and the check box whose label it joins, are
        /// no longer the template's own words.
        mutating func markValue() {
            printsValues = true
            if !checkItems.isEmpty { checkItems[checkItems.count - 1].isLiteral = false }
        }

        mutating func note(_ pointer: String?) {
            if sourcePath == nil { sourcePath = pointer }
            if let pointer { pointers.append(pointer) }
        }
    }

    func collect(_ content: [TemplateInline], _ context: Context, into pieces: inout InlinePieces) throws {
        for inline in content {
            switch inline {
            case .text(let interpolation, _):
                try interpolate(interpolation, context, into: &pieces)
            case .span(let span):
                try collect(span.content, try inherit(span.style, context), into: &pieces)
            case .lineBreak:
                pieces.append("\n", style: context.text)
            case .checkbox(let checkbox):
                let checked = try checkbox.checked.map { try context.scope.test($0) } ?? false
                let pointer = try checkbox.checked.flatMap { try context.scope.evaluate($0).pointer }
                pieces.appendCheckItem(.init(label: try context.scope.render(checkbox.label), checked: checked,
                                             sourcePath: pointer, isLiteral: Self.isLiteral(checkbox.label)))
            case .blank(let blank):
                pieces.markValue()
                let value = try blank.bind.map { try context.scope.evaluate($0) }
                pieces.note(value?.pointer)
                // The blank is drawn on its rule: empty for handwriting (本人署名, 保護者名), or
                // with the value written on it.
                if let value, !value.isEmpty {
                    pieces.append(value.text, style: context.text, underlined: true)
                } else {
                    let count = max(1, Int((blank.width.points(fontSize: context.text.size) / context.text.size).rounded()))
                    pieces.append(String(repeating: "\u{3000}", count: count), style: context.text, underlined: true)
                }
            case .dateBlank(let blank):
                pieces.markValue()
                if let label = blank.label { pieces.append(try context.scope.render(label), style: context.text) }
                let value = try blank.bind.map { try context.scope.evaluate($0) }
                pieces.note(value?.pointer)
                pieces.append(try DateBlankText.text(value?.isEmpty == false ? value?.text : nil, blank: blank,
                                                     defaultStyle: context.scope.dateStyle),
                              style: context.text)
            }
        }
    }

    /// Fills `{{ }}` slots; `{{ page }}` and `{{ pages }}` stay live for the layout to number.
    func interpolate(_ interpolation: Interpolation, _ context: Context, into pieces: inout InlinePieces) throws {
        for segment in interpolation.segments {
            switch segment {
            case .literal(let text):
                pieces.append(text, style: context.text)
            case .expression(let expression):
                if case .path(let path, _) = expression, path.components.count == 1, path.head == "page" || path.head == "pages" {
                    let inline: YorisoiLayout.Inline = path.head == "page" ? .pageNumber(context.text) : .pageCount(context.text)
                    if pieces.checkItems.isEmpty { pieces.leading.append(inline) }
                    continue
                }
                let value = try context.scope.evaluate(expression)
                pieces.markValue()
                pieces.note(value.pointer)
                pieces.append(value.text, style: context.text)
            }
        }
    }

    // MARK: Tables

    func table(_ table: Table, _ outer: Context) throws -> TableBlock {
        let context = try inherit(table.style, outer)
        let size = context.text.size
        let columns: [ColumnWidth] = table.columns.map {
            switch $0.width {
            case .fixed(let length): return .points(length.points(fontSize: size))
            case .fraction(let share): return .fraction(share)
            }
        }
        let defaultBorders = borders(table.border) ?? .all(.thin)
        let padding = table.padding.map { Self.insets($0, size) }
        var rows: [TableRow] = []
        try appendRows(table.rows, context, borders: defaultBorders, padding: padding, into: &rows)
        return TableBlock(columns: columns, rows: rows, spaceBefore: 0, spaceAfter: 0)
    }

    /// The least height of a blank form row (`<repeat min>`): one line written by hand.
    static let handwritingRowHeight = Units.mm(7)

    func appendRows(_ items: [TableRowItem], _ context: Context, borders: CellBorders, padding: EdgeInsets?,
                    into rows: inout [TableRow]) throws {
        for item in items {
            try budget.spend()
            switch item {
            case .row(let row):
                rows.append(try self.row(row, context, borders: borders, padding: padding))
            case .repeating(let repeated):
                let scopes = try context.scope.iterations(of: repeated.header, minimum: repeated.minimum)
                // Iterations past the list's own items are the form's blank rows (`min`).
                let items = repeated.minimum > 0 ? try context.scope.iterations(of: repeated.header).count : scopes.count
                for (index, scope) in scopes.enumerated() {
                    let first = rows.count
                    try appendRows(repeated.content, Context(scope: scope, style: context.style, text: context.text,
                                                             glossesParagraphs: context.glossesParagraphs),
                                   borders: borders, padding: padding, into: &rows)
                    if index >= items {
                        for row in first..<rows.count {
                            rows[row].isPadding = true
                            // Empty cells make a row a sliver (~3 mm); a blank row is there to be
                            // written in, so it is at least one handwritten line tall.
                            if case .auto = rows[row].height { rows[row].height = .minimum(Self.handwritingRowHeight) }
                        }
                    }
                }
            case .conditional(let conditional):
                if try context.scope.test(conditional.test) {
                    try appendRows(conditional.content, context, borders: borders, padding: padding, into: &rows)
                }
            }
        }
    }

    func row(_ row: TemplateTableRow, _ context: Context, borders: CellBorders, padding: EdgeInsets?) throws -> TableRow {
        let size = context.text.size
        var cells: [TableCell] = []
        var fixedHeight: Double?
        var sourcePath: String?
        for cell in row.cells {
            var inner = try inherit(cell.style, context)
            inner.glossesParagraphs = !(cell.isLabel || row.isHeader)
            var content = try blocks(cell.content, inner)
            // One label style per form: every cell of a header row is a column heading — shaded
            // like a label and centred unless the template aligns it; a label cell of a body row
            // is a row label, set 均等割り or justified by `labelled`. Both keep katakana words
            // whole (the cell shrinks the text rather than split 「モニタリン／グ時期」).
            let isLabel = cell.isLabel || row.isHeader
            if row.isHeader {
                content = content.map { Self.aligned($0, .center) }
            } else if cell.isLabel {
                content = content.map(labelled)
            }
            if isLabel { content = content.map(Self.keepingWords) }
            if let alignment = cell.alignment.map(Self.alignment) { content = content.map { Self.aligned($0, alignment) } }
            if isLabel, familyCopy != nil, Self.isLiteral(cell.content), let label = Self.literalText(content) {
                content += try glosses(of: label, style: inner.text, alignment: row.isHeader ? .center : .start)
            }
            let cellPath = content.lazy.compactMap(Self.sourcePath).first
            sourcePath = sourcePath ?? cellPath
            let overflow: OverflowPolicy
            switch cell.overflow {
            case .report: overflow = .report
            case .shrink, .grow: overflow = .shrink(minimumSize: cell.minimumSize?.points(fontSize: size) ?? defaults.minimumSize)
            }
            // A cell that must not grow fixes its row: the form's box is printed at its size.
            if cell.overflow != .grow, let height = cell.height ?? row.height {
                fixedHeight = max(fixedHeight ?? 0, height.points(fontSize: size))
            }
            cells.append(TableCell(
                content, colspan: cell.colspan, rowspan: cell.rowspan,
                style: CellStyle(background: isLabel ? defaults.labelShade : nil,
                                 verticalAlignment: Self.vertical(cell.verticalAlignment ?? (isLabel ? .middle : .top)),
                                 padding: cell.padding.map { Self.insets($0, size) } ?? padding ?? defaults.cellPadding,
                                 borders: cell.border.flatMap(self.borders) ?? borders),
                overflow: overflow, keepsWhole: isLabel, sourcePath: cellPath))
        }
        let height: RowHeight = fixedHeight.map { .fixed($0) } ?? row.height.map { .minimum($0.points(fontSize: size)) } ?? .auto
        return TableRow(cells: cells, isHeader: row.isHeader, height: height, sourcePath: sourcePath)
    }

    // MARK: Check lists

    func checklist(_ checklist: TemplateChecklist, _ context: Context) throws -> [Block] {
        let state = try ChecklistState.bind(checklist, in: context.scope)
        let pointer = try checklist.bind.flatMap { try context.scope.evaluate($0).pointer }
        func items(_ group: ChecklistState.Group) -> [CheckItem] {
            group.options.map { option in
                var item = CheckItem(option.label, checked: option.isChecked,
                                     writeIn: option.isWriteIn ? WriteIn(text: option.writeIn.isEmpty ? nil : option.writeIn) : nil,
                                     sourcePath: pointer)
                item.gloss = (try? glossInlines(of: option.label, style: context.text)) ?? []
                return item
            }
        }
        let arrangement: CheckListArrangement = checklist.layout == .inline ? .inline : .columns(max(1, checklist.columns))
        if checklist.layout == .grouped {
            return [.table(try catalogueTable(checklist, state: state, context, items: items, arrangement: arrangement,
                                              sourcePath: pointer))]
        }
        var result: [Block] = []
        for group in state.groups {
            // `stacked` prints the paper form's group headings (`grouped` is a table, `inline` has none).
            if let label = group.label, checklist.layout == .stacked {
                result.append(.paragraph(ParagraphBlock(label, style: try heading(context), alignment: .start,
                                                        lineHeight: template.lineHeight)))
                result += try glosses(of: label, style: context.text, alignment: .start)
            }
            result.append(.checkList(CheckListBlock(items: items(group), arrangement: arrangement, style: context.text,
                                                    lineHeight: template.lineHeight, sourcePath: pointer)))
        }
        return result
    }

    /// A `grouped` catalogue as the paper form prints it: a table with the form's column
    /// headings (内容｜…サポート・事業｜時期), one row per group, its label in a label cell as
    /// wide as the longest line of any label (labels break only where the form breaks them).
    func catalogueTable(_ checklist: TemplateChecklist, state: ChecklistState, _ context: Context,
                        items: (ChecklistState.Group) -> [CheckItem], arrangement: CheckListArrangement,
                        sourcePath: String?) throws -> TableBlock {
        let size = context.text.size
        let padding = EdgeInsets(vertical: Units.mm(1), horizontal: Units.mm(1.5))
        let labelStyle = try heading(context)
        let groupHeading = try checklist.groupHeading.map { try context.scope.render($0) }
        let optionsHeading = try checklist.optionsHeading.map { try context.scope.render($0) }
        let periodHeading = try checklist.periodHeading.map { try context.scope.render($0) }

        let labelLines = state.groups.flatMap { ($0.label ?? "").split(separator: "\n").map(String.init) }
            + [groupHeading].compactMap { $0 }
        let widest = try labelLines.map { try ParagraphLayout.naturalWidth([TextSpan($0, style: labelStyle)]) }.max() ?? 0
        // A point of slack so the measured width never wraps on rounding.
        var columns: [ColumnWidth] = [.points(widest + padding.horizontal + 1), .fraction(1)]
        if periodHeading != nil { columns.append(.points(size * 5 + padding.horizontal)) }

        func labelCell(_ text: String) throws -> TableCell {
            var paragraph = ParagraphBlock(text, style: labelStyle, alignment: .center, lineHeight: template.lineHeight)
            paragraph.keepsWords = true
            return TableCell([.paragraph(paragraph)] + (try glosses(of: text, style: context.text, alignment: .center)),
                      style: CellStyle(background: defaults.labelShade, verticalAlignment: .middle, padding: padding),
                      keepsWhole: true)
        }
        var rows: [TableRow] = []
        if groupHeading != nil || optionsHeading != nil || periodHeading != nil {
            var cells = [try labelCell(groupHeading ?? ""), try labelCell(optionsHeading ?? "")]
            if let periodHeading { cells.append(try labelCell(periodHeading)) }
            rows.append(TableRow(cells: cells, isHeader: true))
        }
        for group in state.groups {
            var cells = [try labelCell(group.label ?? "")]
            cells.append(TableCell([.checkList(CheckListBlock(items: items(group), arrangement: arrangement,
                                                              style: context.text, lineHeight: template.lineHeight,
                                                              sourcePath: sourcePath))],
                                   style: CellStyle(verticalAlignment: .middle, padding: padding),
                                   sourcePath: sourcePath))
            if periodHeading != nil { cells.append(TableCell(style: CellStyle(padding: padding))) }
            rows.append(TableRow(cells: cells, sourcePath: sourcePath))
        }
        // A group's options stay together beside their label when they fit on a page.
        return TableBlock(columns: columns, rows: rows, rowSplitting: .avoided, sourcePath: sourcePath)
    }

    /// Group headings in bold gothic, so they stand out on forms set in gothic too (守谷市).
    func heading(_ context: Context) throws -> TextStyle {
        TextStyle(chain: try fonts.chain(family: defaults.headingFamily), size: context.text.size, ruby: context.text.ruby)
    }

    // MARK: Styles and small conversions

    func inherit(_ style: TemplateTextStyle, _ context: Context) throws -> Context {
        let merged = style.inheriting(context.style)
        return Context(scope: context.scope, style: merged, text: try self.style(merged, inside: context.text),
                       glossesParagraphs: context.glossesParagraphs)
    }

    func style(_ style: TemplateTextStyle, inside outer: TextStyle?) throws -> TextStyle {
        let family = style.family?.rawValue ?? defaults.bodyFamily
        let size = style.size?.points(fontSize: outer?.size ?? defaults.bodySize) ?? outer?.size ?? defaults.bodySize
        return TextStyle(chain: try fonts.chain(family: family), size: size, ruby: ruby?.request(for: style))
    }

    static func alignment(_ alignment: TemplateTextAlignment) -> TextAlignment {
        switch alignment {
        case .start: return .start
        case .center: return .center
        case .end: return .end
        case .justify: return .justify
        case .distribute: return .distribute
        }
    }

    static func vertical(_ alignment: TemplateVerticalAlignment) -> VerticalAlignment {
        switch alignment {
        case .top: return .top
        case .middle: return .middle
        case .bottom: return .bottom
        }
    }

    static func insets(_ edges: EdgeLengths, _ size: Double) -> EdgeInsets {
        EdgeInsets(top: edges.top.points(fontSize: size), right: edges.end.points(fontSize: size),
                   bottom: edges.bottom.points(fontSize: size), left: edges.start.points(fontSize: size))
    }

    func borders(_ border: Border) -> CellBorders? {
        switch border {
        case .none: return CellBorders()
        case .line(let width): return .all(BorderLine(width: width.points(fontSize: defaults.borderSize)))
        }
    }

    /// Label cells: short labels (氏名, 住所, 生年月日) are spread across the cell (均等割り);
    /// longer ones are too long to spread and are simply justified.
    func labelled(_ block: Block) -> Block {
        guard case .paragraph(var paragraph) = block else { return block }
        let text = paragraph.content.compactMap { if case .text(let span) = $0 { return span.text } else { return nil } }.joined()
        paragraph.alignment = text.count <= defaults.distributeLabelsUpTo && !text.contains("\n") ? .distribute : .justify
        return .paragraph(paragraph)
    }

    static func keepingWords(_ block: Block) -> Block {
        switch block {
        case .paragraph(var paragraph):
            paragraph.keepsWords = true
            return .paragraph(paragraph)
        case .group(var group):
            group.blocks = group.blocks.map(keepingWords)
            return .group(group)
        default:
            return block
        }
    }

    static func aligned(_ block: Block, _ alignment: TextAlignment) -> Block {
        guard case .paragraph(var paragraph) = block else { return block }
        paragraph.alignment = alignment
        return .paragraph(paragraph)
    }

    static func sourcePath(_ block: Block) -> String? {
        switch block {
        case .paragraph(let p): return p.sourcePath
        case .checkList(let c): return c.sourcePath
        case .group(let g): return g.blocks.lazy.compactMap(sourcePath).first
        default: return nil
        }
    }
}

/// The most template items (paragraphs, rows, repeat iterations…) one document may expand
/// into. The largest real document, a packet's 進行管理表 of 200 cases, uses a few thousand.
final class BindingBudget {
    static let maximumItems = 50_000
    private var spent = 0

    func spend() throws {
        spent += 1
        if spent > Self.maximumItems { throw DocumentTooLong(limit: "\(Self.maximumItems) template items") }
    }
}

/// A document larger than the limits: a case error (E503), not a crash or an hour of layout.
public struct DocumentTooLong: Error {
    public var limit: String
}
