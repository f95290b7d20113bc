/// Turns a validated XML tree into a `TemplateDocument`: typed attributes, parsed expressions,
/// implicit paragraphs, normalised whitespace. Checks the schema cannot express (expression
/// syntax, unique block names) happen here; field paths are not checked against any case.
struct TemplateBuilder {
    static let inlineNames: Set<String> = ["span", "br", "checkbox", "blank", "date-blank"]

    private var blockNames: [String: TemplateLocation] = [:]

    static func build(_ root: XMLElement, file: String) throws(TemplateError) -> TemplateDocument {
        var builder = TemplateBuilder()
        return try builder.document(root, file: file)
    }

    private mutating func document(_ root: XMLElement, file: String) throws(TemplateError) -> TemplateDocument {
        guard root.name == "template" else {
            throw TemplateError(.schemaViolation, at: root.location, "the root element must be <template>, not <\(root.name)>")
        }
        let a = AttributeReader(root)
        let kind = try a.required("kind")
        var header: [FlowItem]?
        var footer: [FlowItem]?
        var bodyContent: [XMLContent] = []
        var unprinted: [UnprintedValue]?
        for child in root.children {
            if case .element(let e) = child, e.name == "unprinted" {
                unprinted = try unprintedValues(e)
            } else if case .element(let e) = child, e.name == "header" {
                header = try flow(e.children)
            } else if case .element(let e) = child, e.name == "footer" {
                footer = try flow(e.children)
            } else {
                bodyContent.append(child)
            }
        }
        let body = try flow(bodyContent)
        return TemplateDocument(
            file: file, location: root.location, kind: kind.value, kindLocation: kind.location,
            extends: a.raw("extends"), title: a.string("title"),
            pageSize: try a.choice("page", TemplatePaperSize.self),
            orientation: try a.choice("orientation", TemplateOrientation.self),
            margins: try a.edges("margin"), style: try a.style(),
            lineHeight: try a.number("line-height", in: 0.8...4),
            header: header, footer: footer, body: body, sources: [file], unprinted: unprinted)
    }

    /// `<unprinted><value path="…" reason="…"/>…</unprinted>`: the values this form leaves out.
    private func unprintedValues(_ e: XMLElement) throws(TemplateError) -> [UnprintedValue] {
        var values: [UnprintedValue] = []
        for case .element(let value) in e.children where value.name == "value" {
            let a = AttributeReader(value)
            let path = try a.required("path")
            guard let pattern = CasePathPattern(path.value) else {
                throw a.bad(path, "a case path such as family, plan.actions or guardians[1:]")
            }
            let reason = try a.required("reason")
            var exceptIndex: CasePathPattern?
            if let except = a.raw("except-index") {
                guard let pattern = CasePathPattern(except.value), pattern.plainPointer != nil else {
                    throw a.bad(except, "a case path without list steps, such as recommendation.addressee")
                }
                exceptIndex = pattern
            }
            values.append(UnprintedValue(path: pattern, reason: reason.value, exceptIndex: exceptIndex,
                                         location: value.location))
        }
        return values
    }

    // MARK: Flow

    /// Flow content; runs of inline content become implicit paragraphs.
    private mutating func flow(_ children: [XMLContent]) throws(TemplateError) -> [FlowItem] {
        var items: [FlowItem] = []
        var run: [XMLContent] = []
        func flush(_ items: inout [FlowItem], _ builder: inout TemplateBuilder) throws(TemplateError) {
            defer { run.removeAll() }
            let inlines = try builder.inline(run)
            guard !inlines.isEmpty, let first = run.first else { return }
            let location: TemplateLocation
            switch first {
            case .element(let e): location = e.location
            case .text(_, let l): location = l
            }
            items.append(.paragraph(Paragraph(content: inlines, location: location)))
        }
        for child in children {
            switch child {
            case .text:
                run.append(child)
            case .element(let e) where Self.inlineNames.contains(e.name):
                run.append(child)
            case .element(let e):
                try flush(&items, &self)
                items.append(try flowItem(e))
            }
        }
        try flush(&items, &self)
        return items
    }

