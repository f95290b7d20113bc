import Foundation
import Testing
import TestSupport

/// The two 家庭支援事業 notices (`recommendation`, `measure`) through the real executable: what the
/// text says (proven with poppler), that the 教示 is on the 措置 and never on the 勧奨, and that
/// invalid cases and incomplete profiles write nothing.
@Suite struct NoticeCommandTests {
    static let samples = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")
    /// 袖ケ浦市 writes 和暦; every person in it is fictional.
    static let sodegaura = samples.appendingPathComponent("sodegaura-notices.yaml")
    /// 見本市 (fictional) writes 西暦.
    static let mihon = samples.appendingPathComponent("recommendation-measure.yaml")

    /// Words only the 教示 uses; none may appear on a 利用勧奨 (行政指導, not a 処分). The periods
    /// are matched with 以内: a service's own period may well read 「3か月程度」.
    static let appealWords = ["教示", "審査請求", "取消し", "3か月以内", "6か月以内", "1年を経過", "被告"]

    func render(_ arguments: [String], environment: [String: String]? = nil) throws -> ExternalTool.Result {
        try ExternalTool.run(TestPaths.yorisoiExecutable.path, ["render"] + arguments,
                             currentDirectory: TestPaths.repositoryRoot, environment: environment)
    }

    /// Text without the layout's spaces and line breaks (pdftotext -raw keeps drawing order).
    func text(of pdf: URL) throws -> String {
        try ExternalTool.pdftotext(pdf, extraArguments: ["-raw"]).filter { !$0.isWhitespace }
    }

    func pageCount(_ pdf: URL) throws -> Int {
        let line = try ExternalTool.run("pdfinfo", [pdf.path]).stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return Int(line?.split(separator: " ").last ?? "") ?? 0
    }

    /// Renders `kind` and checks the file the way every notice must be: exit 0, qpdf clean, fonts
    /// embedded, subset and with ToUnicode.
    func renderedText(_ input: URL, kind: String) throws -> (text: String, pages: Int) {
        let folder = try TestPaths.makeTemporaryDirectory()
        let pdf = folder.appendingPathComponent("\(kind).pdf")
        let result = try render([input.path, "--kind", kind, "-o", pdf.path])
        #expect(result.status == 0, "\(kind): \(result.stderr)")
        #expect(try ExternalTool.qpdfCheck(pdf).status == 0)
        let fonts = try ExternalTool.pdffonts(pdf)
        #expect(!fonts.isEmpty)
        #expect(fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode })
        return (try text(of: pdf), try pageCount(pdf))
    }

    /// A copy of a sample with some text replaced, in a fresh folder (so the folder can be listed).
    func variant(of sample: URL, _ edit: (String) -> String) throws -> (folder: URL, input: URL) {
        let folder = try TestPaths.makeTemporaryDirectory()
        let input = folder.appendingPathComponent("case.yaml")
        let source = try String(contentsOf: sample, encoding: .utf8)
        let edited = edit(source)
        #expect(edited != source, "the edit did not apply")
        try edited.write(to: input, atomically: true, encoding: .utf8)
        return (folder, input)
    }

    // MARK: What the notices say

    @Test func measureStatesThePriorRecommendationTheFindingAndTheAppealInstruction() throws {
        let (text, pages) = try renderedText(Self.sodegaura, kind: "measure")
        #expect((1...2).contains(pages))
        let expected = [
            "袖こ家第142号", "令和7年6月23日",                 // 文書番号, 発信日 in 和暦
            "仮野みのり様", "袖ケ浦市長架空一郎",              // addressee, sender
            "令和7年5月12日付け袖こ家第87号",                 // the prior 勧奨
            "第21条の18第2項", "著しく困難",
            "令和7年7月1日から令和7年9月30日まで",            // period
            "費用を負担していただくことはありません",
            "教示", "3か月", "6か月", "1年", "正当な理由",
            "袖ケ浦市長に対して審査請求",                     // authority
            "袖ケ浦市を被告",                                // defendant
            "代表する者は袖ケ浦市長",                         // representative
            "袖ケ浦市こども家庭センター", "模擬たける",        // 問い合わせ先 and the staff in charge
        ]
        for phrase in expected {
            #expect(text.contains(phrase), "the measure lacks \(phrase)")
        }
    }

