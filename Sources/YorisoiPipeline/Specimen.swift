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

    /// The specimen as a display-list document (lay out only; the writer makes the bytes).
    public func document() throws -> PDFDocument {
        var page = PageCursor(left: 56.69, top: 56.69)   // 20 mm margins
        let body = TextStyle(chain: mincho, size: 10.5)
        let heading = TextStyle(chain: gothic, size: 11)

        try page.paragraph([TextSpan("Yorisoi 組版見本", style: TextStyle(chain: gothic, size: 16))],
                           width: 480, alignment: .start)
        page.skip(6)

        try page.paragraph([TextSpan("1　行分割・約物の詰め（JLREQ）：12・31字／17・23字、9ポイント", style: heading)],
                           width: 480, alignment: .start)
        let dense = TextStyle(chain: mincho, size: 9)
        for pair in [[12.0, 31.0], [17.0, 23.0]] {
            let top = page.y
            var bottom = top
            var x = 0.0
            for measure in pair {
                page.y = top
                let width = measure * dense.size
                try page.paragraph([TextSpan(Self.paragraph, style: dense)], width: width, alignment: .justify, x: x)
                page.measureGuides(x: x, width: width, top: top, bottom: page.y)
                bottom = max(bottom, page.y)
                x += width + 24
            }
            page.y = bottom + 8
        }

        try page.paragraph([TextSpan("2　均等割り（生年月日の幅にそろえる）", style: heading)], width: 480, alignment: .start)
        let labelWidth = try ParagraphLayout.naturalWidth([TextSpan("生年月日", style: body)])
        for label in Self.labels {
            try page.labelRow(label: TextSpan(label, style: body), labelWidth: labelWidth,
                              value: TextSpan("：", style: body))
        }
        page.skip(6)

        try page.paragraph([TextSpan("3　人名（代替フォント・異体字セレクタ）", style: heading)], width: 480, alignment: .start)
        try page.paragraph([TextSpan(Self.names.joined(separator: "　"), style: TextStyle(chain: mincho, size: 18))],
                           width: 480, alignment: .start)
        page.skip(6)

        try page.paragraph([TextSpan("4　和暦（元号の境目）と年齢", style: heading)], width: 480, alignment: .start)
        let formatter = JapaneseDateFormatter()
        let wide = JapaneseDateFormatter(digitWidth: .fullWidth)
        for iso in Self.boundaryDates {
            let date = CivilDate(iso: iso)!
            try page.paragraph([TextSpan("\(iso)　→　\(try formatter.japaneseEra(date))　／　\(try wide.japaneseEra(date))", style: body)],
                               width: 480, alignment: .start)
        }
        let month = YearMonth(iso: "2025-04")!
        let age = JapaneseAge(birthDate: CivilDate(iso: "2019-05-03")!, on: CivilDate(iso: "2025-01-17")!)!
        try page.paragraph([TextSpan("見直し時期：\(try formatter.japaneseEra(month, approximate: true))　年齢：\(age.formatted())（2019-05-03生、2025-01-17現在）", style: body)],
                           width: 480, alignment: .start)

        // Section 5 has a page of its own: narrow columns run long.
        var second = PageCursor(left: 56.69, top: 56.69)
        try second.paragraph([TextSpan("5　狭い組幅：URL・電話番号・日付・狭いセル（9・13・4・6字）とラベル", style: heading)],
                             width: 480, alignment: .start)
        try narrowSection(&second, style: dense)
        page.uncovered += second.uncovered

        guard page.uncovered.isEmpty else {
            throw PipelineError.internalFailure("specimen: characters the fonts cannot draw: \(page.uncovered)")
        }
        let info = DocumentInfo(title: "Yorisoi 組版見本", subject: "Japanese typesetting specimen",
                                creator: "yorisoi specimen", date: try PDFDate(year: 2025, month: 1, day: 17))
        return PDFDocument(pages: [PDFPage(size: .a4, items: page.items), PDFPage(size: .a4, items: second.items)],
                           info: info,
                           outline: [OutlineItem(title: "組版見本", pageIndex: 0)],
                           pageLabels: [PageLabelRange(firstPageIndex: 0)])
    }
}

