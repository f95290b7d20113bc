import Foundation
import Testing
import TestSupport
@testable import YorisoiPDF
import YorisoiText

/// The writer's side of PDF/UA-1: a structure tree given with the display list comes out as
/// poppler reads it (`pdfinfo -struct-text`), furniture stays out of it, and the document-level
/// entries a screen reader and a checker look for are there.
@Suite struct TaggedPDFTests {
    /// A heading, a table with a row header, a check item and a figure, plus furniture: a page
    /// number, a rule and the figure's frame.
    static func document() -> (PDFDocument, StructureTree) {
        let m = Fixtures.mincho
        var tree = StructureTree()
        let heading = tree.add(.heading1, under: tree.root)
        let table = tree.add(.table, under: tree.root)
        let row = tree.add(.tableRow, under: table)
        let header = tree.add(.tableHeader, under: row, scope: .row)
        let headerText = tree.add(.paragraph, under: header)
        let cell = tree.add(.tableData, under: row)
        let cellText = tree.add(.paragraph, under: cell)
        let english = tree.add(.paragraph, under: tree.root, language: "en")
        let figure = tree.add(.figure, under: tree.root, alt: "笑顔の絵")
        // Added last but placed first on the page: reading order is the tree's, not the page's.
        let first = tree.add(.paragraph, under: tree.root)
        _ = first

        func run(_ text: String, _ ref: StructureRef?, y: Double, language: String? = nil) -> DrawItem {
            var run = Fixtures.run(text, face: m, size: 12, at: Point(x: 72, y: y))
            run.structure = ref
            run.language = language
            return .glyphRun(run)
        }
        var face = Path([.move(to: Point(x: 300, y: 300)), .line(to: Point(x: 320, y: 300))])
        face.structure = figure
        let page = PDFPage(size: .a4, items: [
            run("最後の段落", StructureRef(tree.nodes.count - 1), y: 60),
            run("支援計画書", heading, y: 90),
            .line(from: Point(x: 72, y: 100), to: Point(x: 500, y: 100), stroke: StrokeStyle()),
            run("氏名", headerText, y: 120),
            run("仮名 こはる", cellText, y: 140),
            run("Name", english, y: 160, language: "en"),
            .path(face, stroke: StrokeStyle(), fill: nil),
            .rectangle(Rect(x: 290, y: 290, width: 40, height: 40), stroke: StrokeStyle(), fill: nil),
            run("1 / 1", nil, y: 800),
        ])
        return (PDFDocument(pages: [page], info: Fixtures.info(), structure: tree), tree)
    }

    static func written() throws -> URL {
        let (document, _) = document()
        let dir = try TestPaths.makeTemporaryDirectory("tagged")
        let url = dir.appendingPathComponent("tagged.pdf")
        try Data(try document.write()).write(to: url)
        return url
    }

    /// The file as qpdf rewrites it with every object unpacked (`--qdf --object-streams=disable`),
    /// so tests can read the structure elements the writer packs into object streams.
    static func uncompressed(_ url: URL) throws -> String {
        let out = url.deletingPathExtension().appendingPathExtension("qdf.pdf")
        let result = try ExternalTool.run("qpdf", ["--qdf", "--object-streams=disable", url.path, out.path])
        #expect(result.status == 0, "\(result.stderr)")
        return String(decoding: try Data(contentsOf: out), as: UTF8.self)
    }

