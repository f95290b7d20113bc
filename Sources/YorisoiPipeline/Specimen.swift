import YorisoiLayout
import YorisoiPDF
import YorisoiText

/// The typesetting specimen: two A4 pages that exercise what the text engine does — JLREQ
/// breaking and 約物 compression at several measures, 均等割り labels, rare names through the
/// fallback chain and IVS, 和暦 at the era boundaries, and (page 2) URLs, phone numbers, dates and
/// labels in narrow columns. It is the visual regression page of
/// the rendering core; every text on it is our own.
public struct Specimen: Sendable {
    public static let paragraph = "「サポートプラン」は、こどもと保護者の願い（希望）を聞き取り、課題と支援をいっしょに整理する計画書です。家庭訪問の場で作り、その場で手交することもあります……。ちょっとした困りごと――たとえば「ねむれない」「ごはんがつくれない」――も、遠慮なく書いてください！見直しは2025年4月頃、ファミリー・サポート・センターやYorisoiのPDF/A出力も使います。利用料は1,234.5円（税込）です。"
    public static let names = ["\u{20BB7}田", "髙橋", "山﨑", "葛\u{E0100}城", "葛城"]
    public static let labels = ["氏名", "住所", "生年月日", "電話番号", "続柄"]
    public static let boundaryDates = ["1989-01-07", "1989-01-08", "2019-04-30", "2019-05-01", "2025-01-17"]
    /// Section 5: text under pressure, each at the measure (in characters) that used to break it.
    public static let narrowSamples: [(text: String, measure: Double)] = [
        ("到着は時間ぎりぎりとのこと。申込はhttps://www.example.jp/kosodate/shien/form.html?id=123&lang=jaから。", 9),
        ("ご相談は平日8:30〜17:15に、こども家庭センター0438-00-0000またはhttps://example.jp/soudanへ。", 13),
        ("「ほんと？」）と、しょっちゅう聞かれた々。", 4),
        ("次回は2025年6月15日、令和7年5月の見直しから6か月後。", 6),
    ]
    /// Section 5: label cells that used to leave one character alone.
    public static let narrowLabels = ["心配していること", "子どもがすること", "モニタリング時期"]

    let mincho: FontChain
    let gothic: FontChain

    public init(fonts: FontLibrary) throws {
        mincho = try fonts.chain(family: "mincho")
        gothic = try fonts.chain(family: "gothic")
    }

    /// Page 1 and 2 share these margins; the measure is 480 pt.
    static let margin = 56.69
    static let measure = 480.0
    /// Hairlines just outside a justified measure, so its edges can be checked by eye.
    static let guides = EdgeRules(stroke: StrokeStyle(lineWidth: 0.25, color: .rgb(red: 0.85, green: 0.3, blue: 0.3)))

