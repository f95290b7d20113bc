import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiDisplayList
@testable import YorisoiPipeline

/// Ruby in a whole document (docs/ruby.md): names read as their kana fields say, the case's
/// `furigana` wins over the dictionary, the reader's grade comes from the request or else the
/// profile, and a translated family copy's labels take none.
@Suite struct RubyDocumentTests {
    static let renderer = GoldenLayoutTests.renderer

    func load(_ path: String, appending extra: String = "") throws -> LoadedCase {
        let url = TestPaths.repositoryRoot.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8) + extra
        return try #require(CaseLoader().load(data: Data(text.utf8), format: .yaml, displayName: url.lastPathComponent).first)
    }

    /// Each reading with the base text drawn under it (the base run on the same baseline whose
    /// glyphs lie beneath the reading's middle).
    func readings(_ laid: LaidOutCase) throws -> [(reading: String, base: String)] {
        var result: [(String, String)] = []
        for page in try #require(laid.layout).pages {
            let runs = page.items.compactMap { if case .glyphRun(let run) = $0 { run } else { nil } }
            for ruby in runs where ruby.isRuby {
                let left = ruby.origin.x + (ruby.glyphs.first?.x ?? 0)
                let right = ruby.origin.x + (ruby.glyphs.last?.x ?? 0) + ruby.fontSize
                let base = runs.filter { !$0.isRuby && $0.origin.y == ruby.origin.y }.flatMap { run in
                    run.glyphs.filter { glyph in
                        let middle = run.origin.x + glyph.x + run.fontSize / 2
                        return middle > left && middle < right
                    }.map(\.text)
                }.joined()
                result.append((ruby.glyphs.map(\.text).joined(), base))
            }
        }
        return result
    }

    @Test func namesReadAsTheirKanaFieldsSay() throws {
        // MeCab would read 仮名 as かな; the case says かめい.
        let laid = try Self.renderer.layOut(try load("samples/cases/moriya-support-plan.yaml"), kind: .supportPlanChild)
        #expect(!laid.hasErrors, "\(laid.diagnostics)")
        let found = try readings(laid)
        #expect(found.contains { $0.reading == "かめい" && $0.base == "仮名" })
        #expect(!found.contains { $0.reading == "かな" })
    }

    @Test func theCaseFuriganaWinsOverTheDictionary() throws {
        let loaded = try load("samples/cases/moriya-support-plan.yaml",
                              appending: "  - {word: 人間関係, reading: ひととのかかわり}\n")   // the sample's list goes on
        let laid = try Self.renderer.layOut(loaded, kind: .supportPlanChild)
        #expect(!laid.hasErrors, "\(laid.diagnostics)")
        let found = try readings(laid)
        #expect(found.contains { $0.reading == "ひととのかかわり" && $0.base == "人間関係" }, "\(found)")
        #expect(!found.contains { $0.reading.contains("にんげん") })
    }

    @Test func theGradeComesFromTheRequestElseTheProfile() throws {
        let loaded = try load("samples/cases/moriya-support-plan.yaml")
        let all = try readings(Self.renderer.layOut(loaded, kind: .supportPlanChild))
        #expect(all.contains { $0.base == "学校" }, "\(all)")
        // Through grade 1, 学 and 校 are known.
        let first = try readings(Self.renderer.layOut(loaded, kind: .supportPlanChild, ruby: RubyOption(grade: 1)))
        #expect(!first.contains { $0.base.contains("学") }, "\(first)")
        #expect(first.count < all.count)
        // 見本市's profile says ruby_grade: 2: a plan with ruby on has none over 学校 unless asked.
        let mihon = try load("samples/cases/mihon-national-support-plan.yaml")
        let profiled = try readings(Self.renderer.layOut(mihon, kind: .supportPlan, ruby: RubyOption(mode: .on)))
        let everything = try readings(Self.renderer.layOut(mihon, kind: .supportPlan, ruby: RubyOption(mode: .on, grade: 0)))
        #expect(!profiled.isEmpty && profiled.count < everything.count)
        #expect(!profiled.contains { $0.base == "一" || $0.base == "日" })
    }

    @Test func offMeansNoneAndAPlainFormHasNoneByDefault() throws {
        let loaded = try load("samples/cases/moriya-support-plan.yaml")
        #expect(try readings(Self.renderer.layOut(loaded, kind: .supportPlanChild, ruby: RubyOption(mode: .off))).isEmpty)
        #expect(try readings(Self.renderer.layOut(loaded, kind: .supportPlan)).isEmpty)
    }

    @Test func aFamilyCopysTranslationsTakeNoRuby() throws {
        let laid = try Self.renderer.layOut(try load("samples/cases/moriya-support-plan.yaml"), kind: .supportPlanChild,
                                            familyCopy: "zh-Hans")
        #expect(!laid.hasErrors, "\(laid.diagnostics)")
        let runs = try #require(laid.layout).pages.flatMap(\.items).compactMap { if case .glyphRun(let run) = $0 { run } else { nil } }
        #expect(runs.contains { $0.isRuby })
        #expect(!runs.contains { $0.isRuby && $0.language != nil })
        let found = try readings(laid)
        // A reading never stands over Chinese text (its baseline holds Japanese bases only).
        #expect(found.allSatisfy { !$0.base.isEmpty })
    }
}

extension RubyDocumentTests {
    /// A word no one can read (𠮷𠮷 is in no dictionary and the case gives no reading) is printed
    /// without ruby, and a warning names its field — not the word.
    @Test func kanjiWithoutAReadingAreNamedByTheirField() throws {
        let url = TestPaths.repositoryRoot.appendingPathComponent("samples/cases/moriya-support-plan.yaml")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "人間関係", with: "𠮷𠮷関係")
        let loaded = try #require(CaseLoader().load(data: Data(text.utf8), format: .yaml, displayName: "case.yaml").first)
        let laid = try Self.renderer.layOut(loaded, kind: .supportPlanChild)
        #expect(!laid.hasErrors, "\(laid.diagnostics)")
        let warnings = laid.diagnostics.filter { $0.code == .w208 }
        #expect(warnings.count == 1, "\(warnings)")   // the staff's names are read by the sample's furigana
        #expect(warnings.first?.path.hasPrefix("/plan/issues") == true)
        #expect(warnings.allSatisfy { !$0.message.contains("𠮷") && !$0.messageEN.contains("𠮷") })
        #expect(try readings(laid).contains { $0.base == "関係" })
        #expect(try readings(laid).contains { $0.reading == "ためしだ" && $0.base == "試田" })
        // Without ruby nothing is asked, so nothing is missing.
        #expect(!(try Self.renderer.layOut(loaded, kind: .supportPlanChild, ruby: RubyOption(mode: .off)))
            .diagnostics.contains { $0.code == .w208 })
    }
}
