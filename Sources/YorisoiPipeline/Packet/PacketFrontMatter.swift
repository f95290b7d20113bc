import YorisoiBinding
import YorisoiCase
import YorisoiLayout
import YorisoiTemplates
import YorisoiText

/// The packet's own pages — the cover with the agenda and the 進行管理表 — set from the templates
/// `packet-cover.xml` and `packet-progress.xml` (national, or the municipality's own) against a
/// value tree made from the meeting, the same way a case is set against its form.
///
/// The tree holds case IDs, categories, staff and section, never the family's names: the cover
/// is the page most likely to be seen by someone outside the meeting.
struct PacketFrontMatter {
    static let coverKind = "packet-cover"
    static let progressKind = "packet-progress"

    let renderer: Renderer
    let profile: MunicipalityProfile
    private let coverTemplate: ResolvedTemplate
    private let progressTemplate: ResolvedTemplate
    /// The 進行管理表's paragraphs, shared by its estimate and its layouts: they differ only in
    /// the page numbers, so the rows' IDs, dates and staff are set once.
    let tableParagraphs: ParagraphMemo

    init(renderer: Renderer, municipality code: String, tableParagraphs: ParagraphMemo = ParagraphMemo()) throws {
        self.renderer = renderer
        self.tableParagraphs = tableParagraphs
        do {
            coverTemplate = try renderer.templates.template(municipality: code, kind: Self.coverKind)
            progressTemplate = try renderer.templates.template(municipality: code, kind: Self.progressKind)
        } catch {
            throw PipelineError.template(error)
        }
        profile = coverTemplate.profile
    }

    func cover(_ contents: PacketContents) throws -> LayoutResult {
        try layOut(coverTemplate, values: Self.values(contents, firstCasePage: nil))
    }

    func progressTable(_ contents: PacketContents, firstCasePage: Int) throws -> LayoutResult {
        try layOut(progressTemplate, values: Self.values(contents, firstCasePage: firstCasePage),
                   paragraphs: tableParagraphs)
    }

    /// The 進行管理表's length before the documents are laid out: every listed document taken as
    /// printed, on one page. Only a first guess for `PacketBuilder.assemble` — a case whose
    /// documents fail, or page numbers of other widths, may set the real table longer or
    /// shorter — so any failure here is just no guess.
    func estimatedProgressTablePages(_ contents: PacketContents) -> Int? {
        var contents = contents
        contents.assumesEveryDocumentPrinted = true
        return try? layOut(progressTemplate, values: Self.values(contents, firstCasePage: 3),
                           paragraphs: tableParagraphs).pages.count
    }

    private func layOut(_ template: ResolvedTemplate, values: CaseNode, paragraphs: ParagraphMemo? = nil) throws -> LayoutResult {
        var document: LayoutDocument
        do {
            document = try DocumentBinder(fonts: renderer.fonts, template: template.template, defaults: renderer.bindingDefaults)
                .bind(scope: template.scope(for: values))
        } catch let error as TemplateError {
            throw PipelineError.template(error)
        }
        document.reservedTop = PacketOverlay.reservedTop
        let laid = try Layout.run(document, paragraphs: paragraphs)
        if let problem = laid.diagnostics.first(where: { $0.severity == .error }) {
            throw PipelineError.configuration("\(template.template.title): \(problem)")
        }
        if let missing = laid.uncovered.first {
            throw PipelineError.invalidInput("表紙・進行管理表に印刷できない文字があります: \(missing.character.codePointLabel)")
        }
        return laid
    }

    // MARK: The value tree