    /// The specimen as a box tree: what Layout sets onto two A4 pages.
    public func layoutDocument() throws -> LayoutDocument {
        let body = TextStyle(chain: mincho, size: 10.5)
        let heading = TextStyle(chain: gothic, size: 11)
        let dense = TextStyle(chain: mincho, size: 9)
        func line(_ text: String, _ style: TextStyle) -> Block {
            .paragraph(ParagraphBlock(text, style: style, alignment: .start))
        }

        var blocks: [Block] = [line("Yorisoi 組版見本", TextStyle(chain: gothic, size: 16)), .spacer(SpacerBlock(height: 6))]

        blocks.append(line("1　行分割・約物の詰め（JLREQ）：12・31字／17・23字、9ポイント", heading))
        for pair in [[12.0, 31.0], [17.0, 23.0]] {
            var columns: [ColumnBlock] = []
            var x = 0.0
            for measure in pair {
                let width = measure * dense.size
                columns.append(ColumnBlock(x: x, width: width, blocks: [.paragraph(ParagraphBlock(Self.paragraph, style: dense))],
                                           edgeRules: Self.guides))
                x += width + 24
            }
            blocks += [.columns(ColumnsBlock(columns)), .spacer(SpacerBlock(height: 8))]
        }

        blocks.append(line("2　均等割り（生年月日の幅にそろえる）", heading))
        let labelWidth = try ParagraphLayout.naturalWidth([TextSpan("生年月日", style: body)])
        let padding = 3.0
        for label in Self.labels {
            // A 均等割り label in a ruled box, followed by its value.
            let box = FramedBlock([.paragraph(ParagraphBlock(label, style: body, alignment: .distribute))], padding: padding)
            blocks.append(.columns(ColumnsBlock([
                ColumnBlock(x: 0, width: labelWidth + 2 * padding, blocks: [.framed(box)]),
                ColumnBlock(x: labelWidth + 2 * padding, width: 200, blocks: [line("：", body)]),
            ])))
        }
        blocks.append(.spacer(SpacerBlock(height: 6)))

        blocks.append(line("3　人名（代替フォント・異体字セレクタ）", heading))
        blocks += [line(Self.names.joined(separator: "　"), TextStyle(chain: mincho, size: 18)), .spacer(SpacerBlock(height: 6))]

        blocks.append(line("4　和暦（元号の境目）と年齢", heading))
        let formatter = JapaneseDateFormatter()
        let wide = JapaneseDateFormatter(digitWidth: .fullWidth)
        for iso in Self.boundaryDates {
            let date = CivilDate(iso: iso)!
            blocks.append(line("\(iso)　→　\(try formatter.japaneseEra(date))　／　\(try wide.japaneseEra(date))", body))
        }
        let month = YearMonth(iso: "2025-04")!
        let age = JapaneseAge(birthDate: CivilDate(iso: "2019-05-03")!, on: CivilDate(iso: "2025-01-17")!)!
        blocks.append(line("見直し時期：\(try formatter.japaneseEra(month, approximate: true))　年齢：\(age.formatted())（2019-05-03生、2025-01-17現在）", body))

        // Section 5 has a page of its own: narrow columns run long.
        blocks += [.pageBreak, line("5　狭い組幅：URL・電話番号・日付・狭いセル（9・13・4・6字）とラベル", heading)]
        blocks.append(narrowSection(style: dense))

        let width = PaperSize.a4.shortSide
        let page = PageSetup(paper: .a4, margins: EdgeInsets(top: Self.margin, right: width - Self.margin - Self.measure,
                                                             bottom: Self.margin, left: Self.margin))
        return LayoutDocument(page: page, defaultStyle: body, body: blocks, title: "Yorisoi 組版見本")
    }

    /// The specimen as a display-list document (lay out only; the writer makes the bytes).
    public func document() throws -> PDFDocument {
        let laid = try Layout.run(try layoutDocument())
        guard laid.uncovered.isEmpty else {
            throw PipelineError.internalFailure("specimen: characters the fonts cannot draw: \(laid.uncovered.map(\.character))")
        }
        guard laid.pages.count == 2 else {
            throw PipelineError.internalFailure("specimen: \(laid.pages.count) pages instead of 2")
        }
        let info = DocumentInfo(title: "Yorisoi 組版見本", subject: "Japanese typesetting specimen",
                                creator: "yorisoi specimen", date: try PDFDate(year: 2025, month: 1, day: 17))
        return PDFDocument(pages: laid.pages.map { PDFPage(size: .a4, items: $0.items) },
                           info: info,
                           outline: [OutlineItem(title: "組版見本", pageIndex: 0)],
                           pageLabels: [PageLabelRange(firstPageIndex: 0)],
                           structure: laid.structure)
    }
}

extension Specimen {
    /// Justified paragraphs in narrow measures side by side, each between measure guides, and
    /// in the column left over on the right, ruled label cells 7 characters wide (balanced,
    /// never one character alone) one under another.
    func narrowSection(style: TextStyle) -> Block {
        var columns: [ColumnBlock] = []
        var x = 0.0
        for sample in Self.narrowSamples {
            let width = sample.measure * style.size
            columns.append(ColumnBlock(x: x, width: width, blocks: [.paragraph(ParagraphBlock(sample.text, style: style))],
                                       edgeRules: Self.guides))
            x += width + 14
        }
        let padding = 2.0
        let cells = Self.narrowLabels.flatMap { label -> [Block] in
            [.framed(FramedBlock([.paragraph(ParagraphBlock(label, style: style))], padding: padding)),
             .spacer(SpacerBlock(height: 4))]
        }
        columns.append(ColumnBlock(x: x, width: 7 * style.size + 2 * padding, blocks: cells))
        return .columns(ColumnsBlock(columns))
    }
}