    @Test func popplerReadsTheTreeInTreeOrderWithoutFurniture() throws {
        let url = try Self.written()
        let info = try ExternalTool.run("pdfinfo", [url.path]).stdout
        #expect(info.contains("Tagged:          yes"))
        let text = try ExternalTool.run("pdfinfo", ["-struct-text", url.path])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "Document")
        // The figure is a drawing: poppler prints its (empty) text; its description is its /Alt.
        let quoted = lines.filter { $0.hasPrefix("\"") }
        #expect(quoted == ["\"支援計画書\"", "\"氏名\"", "\"仮名 こはる\"", "\"Name\"", "\"\"", "\"最後の段落\""])
        #expect(!text.stdout.contains("1 / 1"), "the page number is an artifact")
        #expect(lines.contains("H1 (block)"))
        #expect(lines.contains("/Scope /Row"))
        #expect(lines.contains { $0.hasPrefix("Figure") })
        // Copying still gives everything drawn, furniture included.
        #expect(try ExternalTool.pdftotext(url).contains("1 / 1"))
        #expect(try ExternalTool.qpdfCheck(url).status == 0)
    }

    @Test func catalogAndMetadataDeclareTaggingLanguageTitleAndPDFUA() throws {
        let (document, _) = Self.document()
        let bytes = try document.write()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("/MarkInfo <<\n    /Marked true"))
        #expect(text.contains("/StructTreeRoot"))
        #expect(text.contains("/Lang (ja-JP)"))
        #expect(text.contains("/DisplayDocTitle true"))
        #expect(text.contains("<pdfuaid:part>1</pdfuaid:part>"))
        #expect(text.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A identification stays")
        #expect(text.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"), "PDF/A needs the extension schema")
        #expect(text.contains("<dc:title>"))
        // Alt and the figure's own element; the English paragraph's language on its element.
        // (Elements are packed into object streams: read them unpacked. qpdf spells hex in
        // lower case.)
        let url = try Self.written()
        let elements = try Self.uncompressed(url)
        #expect(elements.contains("/Alt <feff"))
        #expect(elements.contains("/Lang (en)"))
        // Page objects are packed too.
        #expect(elements.contains("/StructParents 0"))
        #expect(elements.contains("/Tabs /S"))
        // Same document, same bytes.
        #expect(try document.write() == bytes)
    }

    @Test func itemsAreMarkedAsTheirElementsContentOrAsArtifacts() throws {
        let (document, tree) = Self.document()
        let page = document.pages[0]
        let marking = ContentMarking(tree: tree)
        let marks = page.items.map { marking.mark($0) }
        #expect(marks[0] == .content(StructureRef(tree.nodes.count - 1), language: nil))
        #expect(marks[2] == .artifact, "a rule")
        #expect(marks[5] == .content(StructureRef(8), language: nil), "the element's own language is not repeated")
        #expect(marks[7] == .artifact, "a frame")
        #expect(marks[8] == .artifact, "the page number")
    }

    @Test func aDocumentWithoutAStructureIsTaggedLineByLine() throws {
        let m = Fixtures.mincho
        var mark = Fixtures.run("見本", face: m, size: 60, at: Point(x: 100, y: 400))
        mark.turn = BaselineTurn(cosine: 0.8, sine: 0.6)
        let page = PDFPage(size: .a4, items: [
            .glyphRun(Fixtures.run("一行目", face: m, at: Point(x: 72, y: 100))),
            .glyphRun(Fixtures.run("の続き", face: m, at: Point(x: 108, y: 100))),
            .glyphRun(Fixtures.run("二行目", face: m, at: Point(x: 72, y: 120))),
            .glyphRun(mark),
        ])
        let dir = try TestPaths.makeTemporaryDirectory("tagged-fallback")
        let url = dir.appendingPathComponent("fallback.pdf")
        try Data(try PDFDocument(pages: [page], info: Fixtures.info()).write()).write(to: url)
        let text = try ExternalTool.run("pdfinfo", ["-struct-text", url.path]).stdout
        let quoted = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.hasPrefix("\"") }
        #expect(quoted == ["\"一行目の続き\"", "\"二行目\""], "\(text)")
    }

    @Test func graftingMovesReferencesWithTheirTree() {
        var packet = StructureTree()
        var part = StructureTree()
        let paragraph = part.add(.paragraph, under: part.root)
        let offset = packet.graft(part, under: packet.root)
        #expect(packet[StructureRef(offset)].role == .section)
        #expect(packet[StructureRef(offset)].parent == packet.root)
        #expect(packet[StructureRef(paragraph.index + offset)].parent == StructureRef(offset))
        var run = Fixtures.run("段落", face: Fixtures.mincho, at: Point(x: 0, y: 0))
        run.structure = paragraph
        guard case .glyphRun(let moved) = DrawItem.glyphRun(run).movingStructure(by: offset) else {
            Issue.record("not a run"); return
        }
        #expect(moved.structure == StructureRef(paragraph.index + offset))
    }

    /// A tree is written in pieces side by side (`StructureTreeWriter.elementsPerPiece`), each
    /// into its own object streams, taken in in order: the same objects and bytes as in one piece
    /// on one thread, whatever the piece size and thread count.
    @Test func aTreeWrittenInPiecesIsTheSameAsInOne() throws {
        var tree = StructureTree()
        let table = tree.add(.table, under: tree.root)
        var marked: [[StructureRef]] = [[], [], []]
        for index in 0..<500 {
            let row = tree.add(.tableRow, under: table)
            let cell = tree.add(.tableData, under: row)
            let text = tree.add(.paragraph, under: cell)
            marked[index % 3].append(text)
            if index % 7 == 0 { marked[(index + 1) % 3].append(text) }  // content on two pages
            if index % 11 == 0 { _ = tree.add(.paragraph, under: cell) }  // empty: left out
        }
        func written(piece: Int, threads: Int) throws -> (body: [UInt8], objects: [Int], root: Int) {
            var allocator = RefAllocator()
            let pageRefs = (0..<3).map { _ in allocator.bump() }
            var writer = StructureTreeWriter(tree: tree, marked: marked, pageRefs: pageRefs)
            writer.elementsPerPiece = piece
            let packed = ObjectStreams()
            let root = try writer.write(to: packed, allocator: &allocator, threads: threads)
            let part = packed.part
            return (part.body, part.objects.flatMap { [$0.ref.number, $0.offset] }, root.number)
        }
        let whole = try written(piece: 1 << 20, threads: 1)
        #expect(whole.objects.count > 2 * 1_500)
        /// Where two arrays first part (nil when they are the same): a failure names a place.
        func firstDifference<T: Equatable>(_ a: [T], _ b: [T]) -> Int? {
            a.indices.first { $0 < b.count && a[$0] != b[$0] } ?? (a.count == b.count ? nil : min(a.count, b.count))
        }
        for (piece, threads) in [(1, 3), (7, 2), (100, 3), (1_000, 4), (4_096, 2)] {
            let pieces = try written(piece: piece, threads: threads)
            #expect(firstDifference(pieces.body, whole.body) == nil, "bytes; piece \(piece), \(threads) threads")
            #expect(firstDifference(pieces.objects, whole.objects) == nil, "object table; piece \(piece), \(threads) threads")
            #expect(pieces.root == whole.root)
        }
    }

    /// Pages moved with their part's tree (a packet's documents) keep their items as laid out
    /// and carry the offset; the writer applies it, so each page's text is read under its own
    /// part's elements. Each part's first element is a paragraph and the second part's second
    /// a heading: with the offset ignored, the second page's heading would be read as the first
    /// part's paragraph, and its paragraph as that part's nothing at all.
    @Test func movedPagesAreReadUnderTheirOwnPartsElements() throws {
        var packet = StructureTree()
        var pages: [PDFPage] = []
        for (number, (first, second)) in [("一の本文", "一の続き"), ("二の本文", "二の見出し")].enumerated() {
            var part = StructureTree()
            let paragraph = part.add(.paragraph, under: part.root)
            let other = part.add(number == 0 ? .paragraph : .heading1, under: part.root)
            var a = Fixtures.run(first, face: Fixtures.mincho, at: Point(x: 72, y: 100))
            a.structure = paragraph
            var b = Fixtures.run(second, face: Fixtures.mincho, at: Point(x: 72, y: 130))
            b.structure = other
            let offset = packet.graft(part, under: packet.root)
            let page = PDFPage(size: .a4, items: [.glyphRun(a), .glyphRun(b)]).movingStructure(by: offset)
            #expect(page.structureOffset == offset)
            guard case .glyphRun(let kept) = page.items[0] else { Issue.record("not a run"); return }
            #expect(kept.structure == paragraph, "the items are not rewritten")
            pages.append(page)
        }
        let dir = try TestPaths.makeTemporaryDirectory("tagged-moved")
        let url = dir.appendingPathComponent("moved.pdf")
        try Data(try PDFDocument(pages: pages, info: Fixtures.info(), structure: packet).write()).write(to: url)
        let lines = try ExternalTool.run("pdfinfo", ["-struct-text", url.path]).stdout
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.filter { $0.hasPrefix("\"") } == ["\"一の本文\"", "\"一の続き\"", "\"二の本文\"", "\"二の見出し\""],
                "\(lines)")
        // The heading's text follows the heading's own line in poppler's tree print.
        let heading = lines.firstIndex { $0.hasPrefix("H1") }
        #expect(heading.map { lines[$0 + 1] } == "\"二の見出し\"", "\(lines)")
    }
}
