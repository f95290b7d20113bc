import Foundation
import Testing
import TestSupport
import YorisoiLayout
import YorisoiPDF
import YorisoiText

/// A サポートプラン-like document through layout and the PDF writer, checked with other people's
/// tools (qpdf, poppler). Set YORISOI_LAYOUT_SAMPLE=/some/file.pdf to keep the file for a look.
@Suite struct EndToEndPDFTests {
    static func body() -> [Block] {
        let label = Fixtures.style(10, gothic: true)
        let text = Fixtures.style(10)
        let labelCell = CellStyle(background: 0.9, verticalAlignment: .middle, padding: EdgeInsets(vertical: 3, horizontal: 5))
        func labelled(_ name: String) -> TableCell {
            TableCell([.paragraph(.label(name, style: label, asWideAs: "生年月日"))], style: labelCell)
        }
        func value(_ string: String, path: String) -> TableCell {
            TableCell([.paragraph(ParagraphBlock(string, style: text, sourcePath: path))],
                      style: CellStyle(verticalAlignment: .middle, padding: EdgeInsets(vertical: 3, horizontal: 5)),
                      sourcePath: path)
        }
        let person = TableBlock(columns: [.points(70), .fraction(1), .points(70), .fraction(1)], rows: [
            TableRow(cells: [labelled("氏名"), value("山田 花子 様", path: "/child/name"),
                             labelled("生年月日"), value("令和元年5月3日", path: "/child/birthdate")]),
            TableRow(cells: [labelled("住所"), TableCell([.paragraph(ParagraphBlock("千葉県袖ケ浦市坂戸市場1番地1", style: text))],
                                                     colspan: 3, style: CellStyle(verticalAlignment: .middle))]),
        ], spaceAfter: 8)

        let head = CellStyle(background: 0.85, verticalAlignment: .middle)
        func headCell(_ s: String) -> TableCell {
            TableCell([.paragraph(ParagraphBlock([.text(s, style: label)], alignment: .center))], style: head)
        }
        let supports = (1...8).map { n in
            TableRow(cells: [
                value("\(n)", path: "/plan/supports/\(n - 1)/service"),
                value(n % 3 == 0 ? "養育支援訪問事業" : "子育て世帯訪問支援事業", path: "/plan/supports/\(n - 1)/service"),
                TableCell([.paragraph(ParagraphBlock(Fixtures.longText(n == 4 ? 1500 : 90 + n * 20), style: text,
                                                     sourcePath: "/plan/supports/\(n - 1)/content"))]),
                TableCell([.paragraph(ParagraphBlock("月2回", style: text))], style: CellStyle(verticalAlignment: .middle)),
            ], sourcePath: "/plan/supports/\(n - 1)")
        }
        let plan = TableBlock(columns: [.points(24), .points(90), .fraction(1), .points(50)],
                              rows: [TableRow(cells: ["No", "サービス", "支援の内容", "頻度"].map(headCell), isHeader: true)] + supports,
                              spaceAfter: 8)

        let fixed = TableBlock(columns: [.points(90), .fraction(1)], rows: [
            TableRow(cells: [labelled("意向"), TableCell([.paragraph(ParagraphBlock(Fixtures.longText(150), style: text))],
                                                       overflow: .shrink(minimumSize: 7), sourcePath: "/plan/intent/guardian")],
                     height: .fixed(Units.mm(18))),
        ], spaceAfter: 8)

        let catalogue = CheckListBlock(items: [
            CheckItem("こども家庭センター", checked: true), CheckItem("児童相談所"), CheckItem("地区担当保健師", checked: true),
            CheckItem("家庭児童相談室"), CheckItem("こども食堂", checked: true), CheckItem("保育所"),
            CheckItem("その他", writeIn: WriteIn(text: "祖父母の協力")), CheckItem("その他", writeIn: WriteIn()),
        ], arrangement: .columns(3), style: text)
        let catalogueTable = TableBlock(columns: [.points(90), .fraction(1)], rows: [
            TableRow(cells: [TableCell([.paragraph(ParagraphBlock("心配・不安なこと\n相談したい", style: label))], style: labelCell),
                             TableCell([.checkList(catalogue)])]),
        ], spaceAfter: 10)

        let consent = GroupBlock(blocks: [
            .paragraph(ParagraphBlock("切れ目のない支援のため、関係機関とプラン内容を共有することについて同意します。",
                                      style: text, sourcePath: "/consent")),
            .scale(ScaleBlock(label: "保護者の現在の満足度", value: 50, barWidth: 240, style: text)),
            .dateBlank(DateBlankBlock(label: "（日付）", fields: [DateBlankField(value: "7", unit: "年"),
                                                                  DateBlankField(value: "1", unit: "月"),
                                                                  DateBlankField(value: "17", unit: "日")],
                                      style: text, placement: RowPlacement(alignment: .end, endIndent: 10, spaceBefore: 4))),
            .signatureLine(SignatureLineBlock(label: "（署名）", length: 200, style: text,
                                              placement: RowPlacement(alignment: .end, endIndent: 10, spaceBefore: 4))),
        ])

        return [
            .bookmark(BookmarkBlock(title: "サポートプラン")),
            .paragraph(ParagraphBlock([.text("サポートプラン", style: Fixtures.style(16, gothic: true))], alignment: .center,
                                      spaceAfter: 6)),
            .dateBlank(DateBlankBlock(label: "作成日", fields: [DateBlankField(value: "7", unit: "年"),
                                                               DateBlankField(value: "1", unit: "月"),
                                                               DateBlankField(value: "17", unit: "日")],
                                      style: text, placement: RowPlacement(alignment: .end, spaceAfter: 4))),
            .table(person),
            .table(plan),
            .table(fixed),
            .table(catalogueTable),
            .rule(RuleBlock()),
            .group(consent),
        ]
    }

