import Foundation
import Synchronization
import YorisoiBinding
import YorisoiCase
import YorisoiLayout
import YorisoiPDF
import YorisoiTemplates
import YorisoiText
import YorisoiValidation

/// One case rendered: the PDF when nothing stands in the way, and every diagnostic found.
public struct RenderOutcome: Sendable {
    public var pdf: [UInt8]?
    public var pageCount: Int
    public var diagnostics: [Diagnostic]
    /// The PDF's SHA-256, taken as it was written (nil when there is no PDF, or it was not taken).
    public var sha256: [UInt8]?

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}

/// The render stage for one case: validate, resolve the template, bind, lay out, write.
///
/// Fonts and templates are loaded once and shared, so one `Renderer` serves a whole batch.
/// Any error diagnostic — from validation or from layout (text that does not fit its box) —
/// means no PDF: `render` must never hand out a document that is wrong.
public final class Renderer: Sendable {
    public let fonts: FontLibrary
    public let templates: TemplateLibrary
    /// The binder's defaults (Templates/national/binding-style.yaml), read once.
    public let bindingDefaults: BindingStyle
    let templatesRoot: URL
    /// The municipalities' profile folders, for validation (E206), found once like the templates.
    let municipalityFolders: TemplatesFolder
    /// The 学年別漢字配当表, read at the first render with ruby and kept (`kanjiGrades()`): a
    /// batch of こども版 reads it once, and a templates folder without it still renders plain forms.
    let kanjiGradeTable = Mutex<KanjiGrades?>(nil)

    public init(locator: ResourceLocator, fonts: FontLibrary) throws {
        self.fonts = fonts
        self.templatesRoot = locator.templates
        self.municipalityFolders = TemplatesFolder(root: locator.templates)
        do {
            self.templates = try TemplateLibrary(root: locator.templates)
            self.bindingDefaults = try BindingStyle.load(templatesRoot: templates.root)
        } catch {
            throw PipelineError.template(error)
        }
    }

    /// The validation context for one municipality: profile folders, its service catalogue, and
    /// glyph coverage by the real font chain.
    /// With `kind`, the form that kind resolves to adds its `<unprinted>` declarations (W120);
    /// a template that does not load is reported by rendering, not here.
    public func validationContext(municipality code: String?, kind: DocumentKind? = nil,
                                  templateFile: URL? = nil) throws -> ValidationContext {
        var catalogue: [String] = []
        var feeBands: [String]?
        if let code {
            do {
                let entry = try templates.municipality(code)
                catalogue = entry.profile.catalogues.values.flatMap { $0.groups.flatMap { $0.options.map(\.label) } }
                feeBands = entry.profile.feeBandNames
            } catch where error.code == .unknownMunicipality {
                // No profile for the code: validation reports it at the case's field (E206).
            } catch {
                throw PipelineError.template(error)
            }
        }
        var unprinted: [UnprintedValue] = []
        var minchoInGothic: (any GlyphCoverage)?
        if let code, let kind, let resolved = try? template(municipality: code, kind: kind, file: templateFile) {
            unprinted = resolved.template.unprinted
            if resolved.template.style.family == .gothic || resolved.profile.fontFamily == .gothic,
               let gothicOnly = try? fonts.chain(family: "gothic-only") {
                minchoInGothic = MinchoSubstituteCoverage(gothicOnly: gothicOnly, gothic: try fonts.chain(family: "gothic"))
            }
        }
        return ValidationContext(municipalities: municipalityFolders, serviceCatalogue: catalogue,
                                 glyphCoverage: FontChainCoverage(chain: try fonts.chain(family: bindingDefaults.bodyFamily)),
                                 unprinted: unprinted, minchoInGothic: minchoInGothic, feeBands: feeBands)
    }

