import Foundation
import Testing
@testable import YorisoiTemplates

/// 「Cells mix type sizes」 (issue #26, 涌谷町): a cell that prints the case sets all of it at the
/// cell's size — the child's and the guardian's 意向, 希望 and 心配 are one rank, so are a service,
/// what it gives and how often. Only a reading (kana under a name), a period (from–to dates
/// under a goal) and an answer's note may be set smaller (docs/template-language.md, "Type
/// sizes in cells"). Checked over every shipped template's source, so a new form follows it too.
@Suite struct CellTypeSizeTests {
    static var templates: [URL] {
        let root = Fixtures.templatesRoot
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "xml" } ?? []
        return files.sorted { $0.path < $1.path }
    }

    /// The text an element prints: its character data and its children's, attributes of
    /// `date-blank` included (a period is written with them).
    static func source(_ element: XMLElement) -> String {
        element.children.map { child -> String in
            switch child {
            case .text(let text, _): return text
            case .element(let inner):
                let bound = inner.attributes.first { $0.name == "bind" }.map { " date-blank:" + $0.value } ?? ""
                return (inner.name == "date-blank" ? bound : "") + source(inner)
            }
        }.joined()
    }

    /// A reading, a period or a note: the smaller lines a cell may hold.
    static func isSecondary(_ text: String) -> Bool {
        text.contains(".kana") || text.contains("| date") || text.contains("date-blank:") || text.contains(".note")
    }

    /// Each `<text>` or `<span>` with its own size inside a cell that prints case values
    /// (`{{ … }}`) and is not a label: "file:line size text" for each that is not secondary.
    static func mixedSizes(in element: XMLElement, file: String, insideDataCell: Bool = false) -> [String] {
        var found: [String] = []
        let isLabel = element.attributes.contains { $0.name == "label" && $0.value == "true" }
        let dataCell = element.name == "cell" ? (!isLabel && source(element).contains("{{")) : insideDataCell
        if dataCell, element.name == "text" || element.name == "span",
           let size = element.attributes.first(where: { $0.name == "size" }), !isSecondary(source(element)) {
            found.append("\(file):\(element.location.line) size=\(size.value) 「\(source(element).prefix(40))」")
        }
        for case .element(let child) in element.children {
            found += mixedSizes(in: child, file: file, insideDataCell: dataCell)
        }
        return found
    }

    @Test(arguments: templates)
    func dataCellsSetTheCaseInOneSize(_ file: URL) throws {
        let root = try SafeXMLParser().parse(contentsOf: file, displayName: file.lastPathComponent)
        let found = Self.mixedSizes(in: root, file: file.deletingLastPathComponent().lastPathComponent + "/" + file.lastPathComponent)
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The rule catches the cell issue #26 found: 意向 at the cell's size, 希望 smaller.
    @Test func aSmallerWishBesideAnIntentIsFound() throws {
        let xml = """
        <template kind="support-plan"><table><col width="*"/><row><cell>
          <text>こども：{{ plan.intent.child }}</text><text size="8pt">こどもの希望：{{ plan.wishes.child }}</text>
          <text size="7.5pt">{{ child.kana }}</text>
        </cell></row></table></template>
        """
        let root = try SafeXMLParser().parse(Array(xml.utf8), file: "t.xml")
        #expect(Self.mixedSizes(in: root, file: "t.xml").count == 1)
    }
}
