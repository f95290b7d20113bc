import Foundation
import Testing
import TestSupport
import YorisoiBinding
import YorisoiCase
import YorisoiLayout
import YorisoiTemplates
import YorisoiText

/// The binder on its own: a real template and case in, the box tree out. Its defaults come from
/// Templates/national/binding-style.yaml; changing them changes the tree, so they are data.
@Suite struct DocumentBinderTests {
    static let root = TestPaths.repositoryRoot
    static let fonts: FontLibrary = try! FontLibrary(configurationFile: root.appendingPathComponent("Fonts/fonts.yaml"))
    static let library: TemplateLibrary = try! TemplateLibrary(root: root.appendingPathComponent("Templates"))
    static let shipped: BindingStyle = try! BindingStyle.load(templatesRoot: root.appendingPathComponent("Templates"))

    /// 見本市's national サポートプラン bound to its sample case.
    static func bind(_ defaults: BindingStyle) throws -> LayoutDocument {
        let resolved = try library.template(municipality: "990019", kind: "support-plan")
        let file = root.appendingPathComponent("samples/cases/mihon-national-support-plan.yaml")
        let caseRoot = try #require(CaseLoader().load(contentsOf: file).first?.root)
        return try DocumentBinder(fonts: fonts, template: resolved.template, defaults: defaults)
            .bind(scope: resolved.scope(for: caseRoot))
    }

    static func cells(_ blocks: [Block]) -> [TableCell] {
        blocks.flatMap { block -> [TableCell] in
            switch block {
            case .table(let table): return table.rows.flatMap(\.cells).flatMap { [$0] + cells($0.content) }
            case .group(let group): return cells(group.blocks)
            default: return []
            }
        }
    }

    static func labelParagraphs(_ document: LayoutDocument, shade: Double) -> [ParagraphBlock] {
        cells(document.body).filter { $0.style.background == shade }.flatMap(\.content).compactMap {
            if case .paragraph(let paragraph) = $0 { return paragraph } else { return nil }
        }
    }

    static func paragraphs(_ blocks: [Block]) -> [ParagraphBlock] {
        blocks.flatMap { block -> [ParagraphBlock] in
            switch block {
            case .paragraph(let paragraph): return [paragraph]
            case .table(let table): return table.rows.flatMap(\.cells).flatMap { paragraphs($0.content) }
            case .group(let group): return paragraphs(group.blocks)
            case .columns(let columns): return columns.columns.flatMap { paragraphs($0.blocks) }
            case .framed(let framed): return paragraphs(framed.blocks)
            default: return []
            }
        }
    }

    /// Only the template's own words are marked as such (the shared paragraph cache keeps them at
    /// any length): the consent sentence is, no paragraph that prints a case value is.
    @Test func onlyTheTemplatesOwnWordsAreMarkedTemplateText() throws {
        let all = Self.paragraphs(try Self.bind(Self.shipped).body)
        func text(_ paragraph: ParagraphBlock) -> String {
            paragraph.content.map { inline -> String in
                switch inline {
                case .text(let span), .underlined(let span): return span.text
                default: return ""
                }
            }.joined()
        }
        let consent = try #require(all.first { text($0).hasPrefix("わたしたちは") })
        #expect(consent.isTemplateText)
        let values = all.filter { $0.sourcePath != nil }
        #expect(values.count > 10)
        #expect(values.allSatisfy { !$0.isTemplateText })
        #expect(all.filter(\.isTemplateText).count > 10)
    }

    @Test func theShippedDefaultsAreReadFromTheirFile() {
        #expect(Self.shipped.bodyFamily == "mincho")
        #expect(Self.shipped.bodySize == 10.5)
        #expect(Self.shipped.headingFamily == "gothic-bold")
        #expect(Self.shipped.labelShade == 0.92)
        #expect(Self.shipped.distributeLabelsUpTo == 6)
        #expect(Self.shipped.minimumSize == 7)
        #expect(Self.shipped.cellPadding == EdgeInsets(vertical: 2, horizontal: 3))
    }

    /// One label style per form, checked on every shipped template that has a header row: each
    /// column heading is shaded like a label, centred (or as its cell aligns it) and keeps its
    /// katakana words whole; every shaded cell of a body row is a row label set by one rule.
    @Test(arguments: [("045012", "support-plan"), ("082244", "support-plan"), ("082244", "support-plan-child"),
                      ("122297", "support-plan"), ("990019", "support-plan"), ("990019", "assessment")])
    func everyFormSetsItsLabelsOneWay(_ municipality: String, _ kind: String) throws {
        let resolved = try Self.library.template(municipality: municipality, kind: kind)
        let sample = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("samples/cases").path)
            .sorted().map { Self.root.appendingPathComponent("samples/cases/\($0)") }
            .compactMap { CaseLoader().load(contentsOf: $0).first?.root }
            .first { root in
                if case .string(let code)? = root["municipality"]?.value { return code == municipality }
                return false
            }
        let caseRoot = try #require(sample, "a sample for \(municipality)")
        let document = try DocumentBinder(fonts: Self.fonts, template: resolved.template, defaults: Self.shipped)
            .bind(scope: resolved.scope(for: caseRoot))