    /// The template `code` uses for `kind`, or the file given instead (TemplateLibrary keeps
    /// each one once resolved, so a batch parses its template once).
    public func template(municipality code: String, kind: DocumentKind, file: URL? = nil) throws -> ResolvedTemplate {
        let resolved: ResolvedTemplate
        do {
            if let file {
                resolved = try templates.template(file: file, municipality: code)
            } else {
                return try templates.template(municipality: code, kind: kind.rawValue)
            }
        } catch {
            throw PipelineError.template(error)
        }
        // A template given by path is held to the kind asked for: a measure notice bound to a
        // support-plan case tree would print a document of the wrong kind, or nothing.
        guard Self.template(kind: resolved.template.kind, serves: kind) else {
            throw PipelineError.configuration("\(file?.lastPathComponent ?? ""): 様式の種類 \(resolved.template.kind) は --kind \(kind.rawValue) に使えません (a \(resolved.template.kind) template cannot render \(kind.rawValue))")
        }
        return resolved
    }

    /// Whether a template whose `kind` attribute is `templateKind` renders documents of `kind`
    /// (the 事務局's consolidated sheet is an アセスメントシート too).
    static func template(kind templateKind: String, serves kind: DocumentKind) -> Bool {
        templateKind == kind.rawValue || (kind == .assessment && templateKind == "assessment-merged")
    }

    /// Validates, binds and lays out one case without writing it: the pages and what the
    /// document should be called. `render` writes it; `packet` puts many into one PDF.
    /// - Parameter pageNumbers: `.hidden` for a document printed inside a packet, which numbers
    ///   the pages itself.
    public func layOut(_ loaded: LoadedCase, kind: DocumentKind, municipality override: String? = nil,
                       templateFile: URL? = nil, pageNumbers: PageNumbering = .shown,
                       reservedTop: Double = 0, familyCopy language: String? = nil,
                       ruby: RubyOption = RubyOption()) throws -> LaidOutCase {
        // An unknown language is a usage error before any work (exit 2, with the list).
        let labels = try language.map { _ in try labelCatalogue() }
        if let language, labels?.languages[language] == nil {
            throw PipelineError.configuration("--family-copy \(language): 知らない言語です。使える言語: \((labels?.codes ?? []).joined(separator: ", ")) (unknown family-copy language; known: \((labels?.codes ?? []).joined(separator: ", ")))")
        }
        let code = override ?? loaded.typed?.municipality
        var diagnostics = Validator().validate(loaded, kind: kind, context: try validationContext(municipality: code, kind: kind, templateFile: templateFile))
        guard !diagnostics.contains(where: \.isError), let root = loaded.root, let code else {
            return LaidOutCase(layout: nil, diagnostics: diagnostics, info: nil)
        }

        let resolved = try template(municipality: code, kind: kind, file: templateFile)
        var layoutDocument: LayoutDocument
        let tree: CaseNode
        let familyCopy = language.flatMap { code in
            labels.flatMap { labels in
                labels.languages[code].map {
                    FamilyCopy(easy: labels.easy, language: $0, freeText: FamilyCopy.freeText(in: root, language: code))
                }
            }
        }
        do {
            tree = try boundTree(root, of: loaded, kind: kind, municipality: code)
            layoutDocument = try DocumentBinder(fonts: fonts, template: resolved.template, defaults: bindingDefaults,
                                                familyCopy: familyCopy,
                                                ruby: try rubyPlan(ruby, case: loaded.typed, profile: resolved.profile))
                .bind(scope: resolved.scope(for: tree))
        } catch let error as TemplateError {
            throw PipelineError.template(error)
        } catch let error as DocumentTooLong {
            return LaidOutCase(layout: nil, diagnostics: diagnostics + [LayoutFindings.tooLong(error.limit)], info: nil)
        }
        layoutDocument.pageNumbers = pageNumbers
        layoutDocument.reservedTop = reservedTop
        try RenderCancellation.check()
        var laid = try Layout.run(layoutDocument)
        guard laid.pages.count <= LayoutFindings.maximumPages else {
            return LaidOutCase(layout: nil, diagnostics: diagnostics + [LayoutFindings.tooLong("\(LayoutFindings.maximumPages) pages")], info: nil)
        }
        // The same rule that printed the blank 「第　　号」 (ResolvedTemplate.scope) marks the pages.
        if NoticeNumber(kind: resolved.template.kind, case: tree)?.isDraft == true {
            try DraftMark(fonts: fonts).mark(&laid)
        }
        diagnostics += LayoutFindings.diagnostics(laid, root: root)
        let info = DocumentInfo(title: [resolved.template.title, loaded.typed?.id].compactMap { $0 }.joined(separator: " "),
                                author: resolved.profile.centre.name, creator: "Yorisoi",
                                date: try DocumentDate.of(loaded.typed?.created))
        return LaidOutCase(layout: laid, diagnostics: diagnostics, info: info,
                           untranslatedLabels: familyCopy?.misses.all ?? [])
    }

