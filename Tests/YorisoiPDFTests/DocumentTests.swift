import Foundation
import Testing
import YorisoiDigest
import TestSupport
@testable import YorisoiPDF
import YorisoiText

/// Whole documents, proven with someone else's reader: qpdf, poppler's pdffonts/pdftotext.
@Suite struct DocumentTests {
    static let body = "サポートプラン（令和7年1月17日） 髙橋 葛\u{E0100}飾 渡邉 渡邉\u{E0104}"

    /// Two pages with every kind of item, three faces (BIZ UD Mincho/Gothic + IPAmj for 𠮷),
    /// an outline and page labels.
    static func sample() -> PDFDocument {
        let m = Fixtures.mincho, g = Fixtures.gothic, mj = Fixtures.ipamj
        var circle = Path()
        let k = 0.5523 * 20
        circle.move(to: Point(x: 500, y: 120))
        circle.curve(to: Point(x: 520, y: 140), control1: Point(x: 500 + k, y: 120), control2: Point(x: 520, y: 140 - k))
        circle.curve(to: Point(x: 500, y: 160), control1: Point(x: 520, y: 140 + k), control2: Point(x: 500 + k, y: 160))
        circle.curve(to: Point(x: 480, y: 140), control1: Point(x: 500 - k, y: 160), control2: Point(x: 480, y: 140 + k))
        circle.curve(to: Point(x: 500, y: 120), control1: Point(x: 480, y: 140 - k), control2: Point(x: 500 - k, y: 120))
        circle.close()

        // 𠮷 from IPAmj, then 田 from BIZ UD placed right after it: a fallback run split.
        let yoshi = Fixtures.run("𠮷", face: mj, size: 12, at: Point(x: 72, y: 150))
        let ta = Fixtures.run("田さん", face: m, size: 12, at: Point(x: 84, y: 150))

        // 均等割り: four characters spread over 96 pt, so each glyph is moved away from its advance.
        var spread = Fixtures.run("氏名記入", face: m, size: 12, at: Point(x: 72, y: 180))
        for i in spread.glyphs.indices { spread.glyphs[i].x = Double(i) * 28 }
        // A superscript-like raised glyph (y offset up = negative).
        var raised = Fixtures.run("注1", face: m, size: 10, at: Point(x: 72, y: 210))
        raised.glyphs[1].y = -4

        let page1 = PDFPage(size: .a4, items: [
            .rectangle(Rect(x: 60, y: 60, width: 475.276, height: 40), stroke: nil,
                       fill: .rgb(red: 0.9, green: 0.95, blue: 1)),
            .glyphRun(Fixtures.run("子ども家庭支援計画書", face: g, size: 18, at: Point(x: 72, y: 88),
                                   color: .rgb(red: 0, green: 0.2, blue: 0.5))),
            .line(from: Point(x: 60, y: 104), to: Point(x: 535.276, y: 104), stroke: StrokeStyle(lineWidth: 1.5)),
            .glyphRun(Fixtures.run(body, face: m, size: 12, at: Point(x: 72, y: 130))),
            .glyphRun(yoshi),
            .glyphRun(ta),
            .rectangle(Rect(x: 70, y: 166, width: 100, height: 20),
                       stroke: StrokeStyle(lineWidth: 0.5, dash: DashPattern([2, 1])), fill: nil),
            .glyphRun(spread),
            .glyphRun(raised),
            .path(circle, stroke: StrokeStyle(lineWidth: 1, color: .rgb(red: 0.8, green: 0, blue: 0)), fill: nil),
            .line(from: Point(x: 72, y: 240), to: Point(x: 300, y: 240),
                  stroke: StrokeStyle(lineWidth: 0.5, color: .gray(0.4), dash: DashPattern([4, 2]))),
        ])
        let page2 = PDFPage(size: .a4, items: [
            .glyphRun(Fixtures.run("2ページ目：支援内容", face: m, size: 12, at: Point(x: 72, y: 100))),
        ])
        return PDFDocument(
            pages: [page1, page2], info: Fixtures.info(),
            outline: [
                OutlineItem(title: "表紙", pageIndex: 0, y: 60, children: [
                    OutlineItem(title: "氏名", pageIndex: 0, y: 150),
                ]),
                OutlineItem(title: "支援内容", pageIndex: 1, y: 80),
            ],
            pageLabels: [
                PageLabelRange(firstPageIndex: 0, style: .none, prefix: "表紙"),
                PageLabelRange(firstPageIndex: 1, style: .decimal, firstNumber: 1),
            ])
    }

