import Foundation
import Testing
import TestSupport
@testable import YorisoiPDF

/// Object streams and the xref stream (how a tagged document's structure elements are stored),
/// read back by qpdf rather than by our own code.
@Suite struct ObjectStreamTests {
    /// A one-page file with `count` small objects packed after the plain catalog, pages and info.
    static func file(packing count: Int) throws -> (bytes: [UInt8], packed: [Ref], streams: Int) {
        let chunk = Chunk()
        var allocator = RefAllocator()
        let catalog = allocator.bump(), pages = allocator.bump(), page = allocator.bump(), info = allocator.bump()
        chunk.indirect(catalog) { $0.dict { $0.name("Type", "Catalog"); $0.ref("Pages", pages) } }
        chunk.indirect(pages) { obj in
            obj.dict { dict in
                dict.name("Type", "Pages")
                dict.key("Kids").array { $0.ref(page) }
                dict.int("Count", 1)
            }
        }
        chunk.indirect(page) { obj in
            obj.dict { dict in
                dict.name("Type", "Page")
                dict.ref("Parent", pages)
                dict.key("MediaBox").array { box in box.int(0); box.int(0); box.int(200); box.int(100) }
            }
        }
        chunk.indirect(info) { $0.dict { $0.key("Title").textString("見本") } }
        let objects = ObjectStreams()
        var packed: [Ref] = []
        for index in 0..<count {
            let ref = allocator.bump()
            packed.append(ref)
            objects.add(ref) { obj in
                obj.dict { dict in
                    dict.name("S", "P")
                    dict.int("K", index)
                    dict.key("A").dict { $0.name("O", "Table") }
                }
            }
        }
        let before = allocator.next
        try objects.write(to: chunk, allocator: &allocator, options: PDFWriteOptions(threads: 2))
        let bytes = try FileWriter.write(chunk, trailer: .init(root: catalog, info: info, id: [1, 2, 3, 4]))
        return (bytes, packed, allocator.next - before)
    }

    static func save(_ bytes: [UInt8], _ name: String) throws -> URL {
        let url = try TestPaths.makeTemporaryDirectory("objstm").appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func packedObjectsAreFoundThroughTheXrefStream() throws {
        let count = ObjectStreams.objectsPerStream * 2 + 17
        let (bytes, packed, streams) = try Self.file(packing: count)
        #expect(streams == 3, "objects are split into streams of \(ObjectStreams.objectsPerStream)")
        let url = try Self.save(bytes, "packed.pdf")
        let check = try ExternalTool.qpdfCheck(url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // qpdf finds each packed object in its stream, with the value written.
        let xref = try ExternalTool.run("qpdf", ["--show-xref", url.path]).stdout
        let first = packed[0].number, last = packed[count - 1].number
        #expect(xref.contains("\(first)/0: compressed; stream = "))
        #expect(xref.contains("\(last)/0: compressed; stream = "))
        #expect(xref.contains("1/0: uncompressed; offset = "), "the catalog stays a plain object")
        for (index, ref) in [(0, packed[0]), (count - 1, packed[count - 1]), (250, packed[250])] {
            let shown = try ExternalTool.run("qpdf", ["--show-object=\(ref.number)", url.path]).stdout
            #expect(shown.contains("/K \(index)"), "\(shown)")
            #expect(shown.contains("/A << /O /Table >>"), "\(shown)")
        }
        // The trailer's entries moved into the xref stream's dictionary.
        let trailer = try ExternalTool.run("qpdf", ["--show-object=trailer", url.path]).stdout
        #expect(trailer.contains("/ID [ <01020304> <01020304> ]"), "\(trailer)")
        #expect(trailer.contains("/Root 1 0 R"))
        #expect(trailer.contains("/Info 4 0 R"))
        // Deterministic, threads or not.
        #expect(try Self.file(packing: count).bytes == bytes)
    }

    @Test func aFileWithNothingPackedKeepsTheClassicTable() throws {
        let (bytes, _, streams) = try Self.file(packing: 0)
        #expect(streams == 0)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\nxref\n0 5\n"))
        #expect(!text.contains("/XRef"))
        #expect(try ExternalTool.qpdfCheck(try Self.save(bytes, "plain.pdf")).status == 0)
    }

    @Test func aTaggedDocumentPacksItsStructure() throws {
        let (document, _) = TaggedPDFTests.document()
        let url = try Self.save(try document.write(), "tagged.pdf")
        let xref = try ExternalTool.run("qpdf", ["--show-xref", url.path]).stdout
        #expect(xref.contains("compressed; stream = "))
        let check = try ExternalTool.qpdfCheck(url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Elements as qpdf reads them: no /Type (optional), a lone MCID or kid without an array.
        let plain = try TaggedPDFTests.uncompressed(url)
        #expect(!plain.contains("/Type /StructElem"))
        #expect(plain.contains("/S /H1"))
        #expect(plain.contains("/K 1\n"), "the heading's one MCID (it is drawn second)")
    }
}
