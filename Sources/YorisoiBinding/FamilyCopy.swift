import Foundation
public import YorisoiCase
import Synchronization
public import YorisoiTemplates

/// One language's label translations, read from `Templates/labels/<code>.yaml`.
///
/// Keys are the Japanese label exactly as the form prints it (「こどもの名前」, 「生年月日」), so a
/// label shared by several forms is translated once and a form's wording stays in its template.
public struct LabelLanguage: Sendable, Hashable {
    /// The file's name and the value `--family-copy` takes (`en`, `pt`, `vi`, `zh-Hans`);
    /// `easy-ja` for やさしい日本語.
    public var code: String
    /// The BCP 47 tag written on the text (`en`, `zh-Hans`; `ja` for やさしい日本語).
    public var tag: String
    /// How the language names itself (the staff page's select shows it).
    public var name: String
    /// The fonts.yaml family the translation is set in.
    public var family: String
    /// The sentence a notice prints under 参考訳: the translation is for reference only.
    public var referenceNote: String
    public var labels: [String: String]

    /// The translation of `label`, or nil when the file has none.
    public func translation(of label: String) -> String? {
        labels[LabelLanguage.key(label)]
    }

    /// Labels are looked up without the line breaks and spaces a form uses to lay them out
    /// (「見直し\n時期」, 「氏　名」).
    static func key(_ label: String) -> String {
        String(label.unicodeScalars.filter { !" \u{3000}\n\t".unicodeScalars.contains($0) }.map(Character.init))
    }
}

/// The label translations that ship in `Templates/labels/`.
public struct LabelCatalogue: Sendable {
    public static let folder = "labels"
    /// やさしい日本語: printed under every label of a family copy, whatever its language.
    public static let easyJapanese = "easy-ja"

    public let easy: LabelLanguage
    /// The family copy's languages by code, やさしい日本語 excluded.
    public let languages: [String: LabelLanguage]

    /// The codes `--family-copy` accepts, sorted.
    public var codes: [String] { languages.keys.sorted() }

    /// Reads every `Templates/labels/*.yaml`; a malformed file is a T040 naming the file and key.
    public static func load(templatesRoot: URL) throws(TemplateError) -> LabelCatalogue {
        let folder = templatesRoot.appendingPathComponent(Self.folder)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw TemplateError(.unreadable, at: .file(Self.folder), "cannot list the label translations")
        }
        var languages: [String: LabelLanguage] = [:]
        for name in names {
            let language = try read(folder.appendingPathComponent(name), code: String(name.dropLast(".yaml".count)))
            languages[language.code] = language
        }
        guard let easy = languages.removeValue(forKey: easyJapanese) else {
            throw TemplateError(.referenceMissing, at: .file("\(Self.folder)/\(easyJapanese).yaml"),
                                "やさしい日本語 labels are missing")
        }
        return LabelCatalogue(easy: easy, languages: languages)
    }

    static func read(_ url: URL, code: String) throws(TemplateError) -> LabelLanguage {
        let file = "\(folder)/\(url.lastPathComponent)"
        let root: CaseNode
        do {
            let data = try Data(contentsOf: url)
            guard data.count <= 1024 * 1024, let text = String(data: data, encoding: .utf8),
                  let read = try YAMLCaseReader().read(text).root else {
                throw TemplateError(.profile, at: .file(file), "must be UTF-8 YAML of at most 1 MB")
            }
            root = read
        } catch let error as TemplateError {
            throw error
        } catch {
            throw TemplateError(.profile, at: .file(file), "not valid YAML")
        }
        func text(_ key: String) throws(TemplateError) -> String {
            guard case .string(let value)? = root[key]?.value, !value.isEmpty else {
                throw TemplateError(.profile, at: .file(file), pointer: "/\(key)", "must be text")
            }
            return value
        }
        guard case .object(let members)? = root["labels"]?.value else {
            throw TemplateError(.profile, at: .file(file), pointer: "/labels", "must map Japanese labels to their translation")
        }
        var labels: [String: String] = [:]
        for member in members {
            guard case .string(let value) = member.node.value, !value.isEmpty else {
                let line = member.keyPosition.map { TemplateLocation(file: file, line: $0.line, column: $0.column) } ?? .file(file)
                throw TemplateError(.profile, at: line, "a label's translation must be text")
            }
            labels[LabelLanguage.key(member.key)] = value
        }
        guard try text("language") == code else {
            throw TemplateError(.profile, at: .file(file), pointer: "/language", "must be the file's name (\(code))")
        }
        return LabelLanguage(code: code, tag: try text("tag"), name: try text("name"), family: try text("font"),
                             referenceNote: try text("reference_note"), labels: labels)
    }
}

/// What a family copy adds to a form: every label also in やさしい日本語 and in the family's
/// language, and the free text the case translated (`translations` in the case file).
public struct FamilyCopy: Sendable {
    public let easy: LabelLanguage
    public let language: LabelLanguage
    /// The case's translations into `language`, by the JSON pointer of the field they translate.
    public let freeText: [String: String]
    /// Labels the form printed that neither file translates (the label text itself: template
    /// wording, never case data); tests require none for the shipped forms.
    public let misses = MissedLabels()

    public init(easy: LabelLanguage, language: LabelLanguage, freeText: [String: String] = [:]) {
        self.easy = easy; self.language = language; self.freeText = freeText
    }

    /// The case's `translations` list into `code`: `{language, field, text}` items by field.
    public static func freeText(in root: CaseNode?, language code: String) -> [String: String] {
        guard case .array(let items)? = root?["translations"]?.value else { return [:] }
        var found: [String: String] = [:]
        for item in items {
            guard case .string(let language)? = item["language"]?.value, language == code,
                  case .string(let field)? = item["field"]?.value,
                  case .string(let text)? = item["text"]?.value, !text.isEmpty else { continue }
            found[field] = text
        }
        return found
    }
}

/// The labels a family copy could not translate, collected while binding.
public final class MissedLabels: Sendable {
    private let labels = Mutex<Set<String>>([])

    func record(_ label: String) { labels.withLock { _ = $0.insert(label) } }

    public var all: [String] { labels.withLock { $0.sorted() } }
}
