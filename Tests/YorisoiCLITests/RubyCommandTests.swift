import Foundation
import Testing
import TestSupport

/// Ruby through the real executable (docs/ruby.md): a こども版 has it by its template, any form
/// with `--ruby`, none with `--no-ruby`; the readings are drawn (artifacts with an empty
/// /ActualText, counted in the uncompressed content) but never copied — pdftotext gives the
/// same base text with or without them; bad options and bad `furigana` are refused by name.
@Suite struct RubyCommandTests {
    static let samples = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")

    func render(_ sample: String, _ kind: String, _ options: [String] = []) throws -> (result: ExternalTool.Result, pdf: URL) {
        let out = try TestPaths.makeTemporaryDirectory("ruby").appendingPathComponent("out.pdf")
        let result = try ExternalTool.run(TestPaths.yorisoiExecutable.path,
                                          ["render", Self.samples.appendingPathComponent(sample).path, "--kind", kind,
                                           "-o", out.path] + options,
                                          currentDirectory: TestPaths.repositoryRoot)
        return (result, out)
    }

    /// Readings set in the PDF: each is one `/Span <</ActualText <feff>>> BDC` (an empty text
    /// string) in a content stream.
    func readings(_ pdf: URL) throws -> Int {
        let qdf = try ExternalTool.run("qpdf", ["--qdf", "--object-streams=disable", pdf.path, "-"])
        return qdf.stdout.lowercased().components(separatedBy: "/span <</actualtext <feff>>> bdc").count - 1
    }

    /// The text in content order, without spaces and without the check boxes' invisible words
    /// (which sit where their box is, and a label wrapped differently moves the box).
    func text(_ pdf: URL) throws -> String {
        try ExternalTool.pdftotext(pdf, extraArguments: ["-raw"]).filter { !$0.isWhitespace }
            .replacingOccurrences(of: "チェックなし", with: "").replacingOccurrences(of: "チェックあり", with: "")
    }

    @Test func theChildVersionHasRubyAndItsTextIsTheBaseText() throws {
        let (ruby, withRuby) = try render("moriya-support-plan.yaml", "support-plan-child")
        #expect(ruby.status == 0, "\(ruby.stderr)")
        #expect(try readings(withRuby) > 30)
        let (plain, withoutRuby) = try render("moriya-support-plan.yaml", "support-plan-child", ["--no-ruby"])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(try readings(withoutRuby) == 0)
        // The same words either way: the readings are never part of the text.
        #expect(try text(withRuby) == text(withoutRuby))
        #expect(try text(withRuby).contains("人間関係"))
        #expect(try !text(withRuby).contains("にんげんかんけい"))
        _ = try ExternalTool.run("qpdf", ["--check", withRuby.path])
    }

    @Test func anyFormTakesRubyOnRequestAndFewerForAnOlderReader() throws {
        let (none, plain) = try render("sodegaura-support-plan.yaml", "support-plan")
        #expect(none.status == 0)
        #expect(try readings(plain) == 0)
        let (all, everyKanji) = try render("sodegaura-support-plan.yaml", "support-plan", ["--ruby"])
        #expect(all.status == 0, "\(all.stderr)")
        let (sixth, sixthGrade) = try render("sodegaura-support-plan.yaml", "support-plan", ["--ruby", "--ruby-grade", "6"])
        #expect(sixth.status == 0, "\(sixth.stderr)")
        #expect(try readings(everyKanji) > readings(sixthGrade))
        #expect(try readings(sixthGrade) > 0, "kanji beyond the 1,026 of the table still get theirs")
        #expect(try text(everyKanji) == text(plain))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let grade = try render("moriya-support-plan.yaml", "support-plan-child", ["--ruby-grade", "7"])
        #expect(grade.result.status == 2)
        #expect(grade.result.stderr.contains("--ruby-grade"))
        let both = try render("moriya-support-plan.yaml", "support-plan-child", ["--ruby", "--no-ruby"])
        #expect(both.result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: both.pdf.path))
    }

    @Test func aFuriganaReadingThatIsNotKanaIsRefusedByItsPointer() throws {
        let source = try String(contentsOf: Self.samples.appendingPathComponent("moriya-support-plan.yaml"), encoding: .utf8)
        let dir = try TestPaths.makeTemporaryDirectory("ruby-case")
        let file = dir.appendingPathComponent("case.yaml")
        // The sample ends with its furigana list (two entries); two more go on it.
        #expect(source.hasSuffix("reading: ふくお}\n"))
        try (source + "  - {word: 人間関係, reading: ningen}\n  - {word: ふりがな, reading: ふりがな}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.pdf")
        let result = try ExternalTool.run(TestPaths.yorisoiExecutable.path,
                                          ["render", file.path, "--kind", "support-plan-child", "-o", out.path],
                                          currentDirectory: TestPaths.repositoryRoot)
        #expect(result.status == 1)
        #expect(result.stderr.contains("E208 /furigana/2/reading"))
        #expect(result.stderr.contains("E209 /furigana/3/word"))
        #expect(!result.stderr.contains("ningen"), "the entry is named, its text is not")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