    public func render(_ loaded: LoadedCase, kind: DocumentKind, municipality override: String? = nil,
                       templateFile: URL? = nil, familyCopy: String? = nil,
                       ruby: RubyOption = RubyOption()) throws -> RenderOutcome {
        let laidOut = try layOut(loaded, kind: kind, municipality: override, templateFile: templateFile,
                                 familyCopy: familyCopy, ruby: ruby)
        guard let laid = laidOut.layout, let info = laidOut.info, !laidOut.hasErrors else {
            return RenderOutcome(pdf: nil, pageCount: laidOut.layout?.pages.count ?? 0, diagnostics: laidOut.diagnostics)
        }
        try RenderCancellation.check()
        let (pdf, sha256) = try Self.write(laid.pdfDocument(info: info))
        return RenderOutcome(pdf: pdf, pageCount: laid.pages.count, diagnostics: laidOut.diagnostics, sha256: sha256)
    }
}

extension Renderer {
    /// The file and its SHA-256; a writer stopped by the render's cancellation is the render's
    /// own `RenderCancelled` (E037 under a time budget), not a failure of the PDF.
    static func write(_ document: PDFDocument) throws -> (bytes: [UInt8], sha256: [UInt8]) {
        do {
            return try document.writeDigested()
        } catch .cancelled {
            throw RenderCancelled()
        }
    }

    /// The label translations of a family copy (`Templates/labels/`), read when one is asked
    /// for: a few small files, and a template folder without them still renders plain forms.
    public func labelCatalogue() throws -> LabelCatalogue {
        do { return try LabelCatalogue.load(templatesRoot: templatesRoot) } catch { throw PipelineError.template(error) }
    }
}

/// One case laid out: pages (when validation let it get that far), every diagnostic, and the
/// document information its PDF would carry.
public struct LaidOutCase: Sendable {
    public var layout: LayoutResult?
    public var diagnostics: [Diagnostic]
    public var info: DocumentInfo?
    /// A family copy's labels that no file of Templates/labels/ translates (template wording).
    public var untranslatedLabels: [String] = []

    public var hasErrors: Bool { diagnostics.contains(where: \.isError) }
}

/// Glyph coverage checked by the font chain the documents are set in.
struct FontChainCoverage: GlyphCoverage {
    let chain: FontChain

    func uncovered(in text: String) -> [UncoveredCharacter] {
        // A chain that cannot even load its fallback font is a configuration problem found at
        // start-up; here a failure to load counts every character as uncovered rather than none.
        (try? chain.uncoveredCharacters(in: text))
            ?? text.unicodeScalars.enumerated().map { UncoveredCharacter(codePoint: $1.value, offset: $0, isPrivateUse: $1.isPrivateUse) }
    }
}

/// The characters gothic text would take from the chain's Mincho fallback: not in the gothic
/// faces (`gothic-only` in fonts.yaml) but drawable by the whole gothic chain.
struct MinchoSubstituteCoverage: GlyphCoverage {
    let gothicOnly: FontChain
    let gothic: FontChain

