import Foundation
import Testing
import TestSupport
import YorisoiPDF
import YorisoiText

/// A sample of the typesetting corpus set with the real fonts, written to a PDF and read back by
/// poppler (`pdftotext -bbox-layout`), so the rules are checked on someone else's reading of the
/// glyph positions, not only on our own numbers.
@Suite struct TypesettingPDFTests {
    static let size = 10.0
    static let fonts = try! FontLibrary(configurationFile: TestPaths.repositoryRoot.appendingPathComponent("Fonts/fonts.yaml"))
    static let hardLineStart = Set("、。，．）」』】〕！？・：；")
    static let openingBrackets = Set("「『（【〔")

    /// One paragraph per page, so each page's lines are exactly one paragraph's lines.
    static func document(measures: [Int], paragraphs: ArraySlice<String>) throws -> PDFDocument {
        let style = TextStyle(chain: try fonts.chain(family: "mincho"), size: size)
        var pages: [PDFPage] = []
        for measure in measures {
            for text in paragraphs {
                let laid = try ParagraphLayout.layout([TextSpan(text, style: style)],
                                                      settings: ParagraphSettings(width: Double(measure) * size))
                var y = 72.0
                var items: [DrawItem] = []
                for line in laid.lines {
                    items += DrawItem.glyphRuns(for: line, x: 72, baseline: y + line.baseline)
                    y += line.pitch
                }
                pages.append(PDFPage(size: .a4, items: items))
            }
        }
        return PDFDocument(pages: pages, info: DocumentInfo(title: "corpus", subject: "", creator: "test",
                                                           date: try PDFDate(year: 2025, month: 1, day: 17)))
    }

    struct Word { var text: String; var xMin: Double; var xMax: Double }

    /// Pages → lines → words, from poppler's XHTML bounding boxes.
    static func bboxLines(_ pdf: URL) throws -> [[[Word]]] {
        let xml = try ExternalTool.run("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdf.path, "-"]).stdout
        let wordPattern = try NSRegularExpression(pattern: #"<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="([0-9.]+)" yMax="[0-9.]+">([^<]*)</word>"#)
        var pages: [[[Word]]] = []
        for page in xml.components(separatedBy: "<page ").dropFirst() {
            var lines: [[Word]] = []
            for line in page.components(separatedBy: "<line ").dropFirst() {
                let ns = line as NSString
                let words = wordPattern.matches(in: line, range: NSRange(location: 0, length: ns.length)).map {
                    Word(text: ns.substring(with: $0.range(at: 3)), xMin: Double(ns.substring(with: $0.range(at: 1)))!,
                         xMax: Double(ns.substring(with: $0.range(at: 2)))!)
                }
                if !words.isEmpty { lines.append(words) }
            }
            pages.append(lines)
        }
        return pages
    }

    @Test(arguments: [6, 13])
    func popplerSeesTheRulesKept(measure: Int) throws {
        let sample = TypesettingCorpus.paragraphs.prefix(16)
        let url = try TestPaths.makeTemporaryDirectory("yorisoi-corpus").appendingPathComponent("corpus.pdf")
        try Data(try Self.document(measures: [measure], paragraphs: sample).write()).write(to: url)
        let pages = try Self.bboxLines(url)
        #expect(pages.count == sample.count)
        var lineCount = 0
        for (p, lines) in pages.enumerated() {
            for (n, words) in lines.enumerated() {
                lineCount += 1
                let text = words.map(\.text).joined()
                let context = "page \(p + 1) line \(n): \(text)"
                if n > 0, let first = text.first { #expect(!Self.hardLineStart.contains(first), "\(context)") }
                if n < lines.count - 1, let last = text.last { #expect(!Self.openingBrackets.contains(last), "\(context)") }
                // Poppler splits a line into words where glyphs stand apart: no gap wider than ½ em,
                // and never a gap inside a number.
                for (a, b) in zip(words, words.dropFirst()) {
                    #expect(b.xMin - a.xMax <= 0.5 * Self.size + 0.05, "gap \(b.xMin - a.xMax) in \(context)")
                    let inNumber = (a.text.last?.isASCII == true && a.text.last!.isNumber)
                        && (b.text.first?.isASCII == true && (b.text.first!.isNumber || ",.:-".contains(b.text.first!)))
                    #expect(!inNumber, "number letter-spaced: \(context)")
                }
                // No number split across lines.
                if n + 1 < lines.count, let last = text.last, let next = lines[n + 1].first?.text.first {
                    #expect(!(last.isASCII && last.isNumber && next.isASCII && next.isNumber), "number split: \(context)")
                }
            }
        }
        #expect(lineCount > sample.count)
    }
}