    @Test func samplePlanWritesAValidPDF() throws {
        let footer = PageRegion(blocks: [.paragraph(ParagraphBlock(
            [.text("袖ケ浦市こども家庭センター　", style: Fixtures.style(8)), .pageNumber(Fixtures.style(8)),
             .text(" / ", style: Fixtures.style(8)), .pageCount(Fixtures.style(8))], alignment: .end))])
        let document = LayoutDocument(page: PageSetup(paper: .a4, margins: EdgeInsets(top: Units.mm(15), right: Units.mm(15),
                                                                                         bottom: Units.mm(18), left: Units.mm(15))),
                                      defaultStyle: Fixtures.style(10), footer: footer, body: Self.body(),
                                      title: "サポートプラン")
        let result = try Layout.run(document)
        #expect((2...3).contains(result.pages.count))
        #expect(!result.hasOverflow, "\(result.diagnostics)")
        for page in result.pages.indices { #expect(result.glyphsOutsideCells(page: page).allSatisfy { glyph in
            // Text outside tables (title, consent, scale, date and signature rows) is allowed, but
            // never inside a table's area without a cell: check it lies in the body or the footer.
            glyph.box.origin.x >= document.page.margins.left - 0.01
                && glyph.box.maxX <= document.page.width - document.page.margins.right + 0.01
        }) }

        let bytes = try result.pdfDocument(info: DocumentInfo(date: Fixtures.date)).write()
        let directory = try TestPaths.makeTemporaryDirectory("yorisoi-layout")
        let url = directory.appendingPathComponent("plan.pdf")
        try Data(bytes).write(to: url)
        if let keep = ProcessInfo.processInfo.environment["YORISOI_LAYOUT_SAMPLE"] {
            try? FileManager.default.removeItem(atPath: keep)
            try FileManager.default.copyItem(at: url, to: URL(fileURLWithPath: keep))
        }

        let check = try ExternalTool.qpdfCheck(url)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let fonts = try ExternalTool.pdffonts(url)
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode })
        // pdftotext puts a space where the engine set 和欧間 spacing (「令和元年 5 月 3 日」) and
        // breaks lines where cells wrap, so compare without white space.
        let text = try ExternalTool.pdftotext(url).filter { !$0.isWhitespace }
        for expected in ["サポートプラン", "山田花子様", "令和元年5月3日", "養育支援訪問事業", "こども家庭センター",
                         "その他（祖父母の協力）", "保護者の現在の満足度", "（署名）", "令和7年1月17日",
                         "1/\(result.pages.count)", "\(result.pages.count)/\(result.pages.count)"] {
            #expect(text.contains(expected), "pdftotext has \(expected)")
        }
        // The long support (No 4) is split across pages, and every page repeats the header row.
        #expect(text.components(separatedBy: "支援の内容頻度").count - 1 >= 2)
    }
}
