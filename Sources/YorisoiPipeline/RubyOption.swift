import Foundation
import YorisoiBinding
import YorisoiCase
import YorisoiTemplates
public import YorisoiText

/// Ruby as the caller asks for it (docs/ruby.md): `render --ruby`, `--ruby-grade N`, `--no-ruby`,
/// the API's `ruby` and `ruby_grade`, the page's 「ふりがな」.
public struct RubyOption: Sendable, Hashable {
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// As the template says: a こども版 has ruby, other forms have none.
        case template
        /// Ruby on every text of any form (except where the template says `ruby="false"`).
        case on
        /// No ruby at all, a こども版 included.
        case off
    }

    public var mode: Mode
    /// The school grade whose kanji the reader knows (0–6): ruby goes over every other kanji.
    /// nil: the profile's `ruby_grade`, else 0 (every kanji).
    public var grade: Int?

    public init(mode: Mode = .template, grade: Int? = nil) {
        self.mode = mode
        self.grade = grade
    }

    /// The grades a caller may name.
    public static let grades = MunicipalityProfile.rubyGrades
}

extension Renderer {
    /// The binder's ruby plan for one case: nil when no ruby is asked for. Names take their
    /// kana fields, then the case's `furigana` (docs/ruby.md).
    func rubyPlan(_ option: RubyOption, case value: Case?, profile: MunicipalityProfile) throws -> RubyPlan? {
        let scope: RubyPlan.Scope
        switch option.mode {
        case .off: return nil
        case .template: scope = .template
        case .on: scope = .everywhere
        }
        let grade = option.grade ?? profile.rubyGrade ?? 0
        let request = RubyRequest(known: try kanjiGrades().known(throughGrade: grade), grade: grade,
                                  words: Self.caseWords(value))
        return RubyPlan(scope: scope, request: request)
    }

    /// The 学年別漢字配当表 (Templates/ruby/kanji-grades.txt), read once per renderer.
    public func kanjiGrades() throws -> KanjiGrades {
        if let table = kanjiGradeTable.withLock({ $0 }) { return table }
        let table = try readKanjiGrades()
        kanjiGradeTable.withLock { $0 = table }
        return table
    }

    private func readKanjiGrades() throws -> KanjiGrades {
        let url = templatesRoot.appendingPathComponent("ruby/kanji-grades.txt")
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw PipelineError.configuration("\(url.path): 学年別漢字配当表を読めません (cannot read the kanji grade table)")
        }
        do { return try KanjiGrades(parsing: text) } catch {
            throw PipelineError.configuration("\(url.path): \(error.description)")
        }
    }

    /// The readings a case gives: each person's name with its kana (split at the space between
    /// family and given name when both have one), then `furigana`, which wins for its word.
    static func caseWords(_ value: Case?) -> [(word: String, reading: String)] {
        guard let value else { return [] }
        var words: [(word: String, reading: String)] = []
        for entry in value.furigana {
            if let word = entry.word, let reading = entry.reading, RubyText.isReading(reading) { words.append((word, reading)) }
        }
        var names: [(String?, String?)] = [(value.child?.name, value.child?.kana)]
        names += value.guardians.map { ($0.name, $0.kana) }
        names += value.family.map { ($0.name, $0.kana) }
        for case let (name?, kana?) in names where RubyText.isReading(kana) {
            words.append((name, kana))
            let nameParts = name.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
            let kanaParts = kana.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" }).map(String.init)
            if nameParts.count > 1, nameParts.count == kanaParts.count { words += zip(nameParts, kanaParts).map { ($0, $1) } }
        }
        return words
    }
}
