import Foundation
import Testing
import TestSupport

/// The forms' layout through the real executable, read back with poppler: page numbers, the
/// service catalogue's table, the signature rule, one-page forms.
@Suite struct FormLayoutCommandTests {
    static let samples = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")

    func run(_ arguments: [String]) throws -> ExternalTool.Result {
        try ExternalTool.run(TestPaths.yorisoiExecutable.path, arguments, currentDirectory: TestPaths.repositoryRoot)
    }

    func render(_ input: URL, kind: String, in folder: URL) throws -> URL {
        let pdf = folder.appendingPathComponent("\(kind).pdf")
        let result = try run(["render", input.path, "--kind", kind, "-o", pdf.path])
        #expect(result.status == 0, "\(kind): \(result.stderr)")
        #expect(try ExternalTool.qpdfCheck(pdf).status == 0)
        return pdf
    }

    /// Each page's text as pdftotext -raw gives it (pages are separated by form feeds).
    func pageTexts(_ pdf: URL) throws -> [String] {
        try ExternalTool.pdftotext(pdf, extraArguments: ["-raw"])
            .split(separator: "\u{0C}", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Every 「k / n」 page number printed on a page, spaces removed.
    func pageNumbers(in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: #"(?<![0-9])[0-9]+ ?/ ?[0-9]+(?![0-9])"#)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range, in: text).map { String(text[$0]).filter { !$0.isWhitespace } }
        }
    }

    /// The sample's two services and four more.
    @Test func aNoticeWithSixServicesNumbersItsPagesAndKeepsEachItemWhole() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        var source = try String(contentsOf: Self.samples.appendingPathComponent("sodegaura-notices.yaml"), encoding: .utf8)
        let extra = (1...4).map { n in
            """
                - service: 架空事業\(n)
                  content: 架空の支援員がご自宅にうかがい、家事とお子さんのお世話をお手伝いします。内容は架空のものです。
                  provider: 架空の事業者\(n)（架空）
                  period: 令和7年6月から3か月程度
                  frequency: 頻度の記載\(n)

            """
        }.joined()
        source = source.replacingOccurrences(of: "  services:\n    - service: 子育て世帯訪問支援事業\n      content: 訪問支援員がご自宅に",
                                             with: "  services:\n" + extra + "    - service: 子育て世帯訪問支援事業\n      content: 訪問支援員がご自宅に")
        let input = folder.appendingPathComponent("six.yaml")
        try source.write(to: input, atomically: true, encoding: .utf8)

        let pages = try pageTexts(try render(input, kind: "recommendation", in: folder))
        #expect(pages.count >= 2)
        for (index, text) in pages.enumerated() {
            #expect(try pageNumbers(in: text) == ["\(index + 1)/\(pages.count)"], "page \(index + 1)")
        }
        // Each service's first row (its name) and last row (its frequency) are on one page.
        for n in 1...4 {
            let name = pages.firstIndex { $0.filter { !$0.isWhitespace }.contains("架空事業\(n)") }
            let frequency = pages.firstIndex { $0.filter { !$0.isWhitespace }.contains("頻度の記載\(n)") }
            #expect(name != nil && name == frequency, "service \(n): name on page \(name.map { $0 + 1 } ?? 0), frequency on \(frequency.map { $0 + 1 } ?? 0)")
        }

        // The one-page sample carries no page number.
        let single = try pageTexts(try render(Self.samples.appendingPathComponent("sodegaura-notices.yaml"), kind: "recommendation",
                                              in: try TestPaths.makeTemporaryDirectory()))
        #expect(single.count == 1)
        #expect(try pageNumbers(in: single[0]).isEmpty)
    }

    @Test func aPacketPageShowsOnlyThePacketsPageNumber() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let pdf = folder.appendingPathComponent("packet.pdf")
        let result = try run(["packet", "samples/meetings/mihon-progress-review.yaml", "-o", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try pageTexts(pdf)
        #expect(pages.count > 2)
        for (index, text) in pages.enumerated() {
            let numbers = try pageNumbers(in: text)
            #expect(numbers == ["\(index + 1)/\(pages.count)"], "page \(index + 1): \(numbers)")
        }
    }

    @Test func theSodegauraCatalogueIsATableWithTheFormsHeadings() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let pdf = try render(Self.samples.appendingPathComponent("sodegaura-support-plan.yaml"), kind: "support-plan", in: folder)
        let text = try pageTexts(pdf).joined().filter { !$0.isWhitespace }
        #expect(text.contains("内容袖ケ浦市の子どもや保護者のサポート・事業時期"))
        // Group labels break only where the form breaks them.
        let raw = try ExternalTool.pdftotext(pdf, extraArguments: ["-raw"])
        #expect(raw.contains("経済的な支援"))
        #expect(raw.contains("生活の状況や\n環境を整えたい"))
    }

    @Test func theSignatureBlankDrawsItsRule() throws {
        let folder = try TestPaths.makeTemporaryDirectory()
        let pdf = try render(Self.samples.appendingPathComponent("mihon-national-support-plan.yaml"), kind: "support-plan", in: folder)
        // The national 様式例 is a one-page form.
        #expect(try pageTexts(pdf).count == 1)
        let xhtml = try ExternalTool.pdftotext(pdf, extraArguments: ["-bbox"])
        // The blank follows 「（署名）」 (pdftotext may count its spaces into the word): the
        // crop starts four ems in, where the blank has begun, and stops before 「（日付）」.
        let lines = xhtml.split(separator: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(">（署名）") }) else {
            Issue.record("no （署名） in the text")
            return
        }
        let word = try #require(TextBoxes.parse(String(lines[index])).first)
        let x = Int(word.xMin + 45), y = Int(word.yMin), width = 100, height = Int(word.yMax - word.yMin) + 6
        let crop = folder.appendingPathComponent("crop")
        let rendered = try ExternalTool.run("pdftoppm", ["-gray", "-r", "72", "-singlefile", "-x", "\(x)", "-y", "\(y)",
                                                         "-W", "\(width)", "-H", "\(height)", pdf.path, crop.path])
        #expect(rendered.status == 0)
        let image = try Data(contentsOf: folder.appendingPathComponent("crop.pgm"))
        // Binary PGM: "P5", width, height, maxval, then one byte per pixel.
        var fields: [String] = []
        var offset = 0
        var current = ""
        while fields.count < 4, offset < image.count {
            let byte = image[offset]
            offset += 1
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                if !current.isEmpty { fields.append(current); current = "" }
            } else {
                current.append(Character(UnicodeScalar(byte)))
            }
        }
        let w = Int(fields[1]) ?? 0, h = Int(fields[2]) ?? 0
        #expect(w == width && h == height)
        let pixels = Array(image[offset...])
        // Some row of the crop is dark nearly all the way across: the rule under the blank.
        let ruled = (0..<h).contains { row in
            (0..<w).filter { pixels[row * w + $0] < 128 }.count > w * 9 / 10
        }
        #expect(ruled, "no rule to the right of （署名）")
    }
}