    @Test func qpdfFindsNoErrors() throws {
        let url = try Fixtures.write(Self.sample().write())
        let result = try ExternalTool.qpdfCheck(url)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("No syntax or stream encoding errors found"))
        #expect(!result.stderr.contains("WARNING"), "\(result.stderr)")
    }

    @Test func everyFontIsEmbeddedSubsetWithUnicode() throws {
        let url = try Fixtures.write(Self.sample().write())
        let rows = try ExternalTool.pdffonts(url)
        #expect(rows.count == 3)
        for row in rows {
            #expect(row.type == "CID TrueType")
            #expect(row.embedded && row.subset && row.unicode, "\(row.name)")
            let tag = row.name.prefix(7)
            #expect(tag.last == "+" && tag.dropLast().allSatisfy { $0.isUppercase && $0.isASCII }, "\(row.name)")
        }
        let names = Set(rows.map { String($0.name.dropFirst(7)) })
        #expect(names == ["BIZUDMincho-Regular", "BIZUDGothic-Regular", "IPAmjMincho"])
    }

    @Test func textExtractsExactlyIncludingVariantsAndFallbacks() throws {
        let url = try Fixtures.write(Self.sample().write())
        let text = try ExternalTool.pdftotext(url)
        #expect(text.contains("子ども家庭支援計画書"))
        // 葛+E0100 has its own glyph (ToUnicode); 邉 and 邉+E0104 share one glyph, so the second
        // one comes back only through /ActualText.
        #expect(text.unicodeScalars.contains("\u{E0100}"))
        #expect(text.contains("葛\u{E0100}飾"))
        #expect(text.contains("渡邉 渡邉\u{E0104}"), "\(Array(text.unicodeScalars).map { String($0.value, radix: 16) })")
        #expect(text.contains(Self.body))
        #expect(text.contains("𠮷田さん"))
        // 均等割り leaves wide gaps that pdftotext turns into separate words; the order is what counts.
        // -raw keeps content-stream order instead of guessing columns.
        let raw = try ExternalTool.pdftotext(url, extraArguments: ["-raw"])
        #expect(raw.filter { !$0.isWhitespace }.contains("氏名記入注1"))
        #expect(text.contains("2ページ目：支援内容"))
    }

    @Test func oneGlyphForSeveralCharactersUsesActualText() throws {
        // The same glyph as "ア" first, then standing for "アイ" (as a ligature would).
        let m = Fixtures.mincho
        let a = m.glyph(for: "ア")!
        let run = GlyphRun(face: m, fontSize: 12, origin: Point(x: 72, y: 100), glyphs: [
            PositionedGlyph(glyphID: a, x: 0, text: "ア"),
            PositionedGlyph(glyphID: a, x: 12, text: "アイ"),
            PositionedGlyph(glyphID: m.glyph(for: "ウ")!, x: 24, text: "ウ"),
        ])
        let doc = PDFDocument(pages: [PDFPage(items: [.glyphRun(run)])], info: Fixtures.info())
        let url = try Fixtures.write(doc.write())
        #expect(try ExternalTool.pdftotext(url).contains("アアイウ"))
    }

    @Test func twoRendersAreByteIdentical() throws {
        let first = try Self.sample().write()
        let second = try Self.sample().write()
        #expect(first == second)
        var changed = Self.sample()
        changed.info.title = "別の題名"
        #expect(try changed.write() != first)
    }

    /// Writing stops when the render's cancellation is set (a packet over its time budget spent
    /// seconds writing thousands of pages after its 503), on one thread and on several alike,
    /// and writes as before when it is not.
    @Test(arguments: [1, 4])
    func aCancelledRenderStopsWriting(threads: Int) throws {
        let cancellation = RenderCancellation()
        let options = PDFWriteOptions(threads: threads)
        let written = try RenderCancellation.$current.withValue(cancellation) { try Self.sample().write(options: options) }
        #expect(written == (try Self.sample().write()))
        cancellation.cancel()
        #expect(throws: PDFError.cancelled) {
            try RenderCancellation.$current.withValue(cancellation) { try Self.sample().write(options: options) }
        }
    }

    @Test func outlineAndPageLabelsAreVisibleToQpdf() throws {
        let url = try Fixtures.write(Self.sample().write())
        let json = try ExternalTool.run("qpdf", ["--json=2", "--json-key=outlines", "--json-key=pagelabels", url.path])
        #expect(json.status == 0, "\(json.stderr)")
        let root = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let outlines = root["outlines"] as! [[String: Any]]
        #expect(outlines.map { $0["title"] as? String } == ["表紙", "支援内容"])
        #expect(outlines.map { $0["destpageposfrom1"] as? Int } == [1, 2])
        let kids = outlines[0]["kids"] as! [[String: Any]]
        #expect(kids.map { $0["title"] as? String } == ["氏名"])
        let labels = root["pagelabels"] as! [[String: Any]]
        #expect(labels.map { $0["index"] as? Int } == [0, 1])
        let second = labels[1]["label"] as! [String: Any]
        #expect(second["/S"] as? String == "/D")
        let first = labels[0]["label"] as! [String: Any]
        #expect(first["/P"] as? String == "u:表紙")
    }

    @Test func metadataAgreesWithInfoAndID() throws {
        let bytes = try Self.sample().write()
        let text = bytes.latin1
        #expect(text.contains("<pdfaid:part>2</pdfaid:part>"))
        #expect(text.contains("<pdfaid:conformance>B</pdfaid:conformance>"))
        #expect(text.contains("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">支援計画書</rdf:li></rdf:Alt></dc:title>"))
        #expect(text.contains("<xmp:CreateDate>2025-01-17T09:30:00+09:00</xmp:CreateDate>"))
        #expect(text.contains("/CreationDate (D:20250117093000+09'00')"))
        #expect(text.contains("/S /GTS_PDFA1"))
        #expect(!text.contains("/Encrypt"))
        // /ID [<a> <a>] and xmpMM:DocumentID are the same 16 bytes.
        let idStart = text.range(of: "/ID [<")!.upperBound
        let hex = String(text[idStart...].prefix(32))
        var digest: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            digest.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        #expect(text.contains("<xmpMM:DocumentID>uuid:\(DocumentHash.uuid(digest))</xmpMM:DocumentID>"))
    }

    /// The batch manifest takes the digest the writer found while writing (the /ID's pass,
    /// gone on over the rest): it must be the file's own SHA-256, and the /ID its prefix up to
    /// the XMP packet.
    @Test func theDigestTakenWhileWritingIsTheFilesSHA256() throws {
        let (bytes, sha256) = try Self.sample().writeDigested()
        #expect(bytes == (try Self.sample().write()))
        #expect(sha256 == ContentDigest.sha256(bytes))
        func find(_ needle: String, before end: Int? = nil) -> Int? {
            let pattern = Array(needle.utf8)
            let last = (end ?? bytes.count) - pattern.count
            guard last >= 0 else { return nil }
            return (0...last).reversed().first { bytes[$0..<($0 + pattern.count)].elementsEqual(pattern) }
        }
        // The XMP packet's object begins after the blank line that ends the object before it.
        let metadata = try #require(find("/Type /Metadata"))
        let objectStart = try #require(find("\n\n", before: metadata)) + 2
        let prefix = Array(bytes[..<objectStart])
        let idStart = try #require(find("/ID [<")) + 6
        let id = String(decoding: bytes[idStart..<(idStart + 32)], as: UTF8.self).lowercased()
        #expect(id == ContentDigest.sha256(prefix).prefix(16).map { String(format: "%02x", $0) }.joined())
    }

    @Test func notdefIsRefusedWithItsPosition() throws {
        var run = Fixtures.run("𠮷田", face: Fixtures.mincho, at: Point(x: 72, y: 72))  // BIZ UD lacks 𠮷
        #expect(run.glyphs[0].glyphID == 0)
        run.glyphs.swapAt(0, 1)
        let doc = PDFDocument(pages: [PDFPage(), PDFPage(items: [.line(from: .zero, to: Point(x: 1, y: 1),
                                                                       stroke: StrokeStyle()),
                                                                 .glyphRun(run)])],
                              info: Fixtures.info())
        #expect(throws: PDFError.notdefGlyph(pageIndex: 1, itemIndex: 1, glyphIndex: 1,
                                             font: "BIZUDMincho-Regular")) {
            try doc.write()
        }
    }

    /// Scanned in runs side by side, a document still reports its first faulty page, and writes
    /// the bytes a single pass writes.
    @Test func pagesScannedSideBySideReportTheFirstFaultAndWriteTheSameBytes() throws {
        var broken = Fixtures.run("𠮷田", face: Fixtures.mincho, at: Point(x: 72, y: 72))
        broken.glyphs.swapAt(0, 1)
        let good = Fixtures.run("氏名記入", face: Fixtures.mincho, at: Point(x: 72, y: 72))
        var pages = (0..<40).map { _ in PDFPage(items: [.glyphRun(good)]) }
        pages[23] = PDFPage(items: [.glyphRun(broken)])
        pages[31] = PDFPage(items: [.line(from: Point(x: .nan, y: 0), to: .zero, stroke: StrokeStyle())])
        let faulty = PDFDocument(pages: pages, info: Fixtures.info())
        #expect(throws: PDFError.notdefGlyph(pageIndex: 23, itemIndex: 0, glyphIndex: 1,
                                             font: "BIZUDMincho-Regular")) {
            try faulty.write(options: PDFWriteOptions(threads: 4))
        }
        let sample = Self.sample()
        #expect(try sample.write(options: PDFWriteOptions(threads: 3)) == sample.write())
    }

    @Test func invalidInputIsRefused() throws {
        let info = Fixtures.info()
        #expect(throws: PDFError.noPages) { try PDFDocument(pages: [], info: info).write() }
        #expect(throws: PDFError.outlinePageOutOfRange(pageIndex: 3)) {
            try PDFDocument(pages: [PDFPage()], info: info,
                            outline: [OutlineItem(title: "x", pageIndex: 3)]).write()
        }
        #expect(throws: PDFError.invalidPageLabels) {
            try PDFDocument(pages: [PDFPage()], info: info,
                            pageLabels: [PageLabelRange(firstPageIndex: 1)]).write()
        }
        #expect(throws: PDFError.nonFiniteNumber(pageIndex: 0, itemIndex: 0)) {
            try PDFDocument(pages: [PDFPage(items: [.line(from: Point(x: .nan, y: 0), to: .zero,
                                                          stroke: StrokeStyle())])], info: info).write()
        }
    }

    /// Every number the writer prints is checked, one at a time: each of these items carries
    /// one non-finite value in a different place, and each must be refused with its position.
    @Test func everyNonFiniteNumberIsRefused() throws {
        let info = Fixtures.info()
        let run = Fixtures.run("氏名", face: Fixtures.mincho, at: Point(x: 10, y: 20))
        var items: [DrawItem] = []
        for bad in [Double.nan, .infinity, -.infinity] {
            var r = run; r.fontSize = bad; items.append(.glyphRun(r))
            r = run; r.origin.x = bad; items.append(.glyphRun(r))
            r = run; r.origin.y = bad; items.append(.glyphRun(r))
            r = run; r.color = .gray(bad); items.append(.glyphRun(r))
            r = run; r.color = .rgb(red: 0, green: 0, blue: bad); items.append(.glyphRun(r))
            r = run; r.glyphs[1].x = bad; items.append(.glyphRun(r))
            r = run; r.glyphs[1].y = bad; items.append(.glyphRun(r))
            for index in 0..<4 {
                var values = [1.0, 2, 3, 4]
                values[index] = bad
                items.append(.line(from: Point(x: values[0], y: values[1]), to: Point(x: values[2], y: values[3]),
                                   stroke: StrokeStyle()))
                items.append(.rectangle(Rect(x: values[0], y: values[1], width: values[2], height: values[3]),
                                        stroke: StrokeStyle(), fill: nil))
            }
            var stroke = StrokeStyle(); stroke.lineWidth = bad
            items.append(.line(from: .zero, to: Point(x: 1, y: 1), stroke: stroke))
            for index in 0..<6 {
                var values = [1.0, 2, 3, 4, 5, 6]
                values[index] = bad
                let curve = Path.Element.curve(to: Point(x: values[0], y: values[1]),
                                               control1: Point(x: values[2], y: values[3]),
                                               control2: Point(x: values[4], y: values[5]))
                items.append(.path(Path([.move(to: .zero), curve]), stroke: StrokeStyle(), fill: nil))
            }
        }
        for item in items {
            #expect(throws: PDFError.nonFiniteNumber(pageIndex: 0, itemIndex: 1), "\(item)") {
                _ = try PDFDocument(pages: [PDFPage(items: [.glyphRun(run), item])], info: info).write()
            }
        }
        #expect(try PDFDocument(pages: [PDFPage(items: [.glyphRun(run)])], info: info).write().count > 0)
    }

    /// Writes the sample to a fixed path and renders page 1 to PNG for a human to look at.
    @Test func renderSamplePage() throws {
        let bytes = try Self.sample().write()
        let url = URL(fileURLWithPath: "/tmp/yorisoi-pdf-sample.pdf")
        try Data(bytes).write(to: url)
        let result = try ExternalTool.run("pdftoppm", ["-r", "80", "-png", "-f", "1", "-l", "1",
                                                       url.path, "/tmp/yorisoi-pdf-sample"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