    func uncovered(in text: String) -> [UncoveredCharacter] {
        guard let missing = try? gothicOnly.uncoveredCharacters(in: text), !missing.isEmpty else { return [] }
        let nowhere = Set(((try? gothic.uncoveredCharacters(in: text)) ?? []).map(\.codePoint))
        return missing.filter { !$0.isPrivateUse && !nowhere.contains($0.codePoint) }
    }
}

/// Layout problems as case diagnostics, positioned at the case field they came from.
enum LayoutFindings {
    /// The most pages one document may have (a packet counts each case's document on its own).
    static let maximumPages = 2_000

    static func tooLong(_ limit: String) -> Diagnostic {
        Diagnostic(.e503, path: "", at: nil,
                   message: "文書が長すぎます（上限 \(limit)）。様式の繰り返しとケースの件数を見直してください",
                   messageEN: "the document would exceed \(limit); check the template's repeats and the case's lists")
    }

    static func diagnostics(_ result: LayoutResult, root: CaseNode) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for finding in result.diagnostics where finding.severity == .error {
            let path = finding.sourcePath ?? ""
            let position = root.resolve(pointer: path)?.position
            let tallerThanPage: Bool
            if case .tallerThanPage = finding.kind { tallerThanPage = true } else { tallerThanPage = false }
            found.append(Diagnostic(tallerThanPage ? .e502 : .e501, path: path, at: position,
                                    message: tallerThanPage ? "1ページに収まらない欄があります（\(finding)）"
                                                            : "記入欄に収まりません。文章を短くするか、様式を見直してください（\(finding)）",
                                    messageEN: tallerThanPage ? "a block does not fit on any page"
                                                              : "text does not fit its field even at the minimum font size"))
        }
        // Kanji ruby could not read, once per field (a field is set again on every trial size
        // and in every repeated header).
        var unread: [String: Int] = [:]
        var unreadOrder: [String] = []
        for finding in result.diagnostics {
            guard case .unreadKanji(let count) = finding.kind else { continue }
            let path = finding.sourcePath ?? ""
            if unread[path] == nil { unreadOrder.append(path) }
            unread[path] = max(unread[path] ?? 0, count)
        }
        for path in unreadOrder {
            // Text with no case value in it is the form's own or the profile's (the centre's name).
            let place = path.isEmpty ? "様式や自治体の設定の文言に" : ""
            let placeEN = path.isEmpty ? " in the form's or the profile's own text" : ""
            found.append(Diagnostic(.w208, path: path, at: root.resolve(pointer: path)?.position,
                                    message: "\(place)読みの分からない漢字が \(unread[path]!) か所あり、ふりがなを付けずに印刷します。ケースの furigana に読みを書けます",
                                    messageEN: "\(unread[path]!) run(s) of kanji\(placeEN) have no known reading and are printed without ruby; give readings under furigana"))
        }
        for missing in result.uncovered {
            let path = missing.sourcePath ?? ""
            found.append(Diagnostic(missing.character.isPrivateUse ? .e402 : .e401, path: path,
                                    at: root.resolve(pointer: path)?.position,
                                    message: "印刷できない文字があります: \(missing.character.codePointLabel)",
                                    messageEN: "character cannot be printed: \(missing.character.codePointLabel)"))
        }
        return found
    }
}

/// The document date written into the PDF: the case's 作成日, else SOURCE_DATE_EPOCH, else a
/// fixed date — never the clock, so the same input always gives the same bytes.
enum DocumentDate {
    static func of(_ created: CaseDate?) throws -> PDFDate {
        if let created {
            return try PDFDate(year: created.year, month: created.month, day: created.day ?? 1)
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Int.init),
           let date = CivilDate(daysSince1970: epoch / 86_400) {
            return try PDFDate(year: date.year, month: date.month, day: date.day, utcOffsetMinutes: 0)
        }
        return try PDFDate(year: 2000, month: 1, day: 1)
    }
}
