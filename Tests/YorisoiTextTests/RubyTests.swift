import Foundation
import Testing
import TestSupport
@testable import YorisoiText

/// Ruby (docs/ruby.md): readings from the case's words and MeCab, split per character where the
/// characters' own readings add up (mono-ruby), else over the whole run (group ruby); only over
/// kanji the reader has not learned; placed per JLREQ and never part of the text.
@Suite struct RubyTests {
    let gothic = try! sharedFonts.chain(family: "gothic")

    static let grades: KanjiGrades = {
        let url = TestPaths.repositoryRoot.appendingPathComponent("Templates/ruby/kanji-grades.txt")
        return try! KanjiGrades(parsing: String(contentsOf: url, encoding: .utf8))
    }()

    func request(grade: Int = 0, words: [(word: String, reading: String)] = []) -> RubyRequest {
        RubyRequest(known: Self.grades.known(throughGrade: grade), grade: grade, words: words)
    }

    /// Base text → reading, in text order.
    func ruby(_ text: String, _ request: RubyRequest) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return RubyAnnotator.annotate(text, request: request).annotations.map {
            String(String.UnicodeScalarView(scalars[$0.range])) + ":" + $0.reading
        }
    }

    @Test func gradeTableMatchesTheTwentyTwentyEdition() throws {
        #expect(Self.grades.grades.map(\.count) == [80, 160, 200, 202, 193, 191])
        let all = Self.grades.grades.joined()
        #expect(Set(all).count == 1_026, "a kanji listed twice")
        // The 2020 edition moved the prefectures' kanji (茨, 岡, 潟, …) into grade 4.
        #expect(Self.grades.grades[3].contains("茨") && Self.grades.grades[3].contains("潟"))
        #expect(Self.grades.grades[0].contains("学") && !Self.grades.grades[0].contains("習"))
        #expect(Self.grades.known(throughGrade: 0).isEmpty)
        #expect(Self.grades.known(throughGrade: 2).count == 240)
    }

    @Test func aMalformedGradeTableNamesItsLine() {
        #expect(throws: KanjiGrades.FormatError.self) { try KanjiGrades(parsing: "# x\n1 一二\n3 三\n") }
        #expect(throws: KanjiGrades.FormatError.self) { try KanjiGrades(parsing: "1 一a\n") }
    }

    @Test func readingsSplitPerCharacterWhereTheyAddUpElseOverTheWord() {
        // 保育園 = ほ + いく + えん: mono-ruby; 学校 is がっこう, not がく + こう: group ruby.
        #expect(ruby("保育園に通う", request()) == ["保:ほ", "育:いく", "園:えん", "通:かよ"])
        #expect(ruby("学校に行く", request()) == ["学校:がっこう", "行:い"])
    }

    @Test func okuriganaPinsTheReadingToTheKanji() {
        #expect(ruby("食べる", request()) == ["食:た"])
        #expect(ruby("取り組み", request()) == ["取:と", "組:く"])
    }

    @Test func onlyUnlearnedKanjiTakeRuby() {
        // Through grade 2: 学, 校, 一 and 考 are known; 緒 is not, so 一緒 keeps its group reading.
        #expect(ruby("学校と一緒に考えたい。", request(grade: 2)) == ["一緒:いっしょ"])
        // Through grade 6 every kanji of the table is known; 緒 is not in it.
        #expect(ruby("学校", request(grade: 6)).isEmpty)
        // 保 and 育 are grade 5 and 3, 園 grade 2: a fourth-grader needs 保's reading only.
        #expect(ruby("保育園", request(grade: 4)) == ["保:ほ"])
        #expect(ruby("一緒", request(grade: 6)) == ["一緒:いっしょ"])
    }

    @Test func theCaseWordsWinAndNamesAreNeverGuessed() {
        // MeCab reads 翔 as しょう; the case's kana say かける.
        let named = request(words: [("山田 翔", "やまだ かける"), ("山田", "やまだ"), ("翔", "かける")])
        #expect(ruby("山田 翔さん", named) == ["山田:やまだ", "翔:かける"])
        #expect(ruby("翔さん", request()) != ["翔:かける"])
        // A word MeCab does not know gets no reading: counted, not guessed.
        let found = RubyAnnotator.annotate("𠮷", request: request())
        #expect(found.annotations.isEmpty && found.unread == 1)
    }

    @Test func aMonthAfterANumberIsGatsu() {
        #expect(ruby("令和7年3月11日", request()) == ["令和:れいわ", "年:ねん", "月:がつ", "日:にち"])
        #expect(ruby("令和 7 年 3 月 11 日", request()) == ["令和:れいわ", "年:ねん", "月:がつ", "日:にち"])
    }

    func layout(_ text: String, width: Double, request: RubyRequest? = nil) throws -> LaidOutParagraph {
        let style = TextStyle(chain: gothic, size: 10, ruby: request ?? self.request())
        return try ParagraphLayout.layout([TextSpan(text, style: style)],
                                          settings: ParagraphSettings(width: width, alignment: .start))
    }

    func baseText(_ line: LaidOutLine) -> String { line.glyphs.filter { !$0.isRuby }.map(\.text).joined() }
    func rubyText(_ line: LaidOutLine) -> String { line.glyphs.filter(\.isRuby).map(\.text).joined() }

    @Test func aGroupBaseIsNeverBrokenAcrossLines() throws {
        // Six ems hold 「あいうえお学」; 学校 is one base, so it moves down whole.
        let text = "あいうえお学校へいく"
        let plain = try ParagraphLayout.layout([TextSpan(text, style: TextStyle(chain: gothic, size: 10))],
                                               settings: ParagraphSettings(width: 60, alignment: .start))
        #expect(plain.lines.map(baseText) == ["あいうえお学", "校へいく"])
        let laid = try layout(text, width: 60)
        #expect(laid.lines.map(baseText) == ["あいうえお", "学校へいく"])
        #expect(laid.lines.map(rubyText) == ["", "がっこう"])
    }

    @Test func theReadingSitsOnTheBaseAtHalfSizeAndLiftsTheLine() throws {
        let laid = try layout("漢字", width: 100)
        let line = try #require(laid.lines.first)
        let ruby = line.glyphs.filter(\.isRuby)
        #expect(ruby.map(\.text).joined() == "かんじ")
        #expect(ruby.allSatisfy { $0.fontSize == 5 && $0.yOffset < -8.8 })
        // 漢 = かん, 字 = じ: mono-ruby; かん is as wide as 漢 and じ centred over 字.
        #expect(abs(ruby[0].x - 0) < 0.01 && abs(ruby[2].x - 12.5) < 0.01)
        #expect(line.ascent >= 0.88 * 10 + 5 - 0.001)
        let plain = try ParagraphLayout.layout([TextSpan("漢字", style: TextStyle(chain: gothic, size: 10))],
                                               settings: ParagraphSettings(width: 100, alignment: .start))
        #expect(line.ascent > plain.lines[0].ascent)
    }

    @Test func aLongReadingHangsOverOneKanaAtMostAndElseMakesRoom() throws {
        // わたし (15 pt) over 私 (10 pt): nothing before it, so it hangs 5 pt (one ruby
        // character, the limit) over the は after it; 私 keeps its place and は moves not at all.
        let hanging = try #require(try layout("私は", width: 100).lines.first)
        let base = hanging.glyphs.filter { !$0.isRuby }
        #expect(base.map(\.x) == [0, 10])
        let reading = hanging.glyphs.filter(\.isRuby)
        #expect(abs(reading[0].x) < 0.01 && abs(reading[2].x - 10) < 0.01)
        // Between two kanji with readings of their own it may hang over neither: 2.5 pt of
        // room opens on each side of 私.
        let between = try #require(try layout("友私達", width: 100, request: request(words: [("私", "わたし")])).lines.first)
        let middle = try #require(between.glyphs.first { !$0.isRuby && $0.text == "私" })
        #expect(abs(middle.x - 12.5) < 0.01)
    }

    @Test func textWithoutRubyIsUntouched() throws {
        let plain = try ParagraphLayout.layout([TextSpan("学校に行く", style: TextStyle(chain: gothic, size: 10))],
                                               settings: ParagraphSettings(width: 100))
        #expect(plain.lines.allSatisfy { $0.glyphs.allSatisfy { !$0.isRuby } })
        // Known kanji only: no ruby, and the same glyphs as without a request.
        let known = try layout("学校", width: 100, request: request(grade: 1))
        #expect(known.lines[0].glyphs.map(\.x) == [0, 10] && rubyText(known.lines[0]).isEmpty)
    }
}