    private mutating func flowItem(_ e: XMLElement) throws(TemplateError) -> FlowItem {
        let a = AttributeReader(e)
        switch e.name {
        case "text":
            return .paragraph(Paragraph(
                content: try inline(e.children), style: try a.style(),
                alignment: try a.choice("align", TemplateTextAlignment.self), indent: try a.length("indent"),
                insetStart: try a.length("inset-start"), insetEnd: try a.length("inset-end"),
                spaceBefore: try a.length("space-before"), spaceAfter: try a.length("space-after"),
                role: try a.choice("role", TemplateParagraphRole.self), location: e.location))
        case "block":
            var name: String?
            if let attribute = a.raw("name") {
                if let previous = blockNames[attribute.value] {
                    throw TemplateError(.duplicateName, at: attribute.location,
                                        "block name \"\(attribute.value)\" is already used at \(previous)")
                }
                blockNames[attribute.value] = attribute.location
                name = attribute.value
            }
            return .block(TemplateBlock(name: name, keepTogether: try a.bool("keep-together") ?? false,
                                style: try a.style(), spaceBefore: try a.length("space-before"),
                                content: try flow(e.children), location: e.location))
        case "table":
            return .table(try table(e))
        case "checklist":
            return .checklist(try checklist(e))
        case "signature-line":
            return .signatureLine(SignatureLine(label: try a.interpolation("label") ?? .literal(""),
                                                width: try a.length("width"), bind: try a.expression("bind"),
                                                location: e.location))
        case "scale":
            let minimum = try a.integer("min", in: -10_000...10_000) ?? 0
            let maximum = try a.integer("max", in: -10_000...10_000) ?? 100
            if maximum <= minimum, let attribute = a.raw("max") {
                throw a.bad(attribute, "a maximum greater than min (\(minimum))")
            }
            return .scale(Scale(minimum: minimum, maximum: maximum,
                                step: try a.integer("step", in: 1...10_000) ?? max((maximum - minimum) / 4, 1),
                                bind: try a.expression("bind"), label: try a.interpolation("label"),
                                width: try a.length("width"), faces: try a.bool("faces") ?? false,
                                location: e.location))
        case "spacer":
            return .spacer(Spacer(height: try a.length("height") ?? .zero, location: e.location))
        case "page-break":
            return .pageBreak(e.location)
        case "repeat":
            return .repeating(Repeat(header: try loopHeader(e), minimum: try a.integer("min", in: 0...100) ?? 0,
                                     content: try flow(e.children), location: e.location))
        case "if":
            return .conditional(Conditional(test: try testExpression(e), content: try flow(e.children),
                                            location: e.location))
        default:
            throw TemplateError(.schemaViolation, at: e.location, "<\(e.name)> is not allowed here")
        }
    }

    // MARK: TemplateInline

    private mutating func inline(_ children: [XMLContent]) throws(TemplateError) -> [TemplateInline] {
        var out: [TemplateInline] = []
        for child in children {
            switch child {
            case .text(let raw, let location):
                let interpolation = try InterpolationParser.parse(raw, at: location)
                let normalised = WhitespaceNormalizer.normalize(interpolation)
                if !normalised.segments.isEmpty { out.append(.text(normalised, location)) }
            case .element(let e):
                let a = AttributeReader(e)
                switch e.name {
                case "span":
                    out.append(.span(Span(content: try inline(e.children), style: try a.style(),
                                          underline: try a.bool("underline") ?? false, location: e.location)))
                case "br":
                    out.append(.lineBreak(e.location))
                case "checkbox":
                    out.append(.checkbox(Checkbox(checked: try a.expression("checked"),
                                                  label: try a.interpolation("label") ?? .literal(""),
                                                  location: e.location)))
                case "blank":
                    out.append(.blank(Blank(width: try a.length("width") ?? .zw(6), bind: try a.expression("bind"),
                                            location: e.location)))
                case "date-blank":
                    out.append(.dateBlank(DateBlank(
                        bind: try a.expression("bind"),
                        precision: try a.choice("precision", DateBlank.Precision.self) ?? .ymd,
                        calendar: try a.choice("calendar", DateBlank.Calendar.self) ?? .profile,
                        label: try a.interpolation("label"), location: e.location)))
                default:
                    throw TemplateError(.schemaViolation, at: e.location, "<\(e.name)> is not allowed inside text")
                }
            }
        }
        return WhitespaceNormalizer.trimEdges(out)
    }

    // MARK: Tables

    private mutating func table(_ e: XMLElement) throws(TemplateError) -> Table {
        let a = AttributeReader(e)
        var columns: [TableColumn] = []
        var rowElements: [XMLElement] = []
        for child in e.elements {
            if child.name == "col" {
                let width = try AttributeReader(child).required("width")
                guard let parsed = TemplateColumnWidth(parsing: width.value) else {
                    throw AttributeReader(child).bad(width, "a length (30mm) or a share (*, 2*)")
                }
                columns.append(TableColumn(width: parsed, location: child.location))
            } else {
                rowElements.append(child)
            }
        }
        let rows = try rowItems(rowElements, columnCount: columns.count)
        return Table(columns: columns, rows: rows, border: try a.border("border") ?? .line(.pt(0.5)),
                     padding: try a.edges("padding"), style: try a.style(), location: e.location)
    }

