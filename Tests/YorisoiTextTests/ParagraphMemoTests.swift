import Testing
@testable import YorisoiText

/// `ParagraphMemo` keeps what the shared `ParagraphCache` does not — values and free text — for
/// runs that set them again the same way; a hit must be exactly what laying out gives.
@Suite struct ParagraphMemoTests {
    let mincho = try! sharedFonts.chain(family: "mincho")

    /// Every glyph of every line: face, id, position and text.
    func dump(_ paragraph: LaidOutParagraph) -> [String] {
        paragraph.lines.map { line in
            "\(line.baseline) " + line.glyphs.map { "\(line.face(of: $0).postScriptName):\($0.glyphID)@\($0.x)[\($0.text)]" }
                .joined(separator: " ")
        }
    }

    @Test func valuesAndFreeTextAreKeptAndAHitIsTheLayout() throws {
        let memo = ParagraphMemo()
        let style = TextStyle(chain: mincho, size: 10)
        let settings = ParagraphSettings(width: 120)
        let texts = ["令和７年４月１日", "月2回（全6回）",
                     String(repeating: "自由記述の文章で、行を何度も折り返します。", count: 8)]
        for (index, text) in texts.enumerated() {
            let spans = [TextSpan(text, style: style)]
            let fresh = try ParagraphLayout.layoutUncached(spans, settings: settings)
            let first = try ParagraphLayout.layout(spans, settings: settings, memo: memo)
            #expect(memo.count == index + 1, "\(text) is kept")
            let hit = try ParagraphLayout.layout(spans, settings: settings, memo: memo)
            #expect(memo.count == index + 1)
            #expect(dump(first) == dump(fresh))
            #expect(dump(hit) == dump(fresh))
        }
        // Another size or measure is another paragraph.
        _ = try ParagraphLayout.layout([TextSpan(texts[0], style: TextStyle(chain: mincho, size: 9.4))],
                                       settings: settings, memo: memo)
        _ = try ParagraphLayout.layout([TextSpan(texts[0], style: style)], settings: ParagraphSettings(width: 60), memo: memo)
        #expect(memo.count == texts.count + 2)
    }

    @Test func labelsRubyAndHugeTextsAreNotKept() throws {
        let memo = ParagraphMemo()
        let style = TextStyle(chain: mincho, size: 10)
        let settings = ParagraphSettings(width: 200)
        // A label belongs to the shared cache.
        _ = try ParagraphLayout.layout([TextSpan("支援の内容", style: style)], settings: settings, memo: memo)
        // Ruby belongs to one case's request.
        var withRuby = style
        withRuby.ruby = RubyRequest(known: [], grade: 0)
        _ = try ParagraphLayout.layout([TextSpan("令和７年", style: withRuby)], settings: settings, memo: memo)
        // Longer than `maxTextLength`: setting it is all the memory it may cost.
        let huge = String(repeating: "あ", count: ParagraphMemo.maxTextLength / 3 + 1)
        _ = try ParagraphLayout.layout([TextSpan(huge, style: style)], settings: settings, memo: memo)
        #expect(memo.count == 0)
    }

    @Test func noMoreThanCapacityAreKept() throws {
        let memo = ParagraphMemo()
        let style = TextStyle(chain: mincho, size: 10)
        for n in 0..<(ParagraphMemo.capacity + 10) {
            _ = try ParagraphLayout.layout([TextSpan("\(n)", style: style)], settings: ParagraphSettings(width: 100),
                                           memo: memo)
        }
        #expect(memo.count == ParagraphMemo.capacity)
    }

    /// The template's own words are for the shared cache at any length up to
    /// `maxTemplateTextLength` (they come again in every case); the same length of case text is
    /// not, nor template text with a digit (a page number), nor longer template text. (The rule,
    /// not the cache's contents: the process-wide cache fills once, and other suites in this
    /// process may have filled it.) A paragraph laid out as template text is what layout gives.
    @Test func templateTextIsSharedAtAnyLengthCaseTextIsNot() throws {
        let style = TextStyle(chain: mincho, size: 10.25)
        let settings = ParagraphSettings(width: 300)
        let sentence = String(repeating: "この計画は家庭と一緒に作り、写しをお渡しします。", count: 4)
        #expect(sentence.utf8.count > ParagraphCache.maxTextLength)
        let template = [TextSpan(sentence, style: style)]
        #expect(ParagraphCache.keeps(template, isTemplateText: true))
        #expect(!ParagraphCache.keeps(template, isTemplateText: false))
        #expect(!ParagraphCache.keeps([TextSpan(sentence + "1 / 2", style: style)], isTemplateText: true))
        let long = String(repeating: "長", count: ParagraphCache.maxTemplateTextLength / 3 + 1)
        #expect(!ParagraphCache.keeps([TextSpan(long, style: style)], isTemplateText: true))
        #expect(ParagraphCache.keeps([TextSpan("支援の内容", style: style)], isTemplateText: false))

        let fresh = try ParagraphLayout.layoutUncached(template, settings: settings)
        let first = try ParagraphLayout.layout(template, settings: settings, isTemplateText: true)
        let again = try ParagraphLayout.layout(template, settings: settings, isTemplateText: true)
        #expect(dump(first) == dump(fresh))
        #expect(dump(again) == dump(fresh))
    }

    /// A width measured once is taken from the memo after (the measure is not run again), and
    /// is the width measuring gives.
    @Test func naturalWidthsAreKept() throws {
        let memo = ParagraphMemo()
        let spans = [TextSpan("要保護児童対策地域協議会の資料（児童福祉法第25条の5）", style: TextStyle(chain: mincho, size: 7))]
        let measured = try ParagraphLayout.naturalWidth(spans)
        #expect(try ParagraphLayout.naturalWidth(spans, memo: memo) == measured)
        #expect(memo.naturalWidth(spans) { -1 } == measured)
        #expect(try ParagraphLayout.naturalWidth(spans, memo: nil) == measured)
    }
}
