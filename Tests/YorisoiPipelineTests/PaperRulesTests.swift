import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiDisplayList
import YorisoiLayout
import YorisoiPipeline
@testable import YorisoiText

/// Issue #26's rules for what is on paper, checked over every demo document's pages (not one
/// sample at a time): the consent never alone on a page, no line spread more than ½ em between
/// two characters, 均等割り never spreading a bracketed part, no paragraph ending on a line of one
/// character. A layout change that breaks one of them fails here with the page and the line.
extension GoldenLayoutTests {
    /// One drawn line of text: a glyph run, in page coordinates.
    struct DrawnLine {
        struct Glyph { var text: String; var x: Double; var advance: Double }
        var page: Int
        var x: Double
        var baseline: Double
        var size: Double
        var glyphs: [Glyph]
        var text: String { glyphs.map(\.text).joined() }
    }

    static func lines(of document: PDFDocument) -> [DrawnLine] {
        document.pages.enumerated().flatMap { index, page in
            page.items.compactMap { item -> DrawnLine? in
                // Ruby is set over its bases by its own rules (docs/ruby.md): the lines are the bases'.
                guard case .glyphRun(let run) = item, run.turn == .none, !run.isRuby, !run.glyphs.isEmpty else { return nil }
                let glyphs = run.glyphs.map { glyph in
                    DrawnLine.Glyph(text: glyph.text, x: run.origin.x + glyph.x,
                                    advance: Double(run.face.advance(of: glyph.glyphID)) / Double(run.face.metrics.unitsPerEm) * run.fontSize)
                }
                return DrawnLine(page: index + 1, x: run.origin.x, baseline: run.origin.y, size: run.fontSize, glyphs: glyphs)
            }
        }
    }

    static func laidOut(_ loaded: LoadedCase, kind: DocumentKind, merged: Bool = false) throws -> PDFDocument {
        let template = merged ? try renderer.mergedAssessmentTemplate(municipality: loaded.typed?.municipality) : nil
        let laid = try renderer.layOut(loaded, kind: kind, templateFile: template)
        let result = try #require(laid.layout, "\(laid.diagnostics.map(\.code.rawValue))")
        let info = try #require(laid.info)
        return result.pdfDocument(info: info)
    }

    static func demo(_ index: Int) throws -> PDFDocument {
        let document = demoDocuments[index]
        let file = root.appendingPathComponent("samples/cases/" + document.file)
        let loaded = try #require(CaseLoader().load(contentsOf: file).first)
        return try laidOut(loaded, kind: document.kind, merged: document.merged)
    }

    // MARK: The consent keeps company

    /// The page the consent sentence (the last line with 同意) is on holds something of the
    /// document above the consent besides the furniture every page repeats; nil when it does,
    /// else a description of the page.
    static func consentAlone(in document: PDFDocument) -> String? {
        let all = lines(of: document)
        guard let consent = all.last(where: { $0.text.contains("同意") }) else { return "no consent line" }
        let page = all.filter { $0.page == consent.page }
        // Furniture: a line every page repeats at the same place (a running header or footer).
        func isFurniture(_ line: DrawnLine) -> Bool {
            document.pages.count > 1 && (1...document.pages.count).allSatisfy { number in
                all.contains { $0.page == number && abs($0.x - line.x) < 0.5 && abs($0.baseline - line.baseline) < 0.5
                    && ($0.text == line.text || $0.text.contains("/")) }
            }
        }
        // The consent's own lines: the sentence may wrap, each line right above the next.
        var top = consent
        while let above = page.first(where: { abs($0.x - top.x) < 1 && top.baseline - $0.baseline > 0
            && top.baseline - $0.baseline < top.size * 2 && $0.size == top.size }) { top = above }
        let company = page.filter { $0.baseline < top.baseline - 0.5 && !isFurniture($0) }
        return company.isEmpty ? "page \(consent.page) holds only the consent" : nil
    }

    static var consentDocuments: [Int] {
        demoDocuments.indices.filter { [.supportPlan, .supportPlanChild].contains(demoDocuments[$0].kind) }
    }

    @Test(arguments: consentDocuments)
    func consentIsNeverAloneOnADemoPage(_ index: Int) throws {
        let document = try Self.demo(index)
        #expect(Self.consentAlone(in: document) == nil, "\(Self.demoDocuments[index].name)")
    }

    /// The national form with one more support at a time: somewhere on the way the consent no
    /// longer fits on page 1, and at every length it takes company with it.
    @Test func consentPushedOverAPageTakesCompany() throws {
        let file = Self.root.appendingPathComponent("samples/cases/mihon-national-support-plan.yaml")
        let source = try String(contentsOf: file, encoding: .utf8)
        let support = "    - {service: 養育支援訪問事業, content: 保健師が定期的に訪問し育児の相談にのる。, frequency: 月2回, provider: 見本市こども家庭センター}\n"
        #expect(source.contains(support))
        var pushed = false
        for extra in 0...14 {
            let yaml = source.replacingOccurrences(of: support, with: String(repeating: support, count: 1 + extra))
            let loaded = try #require(CaseLoader().load(data: Data(yaml.utf8), format: .yaml, displayName: "case.yaml").first)
            let document = try Self.laidOut(loaded, kind: .supportPlan)
            #expect(Self.consentAlone(in: document) == nil, "with \(extra) more supports")
            if let consent = Self.lines(of: document).last(where: { $0.text.contains("同意") }), consent.page > 1 { pushed = true }
        }
        #expect(pushed, "no length pushed the consent onto a later page: the test proves nothing")
    }

    // MARK: How lines are spread

