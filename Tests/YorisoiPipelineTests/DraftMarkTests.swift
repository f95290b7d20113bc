import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiDisplayList
import YorisoiLayout
@testable import YorisoiPipeline
import YorisoiText

/// The 見本 mark of a draft notice as layout hands it to the writer: on every page, behind the
/// content, inside the sheet with 10 mm to spare, and nothing else of the notice moved by it.
@Suite struct DraftMarkTests {
    static let renderer = GoldenLayoutTests.renderer
    static let sample = TestPaths.repositoryRoot.appendingPathComponent("samples/cases/sodegaura-notices.yaml")

    /// The sample laid out as `kind`, after `edit`.
    func layOut(_ kind: DocumentKind, _ edit: (String) -> String = { $0 }) throws -> LayoutResult {
        let source = try String(contentsOf: Self.sample, encoding: .utf8)
        let loaded = try #require(CaseLoader().load(data: Data(edit(source).utf8), format: .yaml, displayName: "case.yaml").first)
        let laid = try Self.renderer.layOut(loaded, kind: kind)
        #expect(!laid.hasErrors, "\(laid.diagnostics)")
        return try #require(laid.layout)
    }

    static let numberLines: [DocumentKind: String] = [.recommendation: "  number: 袖こ家第87号\n",
                                                      .measure: "  number: 袖こ家第142号\n"]

    /// Every point the mark covers: its box's corners and its turned glyph boxes' corners.
    func corners(_ items: [DrawItem]) -> [Point] {
        items.flatMap { item -> [Point] in
            switch item {
            case .path(let path, _, _):
                return path.elements.compactMap { if case .move(let p) = $0 { p } else if case .line(let p) = $0 { p } else { nil } }
            case .glyphRun(let run):
                // Full-width glyphs: each an em wide, from the ascender down to the descender.
                let scale = run.fontSize / Double(run.face.metrics.unitsPerEm)
                let ends = [run.glyphs.first?.x ?? 0, (run.glyphs.last?.x ?? 0) + run.fontSize]
                let heights = [Double(run.face.metrics.ascender) * scale, Double(run.face.metrics.descender) * scale]
                return ends.flatMap { along in heights.map { above in
                    let offset = run.turn.offset(along: along, above: above)
                    return Point(x: run.origin.x + offset.x, y: run.origin.y + offset.y)
                } }
            default:
                return []
            }
        }
    }

    @Test(arguments: [DocumentKind.recommendation, .measure])
    func theDraftIsTheIssuedNoticeWithTheMarkBehindEveryPage(kind: DocumentKind) throws {
        let issued = try layOut(kind)
        let draft = try layOut(kind) { $0.replacingOccurrences(of: Self.numberLines[kind]!, with: "") }
        let mark = try DraftMark(fonts: Self.renderer.fonts).items(pageSize: .a4)
        #expect(draft.pages.count == issued.pages.count)
        for (page, (draftPage, issuedPage)) in zip(draft.pages, issued.pages).enumerated() {
            // Drawn first: the notice's own text and rules go over it.
            let head = DisplayListDump.lines(of: PDFPage(size: draftPage.size, items: Array(draftPage.items.prefix(mark.count))), number: 1)
            #expect(head == DisplayListDump.lines(of: PDFPage(size: draftPage.size, items: mark), number: 1), "p.\(page + 1)")
            // The rest is the issued page, but for the number line's text.
            let rest = DisplayListDump.lines(of: PDFPage(size: draftPage.size, items: Array(draftPage.items.dropFirst(mark.count))), number: 1)
            let original = DisplayListDump.lines(of: issuedPage, number: 1)
            let differing = zip(rest, original).filter { $0 != $1 }
            #expect(rest.count == original.count, "p.\(page + 1)")
            #expect(differing.count == (page == 0 ? 1 : 0), "p.\(page + 1): \(differing)")
            if page == 0, let (blank, number) = differing.first {
                #expect(blank.contains("\"袖こ家第\u{3000}\u{3000}号\"") && number.contains("\"袖こ家第"), "\(blank) / \(number)")
            }
        }
    }

    @Test(arguments: [Size.a4, Size(width: Size.a4.height, height: Size.a4.width), Size(width: 420, height: 595)])
    func theMarkKeepsTenMillimetresFromEveryEdge(size: Size) throws {
        let items = try DraftMark(fonts: Self.renderer.fonts).items(pageSize: size)
        // The rule's half width lies outside its centre line.
        let clearance = Units.mm(10) + DraftMark.rule.lineWidth / 2
        let points = corners(items)
        #expect(points.count > 4)
        for point in points {
            #expect(point.x >= clearance - 0.01 && point.x <= size.width - clearance + 0.01, "\(point) on \(size)")
            #expect(point.y >= clearance - 0.01 && point.y <= size.height - clearance + 0.01, "\(point) on \(size)")
        }
        // The glyphs are 見本, turned, in the mark's grey.
        let runs = items.compactMap { if case .glyphRun(let run) = $0 { run } else { nil } }
        #expect(runs.map { $0.glyphs.map(\.text).joined() }.joined() == "見本")
        #expect(runs.allSatisfy { $0.turn != .none && $0.color == DraftMark.ink })
    }
}