extension Specimen {
    /// Justified paragraphs in narrow measures side by side, each between measure guides, and
    /// ruled label cells 7 characters wide (balanced, never one character alone).
    func narrowSection(_ page: inout PageCursor, style: TextStyle) throws {
        let top = page.y
        var bottom = top
        var x = 0.0
        for sample in Self.narrowSamples {
            page.y = top
            let width = sample.measure * style.size
            try page.paragraph([TextSpan(sample.text, style: style)], width: width, alignment: .justify, x: x)
            page.measureGuides(x: x, width: width, top: top, bottom: page.y)
            bottom = max(bottom, page.y)
            x += width + 14
        }
        // The label cells stack in the column left over on the right.
        page.y = top
        for label in Self.narrowLabels {
            try page.labelCell(TextSpan(label, style: style), width: 7 * style.size, x: x)
            page.skip(4)
        }
        bottom = max(bottom, page.y)
        page.y = bottom + 4
    }
}

/// Moves down one page, placing paragraphs and simple rules. Just enough layout for the specimen.
struct PageCursor {
    let left: Double
    var y: Double
    var items: [DrawItem] = []
    var uncovered: [UncoveredCharacter] = []

    init(left: Double, top: Double) {
        self.left = left
        self.y = top
    }

    mutating func skip(_ points: Double) { y += points }

    mutating func paragraph(_ spans: [TextSpan], width: Double, alignment: TextAlignment, x: Double = 0) throws {
        let laid = try ParagraphLayout.layout(spans, settings: ParagraphSettings(width: width, alignment: alignment))
        uncovered += laid.uncovered
        for line in laid.lines {
            items += DrawItem.glyphRuns(for: line, x: left + x, baseline: y + line.baseline)
            y += line.pitch
        }
    }

    /// Hairlines just outside both edges of a measure, so justification can be checked by eye.
    mutating func measureGuides(x: Double, width: Double, top: Double, bottom: Double) {
        let stroke = StrokeStyle(lineWidth: 0.25, color: .rgb(red: 0.85, green: 0.3, blue: 0.3))
        for edge in [left + x - 1, left + x + width + 1] {
            items.append(.line(from: Point(x: edge, y: top), to: Point(x: edge, y: bottom), stroke: stroke))
        }
    }

    /// A label cell as forms set one longer than 均等割り allows: justified in a ruled box.
    mutating func labelCell(_ label: TextSpan, width: Double, x: Double) throws {
        let top = y, padding = 2.0
        try paragraph([label], width: width, alignment: .justify, x: x + padding)
        items.append(.rectangle(Rect(x: left + x, y: top, width: width + 2 * padding, height: y - top),
                                stroke: StrokeStyle(lineWidth: 0.5), fill: nil))
    }

    /// A 均等割り label in a ruled box of `labelWidth`, followed by its value.
    mutating func labelRow(label: TextSpan, labelWidth: Double, value: TextSpan) throws {
        let top = y
        let padding = 3.0
        let laid = try ParagraphLayout.layout([label], settings: ParagraphSettings(width: labelWidth, alignment: .distribute))
        uncovered += laid.uncovered
        let height = laid.height
        for line in laid.lines {
            items += DrawItem.glyphRuns(for: line, x: left + padding, baseline: top + line.baseline)
        }
        try paragraph([value], width: 200, alignment: .start, x: labelWidth + 2 * padding)
        y = top + height
        items.append(.rectangle(Rect(x: left, y: top, width: labelWidth + 2 * padding, height: height),
                                stroke: StrokeStyle(lineWidth: 0.5), fill: nil))
    }
}
