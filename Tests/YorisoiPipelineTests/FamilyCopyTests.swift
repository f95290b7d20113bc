import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiDisplayList
import YorisoiLayout
@testable import YorisoiPipeline

/// `--family-copy LANG` (docs/family-copy.md): every label of a family form also in やさしい日本語
/// and in LANG, set in that language's fonts and tagged with it; the case's own translations of
/// free text under the field; 参考訳 on notices; an unknown LANG refused with the list.
@Suite struct FamilyCopyTests {
    static let renderer = GoldenLayoutTests.renderer
    static let languages = ["en", "pt", "vi", "zh-Hans"]
    /// The documents a family is handed (an アセスメントシート stays with the agencies).
    static let familyKinds: Set<DocumentKind> = [.supportPlan, .supportPlanChild, .recommendation, .measure]

    func load(_ path: String) throws -> LoadedCase {
        let url = TestPaths.repositoryRoot.appendingPathComponent(path)
        return try #require(CaseLoader().load(data: Data(contentsOf: url), format: .yaml, displayName: url.lastPathComponent).first)
    }

    func runs(_ laid: LaidOutCase) throws -> [GlyphRun] {
        try #require(laid.layout).pages.flatMap(\.items).compactMap { if case .glyphRun(let run) = $0 { run } else { nil } }
    }

    @Test(arguments: languages)
    func everyLabelOfEveryFamilyFormIsTranslated(language: String) throws {
        var missing: Set<String> = []
        for document in GoldenLayoutTests.demoDocuments where Self.familyKinds.contains(document.kind) {
            let laid = try Self.renderer.layOut(try load("samples/cases/\(document.file)"), kind: document.kind,
                                                familyCopy: language)
            #expect(!laid.hasErrors, "\(document.name): \(laid.diagnostics)")
            missing.formUnion(laid.untranslatedLabels)
        }
        #expect(missing.isEmpty, "untranslated into \(language): \(missing.sorted().joined(separator: "|"))")
    }

    /// The label 「生年月日」 gets its やさしい日本語 (in the form's Japanese face, untagged) and its
    /// Vietnamese (in Noto Sans, tagged vi) on the lines under it; the Japanese text stays untagged.
    @Test func translatedRunsCarryTheirLanguageAndFace() throws {
        let laid = try Self.renderer.layOut(try load("samples/cases/sodegaura-support-plan.yaml"), kind: .supportPlan,
                                            familyCopy: "vi")
        #expect(!laid.hasErrors, "\(laid.diagnostics)")
        let runs = try runs(laid)
        let text = { (run: GlyphRun) in run.glyphs.map(\.text).joined() }
        let vietnamese = runs.filter { text($0) == "Ngày sinh" }
        #expect(!vietnamese.isEmpty)
        #expect(vietnamese.allSatisfy { $0.language == "vi" && $0.face.postScriptName == "NotoSans-Regular" })
        let easy = runs.filter { text($0) == "うまれたひ" || text($0) == "うまれた ひ" }
        #expect(!easy.isEmpty && easy.allSatisfy { $0.language == nil })
        #expect(runs.filter { $0.language == nil }.contains { text($0).contains("生") })
        // Only the family copy's own lines are tagged, and only with its language.
        #expect(Set(runs.compactMap(\.language)) == ["vi"])
    }

    @Test func chineseLabelsAreSetInTheHansFaces() throws {
        let laid = try Self.renderer.layOut(try load("samples/cases/sodegaura-notices.yaml"), kind: .measure,
                                            familyCopy: "zh-Hans")
        #expect(!laid.hasErrors, "\(laid.diagnostics)")
        let chinese = try runs(laid).filter { $0.language == "zh-Hans" }
        #expect(chinese.contains { $0.face.postScriptName == "DroidSansFallback" })
        #expect(laid.layout?.uncovered.isEmpty == true)
    }

    /// Without --family-copy nothing is added: the same pages, item for item.
    @Test func aPlainRenderIsUntouched() throws {
        let loaded = try load("samples/family-copy/moriya-family-copy.yaml")
        let plain = try Self.renderer.layOut(loaded, kind: .supportPlan)
        let reference = try Self.renderer.layOut(try load("samples/cases/moriya-support-plan.yaml"), kind: .supportPlan)
        let dump = { (laid: LaidOutCase) in
            (laid.layout?.pages ?? []).enumerated().flatMap { DisplayListDump.lines(of: $1, number: $0 + 1) }
        }
        #expect(dump(plain) == dump(reference))
        #expect(try runs(plain).allSatisfy { $0.language == nil })
    }