    /// `meeting`, `rows` (every printed case in packet order), `failed` documents, and the case
    /// lists `discuss`, `share`, `left_out` (no consent, not printed) and `unconsented` (printed
    /// without consent, as council business), each also as `<list>_ids`.
    static func values(_ contents: PacketContents, firstCasePage: Int?) -> CaseNode {
        let meeting = contents.meeting
        var page = firstCasePage ?? 0
        var rows: [CaseNode] = []
        var failed: [CaseNode] = []
        for (index, item) in contents.included.enumerated() {
            let documents = contents.documents[index] ?? []
            let titles: [String]
            let pages: Int
            if contents.assumesEveryDocumentPrinted {
                titles = item.entry.documents.map {
                    PacketDocument.title(of: $0, consolidated: PacketDocument.isConsolidated(kind: $0, item.loaded))
                }
                pages = titles.count
            } else {
                let printed = documents.filter { $0.layout != nil }
                titles = printed.map(\.title)
                pages = printed.reduce(0) { $0 + ($1.layout?.pages.count ?? 0) }
            }
            let typed = item.loaded.typed
            rows.append(.object([
                ("no", .integer(index + 1)),
                ("id", .string(item.id)),
                ("category", typed?.category.map { .string($0.rawValue) }),
                ("lead", (item.entry.lead ?? typed?.staff?.childWelfare?.name ?? typed?.staff?.maternalHealth?.name).map { .string($0) }),
                ("review", typed?.plan?.review.map { .string($0.description) }),
                ("status", item.entry.status.map { .string($0) }),
                ("section", .string(item.entry.section.rawValue)),
                ("consented", .bool(item.consented)),
                ("documents", .string(titles.joined(separator: "・"))),
                ("page", firstCasePage != nil && pages > 0 ? .integer(page) : nil),
            ]))
            page += pages
            for document in documents where document.layout == nil {
                let codes = Set(document.diagnostics.filter(\.isError).map(\.code.rawValue)).sorted()
                failed.append(.object([
                    ("id", .string(item.id)),
                    ("document", .string(document.title)),
                    ("reason", .string(codes.joined(separator: "・"))),
                ]))
            }
        }
        let attendees: [CaseNode] = meeting.attendees.map { person in
            let text = [person.organisation, person.name, person.role.map { "（\($0)）" }]
                .compactMap { $0 }.joined(separator: "　")
            return .object([("text", .string(text))])
        }
        return .object([
            ("meeting", .object([
                ("kind", .string(meeting.kind.rawValue)),
                ("title", .string(meeting.title)),
                ("date", .string(meeting.date.description)),
                ("time", meeting.time.map { .string($0) }),
                ("place", meeting.place.map { .string($0) }),
                ("attendees", .array(attendees)),
                ("council", .bool(meeting.isCouncilBusiness)),
            ])),
            ("rows", .array(rows)),
            ("failed", .array(failed)),
        ] + Self.list("discuss", contents.included.filter { $0.entry.section == .discuss })
          + Self.list("share", contents.included.filter { $0.entry.section == .share })
          + Self.list("left_out", contents.leftOut)
          + Self.list("unconsented", contents.included.filter { !$0.consented && $0.loaded.isParsed }))
    }

    /// A list of cases as `name` (ID and category each) and `name_ids` (the IDs joined with 「、」).
    private static func list(_ name: String, _ cases: [PacketCase]) -> [(String, CaseNode?)] {
        let items: [CaseNode] = cases.map {
            .object([("id", .string($0.id)), ("category", $0.loaded.typed?.category.map { .string($0.rawValue) })])
        }
        return [(name, .array(items)), (name + "_ids", cases.isEmpty ? nil : .string(cases.map(\.id).joined(separator: "、")))]
    }
}

extension CaseNode {
    /// A mapping made in code; nil values are left out, as an absent key in a file would be.
    static func object(_ members: [(String, CaseNode?)]) -> CaseNode {
        CaseNode(.object(members.compactMap { key, node in node.map { CaseMember(key: key, node: $0) } }))
    }

    static func string(_ text: String) -> CaseNode { CaseNode(.string(text)) }
    static func integer(_ value: Int) -> CaseNode { CaseNode(.integer(value)) }
    static func bool(_ value: Bool) -> CaseNode { CaseNode(.bool(value)) }
    static func array(_ items: [CaseNode]) -> CaseNode { CaseNode(.array(items)) }
}
