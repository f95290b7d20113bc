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

    @Test func theShippedDefaultsAreReadFromTheirFile() {
        #expect(Self.shipped.bodyFamily == "mincho")
        #expect(Self.shipped.bodySize == 10.5)
        #expect(Self.shipped.headingFamily == "gothic")
        #expect(Self.shipped.labelShade == 0.92)
        #expect(Self.shipped.distributeLabelsUpTo == 6)
        #expect(Self.shipped.minimumSize == 7)
        #expect(Self.shipped.cellPadding == EdgeInsets(vertical: 2, horizontal: 3))
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
}