        func tables(_ blocks: [Block]) -> [TableBlock] {
            blocks.flatMap { block -> [TableBlock] in
                switch block {
                case .table(let table): return [table] + table.rows.flatMap(\.cells).flatMap { tables($0.content) }
                case .group(let group): return tables(group.blocks)
                default: return []
                }
            }
        }
        func paragraphs(_ cell: TableCell) -> [ParagraphBlock] {
            cell.content.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
        }
        var headings = 0
        for row in tables(document.body).flatMap(\.rows) {
            for cell in row.cells where row.isHeader {
                headings += 1
                #expect(cell.style.background == Self.shipped.labelShade, "a column heading is shaded like a label")
                #expect(cell.keepsWhole)
                for paragraph in paragraphs(cell) {
                    #expect(paragraph.keepsWords)
                    #expect(paragraph.alignment != .distribute && paragraph.alignment != .justify, "headings are not spread")
                }
            }
            for cell in row.cells where !row.isHeader && cell.style.background == Self.shipped.labelShade {
                for paragraph in paragraphs(cell) { #expect(paragraph.keepsWords, "a row label keeps its words whole") }
            }
        }
        if ["045012", "082244", "122297"].contains(municipality) { #expect(headings > 0) }
    }

    @Test func labelCellsTakeTheirShadeAndSpreadingFromTheDefaults() throws {
        let document = try Self.bind(Self.shipped)
        let labels = Self.labelParagraphs(document, shade: Self.shipped.labelShade)
        #expect(!labels.isEmpty)
        #expect(labels.contains { $0.alignment == .distribute })

        var other = Self.shipped
        other.labelShade = 0.8
        other.distributeLabelsUpTo = 0
        let changed = try Self.bind(other)
        #expect(Self.labelParagraphs(changed, shade: Self.shipped.labelShade).isEmpty)
        let relabelled = Self.labelParagraphs(changed, shade: 0.8)
        #expect(relabelled.count == labels.count)
        #expect(!relabelled.contains { $0.alignment == .distribute })
    }

    /// (The national forms give every table its padding, so `cellPadding` is not seen here.)
    @Test func shrinkingCellsUseTheDefaultMinimumSize() throws {
        var other = Self.shipped
        other.minimumSize = 6
        let cells = Self.cells(try Self.bind(other).body)
        let shrinking = cells.compactMap { cell -> Double? in
            if case .shrink(let minimum, _) = cell.overflow { return minimum } else { return nil }
        }
        #expect(!shrinking.isEmpty)
        #expect(shrinking.contains(6))
    }

    @Test func theBodyStyleComesFromTheDefaultsWhereTheTemplateSetsNone() throws {
        let resolved = try Self.library.template(municipality: "990019", kind: "support-plan")
        var other = Self.shipped
        other.bodySize = 12
        let document = try Self.bind(other)
        if resolved.template.style.size == nil {
            #expect(document.defaultStyle.size == 12)
        } else {
            #expect(document.defaultStyle.size == (try Self.bind(Self.shipped)).defaultStyle.size)
        }
    }

    @Test func aBrokenValueIsReportedAtItsKey() {
        let text = """
            version: 1
            font: mincho
            size: 10.5pt
            heading_font: gothic
            label_shade: 2
            distribute_labels_up_to: 6
            minimum_size: 7pt
            cell_padding: {vertical: 2pt, horizontal: 3pt}
            border_size: 10pt
            """
        #expect {
            try BindingStyle.parse(text)
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.pointer == "/label_shade" && error.location.line == 5 && error.code == .profile
        }
        #expect(throws: TemplateError.self) { try BindingStyle.parse("version: 1\nfont: mincho\n") }
    }

    /// The blank rows a `<repeat min>` adds are marked as such (they may give way to keep a form
    /// on its sheet) and are tall enough to write in, not a 3 mm sliver of empty cells.
    @Test func blankFormRowsAreMarkedAndTallEnoughToWriteIn() throws {
        let resolved = try Self.library.template(municipality: "990019", kind: "support-plan")
        let file = Self.root.appendingPathComponent("samples/cases/rare-names.yaml")
        let caseRoot = try #require(CaseLoader().load(contentsOf: file).first?.root)
        let document = try DocumentBinder(fonts: Self.fonts, template: resolved.template, defaults: Self.shipped)
            .bind(scope: resolved.scope(for: caseRoot))
        let rows = Self.tables(document.body).flatMap(\.rows)
        let padding = rows.filter(\.isPadding)
        // The sample has one support; the national form keeps two rows.
        #expect(padding.count == 1)
        for row in padding {
            guard case .minimum(let height) = row.height else { Issue.record("\(row.height)"); continue }
            #expect(height >= Units.mm(7) - 0.01)
        }
        #expect(rows.filter { !$0.isPadding }.count > 10)
    }

    static func tables(_ blocks: [Block]) -> [TableBlock] {
        blocks.flatMap { block -> [TableBlock] in
            switch block {
            case .table(let table): return [table]
            case .group(let group): return tables(group.blocks)
            default: return []
            }
        }
    }

    /// 守谷市's 保護者がすること cell: the written action with its box, then an empty box on a line
    /// of its own for the family to add one (`<br/><checkbox/>`), not 「□毎晩10分… □」 on one line.
    @Test func aCheckBoxAfterALineBreakStartsItsOwnLine() throws {
        let resolved = try Self.library.template(municipality: "082244", kind: "support-plan")
        let file = Self.root.appendingPathComponent("samples/cases/moriya-support-plan.yaml")
        let caseRoot = try #require(CaseLoader().load(contentsOf: file).first?.root)
        let document = try DocumentBinder(fonts: Self.fonts, template: resolved.template, defaults: Self.shipped)
            .bind(scope: resolved.scope(for: caseRoot))
        let cell = try #require(Self.cells(document.body).first { cell in
            cell.content.contains { if case .checkList(let list) = $0 { list.items.first?.label.hasPrefix("毎晩") == true } else { false } }
        })
        let lists = cell.content.compactMap { block -> CheckListBlock? in
            if case .checkList(let list) = block { list } else { nil }
        }
        #expect(lists.map(\.items.count) == [1, 1])
        #expect(lists.last?.items.first?.label == "")
        #expect(lists.first?.items.first?.label.hasSuffix("\n") == false)
    }
}