    private mutating func rowItems(_ elements: [XMLElement], columnCount: Int) throws(TemplateError) -> [TableRowItem] {
        var items: [TableRowItem] = []
        for e in elements {
            let a = AttributeReader(e)
            switch e.name {
            case "row":
                var cells: [TemplateTableCell] = []
                for c in e.elements { cells.append(try cell(c)) }
                let span = cells.reduce(0) { $0 + $1.colspan }
                if span > columnCount {
                    throw TemplateError(.badAttribute, at: e.location,
                                        "the row's cells span \(span) columns but the table declares \(columnCount)")
                }
                items.append(.row(TemplateTableRow(isHeader: try a.bool("header") ?? false, height: try a.length("height"),
                                           cells: cells, location: e.location)))
            case "repeat":
                items.append(.repeating(Repeat(header: try loopHeader(e), minimum: try a.integer("min", in: 0...100) ?? 0,
                                               content: try rowItems(e.elements, columnCount: columnCount),
                                               location: e.location)))
            case "if":
                items.append(.conditional(Conditional(test: try testExpression(e),
                                                      content: try rowItems(e.elements, columnCount: columnCount),
                                                      location: e.location)))
            default:
                throw TemplateError(.schemaViolation, at: e.location, "<\(e.name)> is not allowed in a table")
            }
        }
        return items
    }

    private mutating func cell(_ e: XMLElement) throws(TemplateError) -> TemplateTableCell {
        let a = AttributeReader(e)
        guard e.name == "cell" else {
            throw TemplateError(.schemaViolation, at: e.location, "a row holds only <cell> elements, not <\(e.name)>")
        }
        return TemplateTableCell(content: try flow(e.children),
                         colspan: try a.integer("colspan", in: 1...50) ?? 1,
                         rowspan: try a.integer("rowspan", in: 1...200) ?? 1,
                         isLabel: try a.bool("label") ?? false,
                         alignment: try a.choice("align", TemplateTextAlignment.self),
                         verticalAlignment: try a.choice("valign", TemplateVerticalAlignment.self),
                         padding: try a.edges("padding"), border: try a.border("border"),
                         height: try a.length("height"),
                         overflow: try a.choice("overflow", TemplateOverflowPolicy.self) ?? .grow,
                         minimumSize: try a.fontSize("min-size"), style: try a.style(), location: e.location)
    }

    // MARK: Check lists

    private func checklist(_ e: XMLElement) throws(TemplateError) -> TemplateChecklist {
        let a = AttributeReader(e)
        var groups: [ChecklistGroup] = []
        for g in e.elements where g.name == "group" {
            var options: [ChecklistOption] = []
            for o in g.elements where o.name == "option" {
                let text = o.children.compactMap { if case .text(let t, _) = $0 { return t } else { return nil } }
                    .joined().trimmingSpaces
                options.append(ChecklistOption(label: text, isWriteIn: try AttributeReader(o).bool("write-in") ?? false))
            }
            groups.append(ChecklistGroup(label: AttributeReader(g).string("label")?
                .replacingBackslashN, options: options))
        }
        let catalogue = a.string("catalogue")
        if catalogue != nil, !groups.isEmpty {
            throw TemplateError(.schemaViolation, at: e.location,
                                "a <checklist> takes its options either from catalogue= or from <group>s, not both")
        }
        return TemplateChecklist(bind: try a.expression("bind"), catalogue: catalogue, groups: groups,
                         layout: try a.choice("layout", TemplateChecklist.Layout.self) ?? .grouped,
                         columns: try a.integer("columns", in: 1...8) ?? 2,
                         groupHeading: try a.interpolation("group-heading"),
                         optionsHeading: try a.interpolation("options-heading"),
                         periodHeading: try a.interpolation("period-heading"),
                         alsoTicks: try a.expression("also-ticks"), location: e.location)
    }

    // MARK: Expressions

    private func loopHeader(_ e: XMLElement) throws(TemplateError) -> LoopHeader {
        let each = try AttributeReader(e).required("each")
        let header = try ExpressionParser.parseLoopHeader(each.value, at: each.valueLocation)
        if EvaluationScope.reservedNames.contains(header.variable) {
            throw TemplateError(.badAttribute, at: each.location,
                                "\"\(header.variable)\" is reserved and cannot name a loop variable")
        }
        return header
    }

    private func testExpression(_ e: XMLElement) throws(TemplateError) -> TemplateExpression {
        let test = try AttributeReader(e).required("test")
        return try ExpressionParser.parse(test.value, at: test.valueLocation)
    }
}

private extension String {
    /// Group labels in attributes write a line break as "\n".
    var replacingBackslashN: String {
        replacingOccurrences(of: "\\n", with: "\n")
    }
}
