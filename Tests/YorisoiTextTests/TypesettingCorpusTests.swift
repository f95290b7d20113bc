import Testing
import TestSupport
@testable import YorisoiText

/// The corpus of our own paragraphs (TestSupport/TypesettingCorpus) set with the real fonts at
/// 4 … 40 characters, asserting on the glyph positions that go to the display list.
@Suite struct TypesettingCorpusTests {
    static let size = 10.0
    let mincho = try! sharedFonts.chain(family: "mincho")

    /// Characters that never start a line (hard 行頭禁則), at any measure.
    static let hardLineStart: Set<String> = Set("、。，．）」』】〕〉》］｝！？・：；!?)]}".map(String.init))
    /// Relaxable in a narrow column only (JLREQ): small kana, ー, 々 and ゝ.
    static let relaxableLineStart: Set<String> = Set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶーゝゞ々".map(String.init))
    static let openingBrackets: Set<String> = Set("「『（【〔〈《［｛([{".map(String.init))
    static let numberCharacters: Set<String> = Set("0123456789,.:-".map(String.init))
    static let counters: Set<String> = Set("年月日時分秒円歳回か".map(String.init))

    struct Report: Equatable {
        var lines: [[(text: String, x: Double)]] = []
        static func == (a: Report, b: Report) -> Bool {
            a.lines.count == b.lines.count && zip(a.lines, b.lines).allSatisfy { l, r in
                l.count == r.count && zip(l, r).allSatisfy { $0.text == $1.text && $0.x == $1.x }
            }
        }
    }

    func set(_ text: String, measure: Int) throws -> LaidOutParagraph {
        try ParagraphLayout.layout([TextSpan(text, style: TextStyle(chain: mincho, size: Self.size))],
                                   settings: ParagraphSettings(width: Double(measure) * Self.size, alignment: .justify))
    }

    @Test(arguments: TypesettingCorpus.measures)
    func corpusKeepsTheRules(measure: Int) throws {
        #expect(TypesettingCorpus.paragraphs.count >= 30)
        var overfull = 0
        for text in TypesettingCorpus.paragraphs {
            let paragraph = try set(text, measure: measure)
            let lines = paragraph.lines.map { $0.glyphs.filter { !$0.text.isEmpty } }
            for (n, glyphs) in lines.enumerated() {
                guard let first = glyphs.first, let last = glyphs.last else { continue }
                let where_ = "measure \(measure), line \(n): \(glyphs.map(\.text).joined())"
                // 禁則.
                if n > 0 {
                    #expect(!Self.hardLineStart.contains(first.text), "line starts with \(first.text): \(where_)")
                    if measure >= 9 {
                        #expect(!Self.relaxableLineStart.contains(first.text), "relaxed at a wide measure: \(where_)")
                    }
                }
                if n < lines.count - 1 {
                    #expect(!Self.openingBrackets.contains(last.text), "line ends with \(last.text): \(where_)")
                }
                // Bounded spread: origin distance minus the first glyph's own advance.
                let face = paragraph.lines[n].face
                for (a, b) in zip(glyphs, glyphs.dropFirst()) {
                    let advance = Double(face(a).advance(of: a.glyphID)) / Double(face(a).metrics.unitsPerEm) * a.fontSize
                    let added = b.x - a.x - advance
                    #expect(added <= 0.5 * Self.size + 1e-6, "\(added) pt between \(a.text)\(b.text): \(where_)")
                    // Numbers are never letter-spaced.
                    if Self.isDigit(a.text) && Self.numberCharacters.contains(b.text)
                        || Self.numberCharacters.contains(a.text) && Self.isDigit(b.text) {
                        #expect(abs(added) < 1e-6, "number letter-spaced \(a.text)\(b.text): \(where_)")
                    }
                }
                if paragraph.lines[n].width > Double(measure) * Self.size + 0.01 { overfull += 1 }
                // No split number, no number split from its counter.
                if n + 1 < lines.count, let next = lines[n + 1].first {
                    let splitNumber = Self.numberCharacters.contains(last.text) && Self.numberCharacters.contains(next.text)
                        && (Self.isDigit(last.text) || Self.isDigit(next.text))
                    #expect(!splitNumber, "number split \(last.text)／\(next.text): \(where_)")
                    #expect(!(Self.isDigit(last.text) && Self.counters.contains(next.text)),
                            "number split from its counter: \(where_)")
                }
            }
        }
        // Overfull lines (a unit wider than the measure, for the cell to shrink) only in narrow columns.
        if measure >= 13 { #expect(overfull == 0) }
    }

    @Test(arguments: TypesettingCorpus.measures)
    func corpusIsDeterministic(measure: Int) throws {
        for text in TypesettingCorpus.paragraphs {
            let a = try set(text, measure: measure), b = try set(text, measure: measure)
            #expect(Self.report(a) == Self.report(b))
        }
    }

    /// Dates, times and short URLs are kept whole where the measure can hold them.
    @Test func unitsStayWholeAtTwentyCharacters() throws {
        for text in TypesettingCorpus.paragraphs {
            let lines = try set(text, measure: 20).lines.map { $0.glyphs.map(\.text).joined() }
            for unit in ["2025年6月15日", "令和7年5月12日", "令和7年11月", "8:30〜17:15", "9:00〜12:00",
                         "0438-00-0000", "0120-000-000", "1,234.5円", "12,000円", "6か月", "15:00〜16:30",
                         "https://example.jp/a", "03-0000-0000"] where text.contains(unit) {
                #expect(lines.contains { $0.contains(unit) }, "\(unit) split: \(lines)")
            }
        }
    }

    static func isDigit(_ s: String) -> Bool { s.count == 1 && s.first!.isASCII && s.first!.isNumber }

    static func report(_ p: LaidOutParagraph) -> Report {
        Report(lines: p.lines.map { $0.glyphs.map { (text: $0.text, x: $0.x) } })
    }
}