    @Test(arguments: ["sodegaura-notices.yaml", "recommendation-measure.yaml"])
    func recommendationHasTheFrameAndNoAppealInstruction(sample: String) throws {
        let (text, pages) = try renderedText(Self.samples.appendingPathComponent(sample), kind: "recommendation")
        #expect(pages == 1)
        for phrase in ["様", "家庭支援事業の利用について（通知）", "第21条の18第1項", "記", "減免", "問い合わせ先"] {
            #expect(text.contains(phrase), "\(sample): the recommendation lacks \(phrase)")
        }
        for word in Self.appealWords {
            #expect(!text.contains(word), "\(sample): the recommendation must not carry \(word)")
        }
    }

    @Test func recommendationInWarekiNamesNumberDateAddresseeAndSender() throws {
        let (text, _) = try renderedText(Self.sodegaura, kind: "recommendation")
        for phrase in ["袖こ家第87号", "令和7年5月12日", "仮野みのり様", "袖ケ浦市長架空一郎",
                       "子育て世帯訪問支援事業", "一時預かり事業", "袖ケ浦市子育てサポート協会（架空）"] {
            #expect(text.contains(phrase), "the recommendation lacks \(phrase)")
        }
    }

    @Test func seirekiMunicipalityWritesSeirekiDates() throws {
        let (text, _) = try renderedText(Self.mihon, kind: "measure")
        #expect(text.contains("2025年3月1日"))
        #expect(text.contains("2025年2月1日付け見こ家第123号"))
        #expect(text.contains("架空あかり様"))       // addressee: 1 is the second guardian
        #expect(!text.contains("架空まこと様"))
        #expect(text.contains("見本市を被告"))
    }

    // MARK: Drafts: no 文書番号, a blank 「第　　号」 and 見本 on every page
    //
    // What poppler 22 makes of the two marks: the 見本 is turned 30°, and poppler keeps turned text
    // but sets each turned character as a word of its own (「見」, 「本」, each over 100 pt tall);
    // `-raw` gives them first, as they are drawn. The blank's two U+3000 are real glyphs (ToUnicode
    // U+3000), but poppler takes them for a gap between words: `-raw` prints 「袖こ家第 号」, the
    // default mode even breaks the line there. So the blank is proven by its words: prefix+第 and
    // 号 on one line, two ems (20 pt at 10 pt) apart.

    /// Each sample × kind with the number line that makes the notice issued, and the prefix of
    /// its municipality.
    static let numbered: [(sample: String, kind: String, numberLine: String, prefix: String)] = [
        ("sodegaura-notices.yaml", "recommendation", "  number: 袖こ家第87号\n", "袖こ家"),
        ("sodegaura-notices.yaml", "measure", "  number: 袖こ家第142号\n", "袖こ家"),
        ("recommendation-measure.yaml", "recommendation", "  number: 見こ家第123号\n", "見こ家"),
        ("recommendation-measure.yaml", "measure", "  number: 見こ家第456号\n", "見こ家"),
    ]

    /// One page of a rendered notice: its text in drawing order and the words poppler found on it.
    struct PageText {
        var raw: String
        var words: [TextBoxes.Word]

        /// The draft mark's characters: 見 and 本 set large (見本市, the fictional town, is body-sized).
        var marks: [TextBoxes.Word] { words.filter { ($0.text == "見" || $0.text == "本") && $0.yMax - $0.yMin > 100 } }
        /// The page's own words, in reading order.
        var content: [TextBoxes.Word] { words.filter { word in !marks.contains { $0.xMin == word.xMin && $0.yMin == word.yMin } } }
    }

    /// Renders `input` as `kind`, checks the file (exit 0, qpdf clean) and reads every page.
    func pages(_ input: URL, kind: String) throws -> [PageText] {
        let pdf = try TestPaths.makeTemporaryDirectory().appendingPathComponent("\(kind).pdf")
        let result = try render([input.path, "--kind", kind, "-o", pdf.path])
        #expect(result.status == 0, "\(kind): \(result.stderr)")
        #expect(try ExternalTool.qpdfCheck(pdf).status == 0)
        return try (1...pageCount(pdf)).map { page in
            let range = ["-f", String(page), "-l", String(page)]
            return PageText(raw: try ExternalTool.pdftotext(pdf, extraArguments: range + ["-raw"]),
                            words: try TextBoxes.parse(ExternalTool.pdftotext(pdf, extraArguments: range + ["-bbox"])))
        }
    }

    /// Checks every page carries the mark once — 見 and 本, drawn first (behind the notice's
    /// text), large, and at least 10 mm from each edge of the A4 sheet.
    func expectMarkOnEveryPage(_ pages: [PageText], _ label: String) {
        let clearance = 10 * 72 / 25.4, width = 595.28, height = 841.89
        for (index, page) in pages.enumerated() {
            let place = "\(label) p.\(index + 1)"
            #expect(page.marks.map(\.text).sorted() == ["本", "見"], "\(place): \(page.marks)")
            #expect(page.raw.filter { !$0.isWhitespace }.hasPrefix("見本"), "\(place): the mark is not drawn first")
            for mark in page.marks {
                #expect(mark.xMin >= clearance && mark.yMin >= clearance, "\(place): \(mark)")
                #expect(mark.xMax <= width - clearance && mark.yMax <= height - clearance, "\(place): \(mark)")
            }
        }
    }