    /// Letters whose advance is the whole cluster (kana, kanji, Latin letters and digits): the
    /// space between two of them is what justification added.
    static func isLetter(_ text: String) -> Bool {
        guard text.unicodeScalars.count == 1, let s = text.unicodeScalars.first else { return false }
        return (0x3041...0x3096).contains(s.value) || (0x30A1...0x30FA).contains(s.value) || (0x4E00...0x9FFF).contains(s.value)
            || s.properties.isAlphabetic && s.isASCII || ("0"..."9").contains(s)
    }

    /// The space added between each two neighbouring letters of `line` (and whether both lie inside
    /// brackets).
    static func letterGaps(_ line: DrawnLine) -> [(gap: Double, bracketed: Bool, pair: String)] {
        var result: [(Double, Bool, String)] = []
        var depth = 0
        for (a, b) in zip(line.glyphs, line.glyphs.dropFirst()) {
            if "（「『【〔".contains(a.text) && !a.text.isEmpty { depth += 1 }
            if "）」』】〕".contains(a.text) && !a.text.isEmpty { depth = max(depth - 1, 0) }
            guard isLetter(a.text), isLetter(b.text) else { continue }
            // Between Japanese and a Western letter or digit JLREQ sets ¼ em (和欧間) before any
            // spreading: that is spacing, not spread.
            let mixed = a.text.unicodeScalars.allSatisfy(\.isASCII) != b.text.unicodeScalars.allSatisfy(\.isASCII)
            result.append((b.x - (a.x + a.advance) - (mixed ? line.size / 4 : 0), depth > 0, a.text + b.text))
        }
        return result
    }

    /// A 均等割り label: a short line whose letters are all spaced alike, wider than solid.
    static func isDistributed(_ line: DrawnLine) -> Bool {
        let gaps = letterGaps(line).filter { !$0.bracketed && !$0.pair.unicodeScalars.allSatisfy(\.isASCII) }.map(\.gap)
        guard line.glyphs.count <= 16, let first = gaps.first, first > line.size * 0.05 else { return false }
        return gaps.allSatisfy { abs($0 - first) < 0.05 }
    }

    @Test(arguments: demoDocuments.indices)
    func noDemoLineSpreadsMoreThanHalfAnEm(_ index: Int) throws {
        let name = Self.demoDocuments[index].name
        for line in Self.lines(of: try Self.demo(index)) {
            let gaps = Self.letterGaps(line)
            if Self.isDistributed(line) {
                // 均等割り spreads the label, never its bracketed part (「意　向（思い）」).
                // Nor a Latin word or number (「ID」).
                for gap in gaps where gap.bracketed || gap.pair.unicodeScalars.allSatisfy(\.isASCII) {
                    #expect(gap.gap < 0.01, "\(name) p.\(line.page): 均等割り spreads 「\(gap.pair)」 in 「\(line.text)」")
                }
            } else {
                for gap in gaps {
                    #expect(gap.gap <= line.size / 2 + 0.01,
                            "\(name) p.\(line.page): 「\(gap.pair)」 \(gap.gap / line.size) em apart in 「\(line.text)」")
                }
            }
        }
    }

    /// No paragraph ends on a line of one character (besides its 。、」): a line of one letter
    /// right under a line of the same size starting at the same x is such a last line.
    @Test(arguments: demoDocuments.indices)
    func noDemoParagraphEndsOnOneCharacter(_ index: Int) throws {
        let name = Self.demoDocuments[index].name
        let all = Self.lines(of: try Self.demo(index))
        for line in all {
            let letters = line.glyphs.filter { !"。、」）．，".contains($0.text) || $0.text.isEmpty }
            guard letters.count == 1, line.glyphs.count <= 3 else { continue }
            let above = all.first { $0.page == line.page && abs($0.x - line.x) < 0.5 && $0.size == line.size
                && line.baseline - $0.baseline > line.size && line.baseline - $0.baseline < line.size * 2 }
            #expect(above == nil, "\(name) p.\(line.page): 「\(above?.text ?? "")／\(line.text)」")
        }
    }

    // MARK: Katakana words stay whole

    static func isKatakana(_ text: String) -> Bool {
        guard text.unicodeScalars.count == 1, let s = text.unicodeScalars.first else { return false }
        return (0x30A1...0x30FA).contains(s.value) || s.value == 0x30FC
    }

    /// No line ends inside a katakana word (「センタ／ー」) unless the word is longer than the line:
    /// where a katakana run goes on from one line to the next in the same column, MeCab must read a
    /// word boundary at the break.
    @Test(arguments: demoDocuments.indices)
    func noDemoLineSplitsAKatakanaWord(_ index: Int) throws {
        let segmenter = try #require(WordSegmenter.shared, "MeCab's IPAdic is missing: run scripts/setup")
        let name = Self.demoDocuments[index].name
        let all = Self.lines(of: try Self.demo(index))
        for line in all {
            guard let next = all.first(where: { $0.page == line.page && abs($0.x - line.x) < 0.5 && $0.size == line.size
                && $0.baseline - line.baseline > line.size && $0.baseline - line.baseline < line.size * 2 }) else { continue }
            let tail = line.glyphs.reversed().prefix { Self.isKatakana($0.text) }.reversed().map(\.text)
            let head = next.glyphs.prefix { Self.isKatakana($0.text) }.map(\.text)
            guard !tail.isEmpty, !head.isEmpty else { continue }
            let word = (tail + head).joined()
            let boundaries = segmenter.boundaries(word)
            let longerThanTheLine = tail.count + head.count > line.glyphs.count
            #expect(boundaries[tail.count] != .inside || longerThanTheLine,
                    "\(name) p.\(line.page): 「\(line.text)／\(next.text)」 splits \(word)")
        }
    }
}