    /// The case's own Vietnamese of 「学校と一緒に考えたい。」 is printed under it, tagged vi; its
    /// English is not (the copy is Vietnamese). Staff's Japanese is printed as written.
    @Test func theCaseTranslationOfAFieldIsPrintedUnderIt() throws {
        let laid = try Self.renderer.layOut(try load("samples/family-copy/moriya-family-copy.yaml"), kind: .supportPlan,
                                            familyCopy: "vi")
        #expect(!laid.hasErrors, "\(laid.diagnostics)")
        let runs = try runs(laid)
        let joined = runs.map { $0.glyphs.map(\.text).joined() }.joined()
        #expect(joined.contains("学校と一緒に考えたい。"))
        #expect(runs.contains { $0.language == "vi" && $0.glyphs.map(\.text).joined().contains("nhà trường") })
        #expect(!joined.contains("together with the school"))
    }

    /// A notice's family copy opens with 参考訳 and says the Japanese binds, in all three.
    @Test(arguments: [DocumentKind.recommendation, .measure])
    func aNoticeMarksItsTranslationsAsReference(kind: DocumentKind) throws {
        let laid = try Self.renderer.layOut(try load("samples/cases/sodegaura-notices.yaml"), kind: kind, familyCopy: "en")
        let runs = try runs(laid)
        let first = try #require(runs.first { $0.glyphs.map(\.text).joined().hasPrefix("参考訳") })
        #expect(first.language == nil)
        #expect(runs.contains { $0.language == "en" && $0.glyphs.map(\.text).joined().hasPrefix("Reference translation") })
        // The binding text itself is not touched: 「記」 and the 教示's opening stay Japanese only.
        #expect(runs.contains { $0.glyphs.map(\.text).joined() == "記" })
    }

    @Test func anUnknownLanguageIsAUsageErrorListingTheLanguages() throws {
        #expect {
            _ = try Self.renderer.layOut(try load("samples/cases/moriya-support-plan.yaml"), kind: .supportPlan,
                                         familyCopy: "xx")
        } throws: { error in
            guard case PipelineError.configuration(let text) = error else { return false }
            return text.contains("xx") && text.contains("en, pt, vi, zh-Hans")
        }
    }
}

/// The family copy as a PDF, through the command line: its fonts embedded as subsets, the
/// labels' translations in the text, and an unknown language refused with exit 2.
@Suite struct FamilyCopyPDFTests {
    func render(_ arguments: [String]) throws -> (status: Int32, stderr: String, pdf: URL) {
        let pdf = try TestPaths.makeTemporaryDirectory("family-copy").appendingPathComponent("out.pdf")
        let result = try ExternalTool.run(TestPaths.yorisoiExecutable.path, ["render"] + arguments + ["-o", pdf.path],
                                          currentDirectory: TestPaths.repositoryRoot)
        return (result.status, result.stderr, pdf)
    }

    @Test(arguments: [("vi", "NotoSans-Regular", "Ngày sinh"), ("zh-Hans", "DroidSansFallback", "出生日期"),
                      ("pt", "NotoSans-Regular", "Endereço")])
    func theLanguagesFontIsEmbeddedAndItsWordsCopyOut(language: String, font: String, label: String) throws {
        let (status, stderr, pdf) = try render(["samples/cases/sodegaura-support-plan.yaml", "--kind", "support-plan",
                                                "--family-copy", language])
        #expect(status == 0, "\(stderr)")
        #expect(try ExternalTool.qpdfCheck(pdf).status == 0)
        let fonts = try ExternalTool.pdffonts(pdf)
        let face = try #require(fonts.first { $0.name.hasSuffix("+" + font) }, "\(fonts.map(\.name))")
        #expect(face.embedded && face.subset && face.unicode)
        let text = try ExternalTool.pdftotext(pdf)
        #expect(text.contains(label))
        #expect(text.contains("うまれた ひ"))
    }

    @Test func anUnknownLanguageExitsTwoWithTheList() throws {
        let (status, stderr, pdf) = try render(["samples/cases/moriya-support-plan.yaml", "--kind", "support-plan",
                                                "--family-copy", "tlh"])
        #expect(status == 2)
        #expect(stderr.contains("en, pt, vi, zh-Hans"))
        #expect(!FileManager.default.fileExists(atPath: pdf.path))
    }
}