    @Test(arguments: 0..<4)
    func aNoticeWithoutANumberIsMarkedAsADraftOnEveryPage(index: Int) throws {
        let (sample, kind, numberLine, prefix) = Self.numbered[index]
        let label = "\(sample) \(kind)"
        let (_, input) = try variant(of: Self.samples.appendingPathComponent(sample)) {
            $0.replacingOccurrences(of: numberLine, with: "")
        }
        let draft = try pages(input, kind: kind)
        expectMarkOnEveryPage(draft, label)
        // The blank number line is the first line of the notice: prefix+第, two ems of room, 号.
        let words = try #require(draft.first).content
        try #require(words.count > 2, "\(label): \(words)")
        let (dai, gou) = (words[0], words[1])
        #expect(dai.text == prefix + "第" && gou.text == "号", "\(label): \(dai) \(gou)")
        #expect(dai.yMin == gou.yMin, "\(label): 第 and 号 are not on one line")
        #expect(abs(gou.xMin - dai.xMax - 20) < 0.5, "\(label): the blank is \(gou.xMin - dai.xMax) pt wide")
        #expect(try #require(draft.first).raw.contains(prefix + "第 号"), "\(label)")
        let blankLines = draft.flatMap(\.content).filter { $0.text == prefix + "第" }.count
        #expect(blankLines == 1, "\(label): \(blankLines) blank number lines")

        // The same notice with its number: no mark, and the number where the blank stood — the
        // same line, ending at the same place (the line is set to the right, 1字 from the edge).
        let issued = try pages(Self.samples.appendingPathComponent(sample), kind: kind)
        let number = numberLine.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "number: ", with: "")
        #expect(issued.allSatisfy { $0.marks.isEmpty }, "\(label): an issued notice carries 見本")
        #expect(issued.allSatisfy { !$0.raw.contains(prefix + "第 号") }, "\(label): an issued notice has a blank number")
        let first = try #require(issued.first)
        #expect(first.raw.filter { !$0.isWhitespace }.hasPrefix(number), "\(label): \(first.raw.prefix(40))")
        let numberLineEnd = first.content.filter { $0.yMin == dai.yMin }.map(\.xMax).max()
        #expect(numberLineEnd.map { abs($0 - gou.xMax) < 0.5 } == true, "\(label): \(String(describing: numberLineEnd)) vs \(gou.xMax)")
        #expect(issued.count == draft.count, "\(label): the draft is set on other pages than the issued notice")
    }

    /// A draft long enough for several pages carries the mark on each of them, not on the first only.
    @Test func aLongDraftCarriesTheMarkOnEveryPage() throws {
        let (_, input) = try variant(of: Self.sodegaura) { source in
            let names = ["養育支援訪問事業", "子育て短期支援事業", "児童育成支援拠点事業", "親子関係形成支援事業", "一時預かり事業"]
            let extra = names.map { name in """
                    - service: \(name)
                      content: 保健師や助産師が定期的にご自宅にうかがい、授乳や離乳食、寝かしつけ、お子さんの発達の見通し、ご家庭の生活のリズムの整え方について、ご一緒に考えながら具体的にお手伝いします。
                      provider: 袖ケ浦市こども家庭センター（架空）
                      frequency: 月2回（1回1時間程度）
                      from: 2025-07-01
                      to: 2025-09-30

                """ }.joined()
            return source.replacingOccurrences(of: "  number: 袖こ家第142号\n", with: "") + extra
        }
        let draft = try pages(input, kind: "measure")
        #expect(draft.count >= 2, "the long measure fits on \(draft.count) page(s)")
        expectMarkOnEveryPage(draft, "long measure")
        #expect(draft.last?.raw.contains("\(draft.count) / \(draft.count)") == true)
    }

    // MARK: Invalid cases write nothing

    @Test func measureWithoutRecommendationExitsOneAndWritesNothing() throws {
        let (folder, input) = try variant(of: Self.sodegaura) { source in
            // Drop the whole recommendation section (up to the measure section).
            guard let start = source.range(of: "\nrecommendation:"), let end = source.range(of: "\nmeasure:") else { return source }
            return String(source[..<start.lowerBound] + source[end.lowerBound...])
        }
        let result = try render([input.path, "--kind", "measure", "-o", folder.appendingPathComponent("out.pdf").path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("E312"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["case.yaml"])
    }

    @Test func recommendationDatedAfterTheMeasureExitsOneAndWritesNothing() throws {
        let (folder, input) = try variant(of: Self.sodegaura) {
            $0.replacingOccurrences(of: "  date: 2025-05-12", with: "  date: 2025-07-01")
        }
        let result = try render([input.path, "--kind", "measure", "-o", folder.appendingPathComponent("out.pdf").path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("E313"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["case.yaml"])
    }

    @Test func addresseeWithoutANameExitsOneAndWritesNothing() throws {
        let (folder, input) = try variant(of: Self.sodegaura) {
            $0.replacingOccurrences(of: "{name: 仮野 みのり, kana", with: "{kana")
        }
        let result = try render([input.path, "--kind", "recommendation", "-o", folder.appendingPathComponent("out.pdf").path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("E318"))
        #expect(result.stderr.contains("/guardians/0/name"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["case.yaml"])
    }

    @Test func measureBeforeEveryAppealInstructionVersionIsRefused() throws {
        let (folder, input) = try variant(of: Self.sodegaura) {
            $0.replacingOccurrences(of: "2025-05-12", with: "2015-05-12")
                .replacingOccurrences(of: "2025-06-23", with: "2015-06-23")
                .replacingOccurrences(of: "2025-07-01", with: "2015-07-01")
                .replacingOccurrences(of: "2025-09-30", with: "2015-09-30")
        }
        let result = try render([input.path, "--kind", "measure", "-o", folder.appendingPathComponent("out.pdf").path])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("appeal-instructions.yaml"))
        #expect(result.stderr.contains("T045"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["case.yaml"])
    }

    // MARK: Incomplete profiles are configuration errors

    /// A Yorisoi home (fonts.yaml + Templates) whose 見本市 profile has `edit` applied.
    func home(editingMihonProfile edit: (String) -> String) throws -> URL {
        let home = try TestPaths.makeTemporaryDirectory("yorisoi-home")
        let fm = FileManager.default
        try fm.createDirectory(at: home.appendingPathComponent("Fonts"), withIntermediateDirectories: true)
        try fm.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("Fonts/fonts.yaml"),
                        to: home.appendingPathComponent("Fonts/fonts.yaml"))
        try fm.copyItem(at: TestPaths.repositoryRoot.appendingPathComponent("Templates"),
                        to: home.appendingPathComponent("Templates"))
        let profile = home.appendingPathComponent("Templates/990019-見本市/municipality.yaml")
        let source = try String(contentsOf: profile, encoding: .utf8)
        let edited = edit(source)
        #expect(edited != source, "the edit did not apply")
        try edited.write(to: profile, atomically: true, encoding: .utf8)
        return home
    }

    @Test(arguments: ["recommendation", "measure"])
    func noticeForAProfileWithoutItsHeadIsAConfigurationError(kind: String) throws {
        let home = try home { $0.replacingOccurrences(of: "head:\n  title: 見本市長\n  name: 見本 花子\n", with: "") }
        let folder = try TestPaths.makeTemporaryDirectory()
        let result = try render([Self.mihon.path, "--kind", kind, "-o", folder.appendingPathComponent("out.pdf").path],
                                environment: ["YORISOI_HOME": home.path])
        #expect(result.status == 2, "\(kind): \(result.stderr)")
        #expect(result.stderr.contains("990019-見本市/municipality.yaml"))
        #expect(result.stderr.contains("/head/title"))
        #expect(!result.stderr.contains("架空"))          // no personal data from the case
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func measureForAProfileWithoutAppealDetailsIsAConfigurationError() throws {
        let home = try home { $0.replacingOccurrences(of: "  representative: 見本市長\n", with: "") }
        let folder = try TestPaths.makeTemporaryDirectory()
        let environment = ["YORISOI_HOME": home.path]
        let measure = try render([Self.mihon.path, "--kind", "measure", "-o", folder.appendingPathComponent("m.pdf").path],
                                 environment: environment)
        #expect(measure.status == 2, "\(measure.stderr)")
        #expect(measure.stderr.contains("/appeal/representative"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("m.pdf").path))
        // The recommendation carries no 教示, so the same profile still serves it.
        let recommendation = try render([Self.mihon.path, "--kind", "recommendation", "-o",
                                         folder.appendingPathComponent("r.pdf").path], environment: environment)
        #expect(recommendation.status == 0, "\(recommendation.stderr)")
    }
}
