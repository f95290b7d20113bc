import YorisoiBinding
import YorisoiCase
import YorisoiDisplayList
import YorisoiLayout
import YorisoiPDF
import YorisoiTemplates

/// 月次起案 (袖ケ浦市, forms-and-rules.md B4): each month's signed サポートプラン bundled for a
/// 事後報告 to the センター長, behind a cover that lists them — a packet without a meeting.
///
/// Which plans belong to a month is decided here, once: those whose family agreed and signed
/// (`consent.agreed` and `consent.date`) in that month. The cover lists case IDs, categories
/// and staff; the plans behind it are the signed ones, names and all.
public struct MonthlyReport: Sendable {
    static let coverKind = "monthly-report-cover"

    /// `YYYY-MM`.
    public var month: CaseDate
    /// The month's signed plans, by case ID.
    public private(set) var cases: [LoadedCase]

    /// The plans of `candidates` signed in `month` (a year-month).
    public init(month: CaseDate, candidates: [LoadedCase]) {
        self.month = month
        self.cases = candidates.filter { Self.isSigned($0, in: month) }
            .sorted { ($0.typed?.id ?? "") < ($1.typed?.id ?? "") }
    }

    /// Whether the cover can name `month`, which it writes in 和暦 (`hasJapaneseDate`).
    public static func canName(_ month: CaseDate) -> Bool { hasJapaneseDate(month) }

    /// Agreed, and the consent dated in the month.
    public static func isSigned(_ loaded: LoadedCase, in month: CaseDate) -> Bool {
        guard let consent = loaded.typed?.consent, consent.agreed == true, let date = consent.date else { return false }
        return date.year == month.year && date.month == month.month
    }

    /// What the bundle holds: the PDF, the IDs printed and those whose plan could not be made
    /// (listed on the cover with the codes that stopped them).
    public struct Outcome: Sendable {
        public var pdf: [UInt8]
        public var printed: [String]
        public var failed: [String]
    }

    public func build(renderer: Renderer, municipality code: String) throws -> Outcome {
        var plans: [(id: String, layout: LayoutResult?, codes: [String], loaded: LoadedCase)] = []
        for loaded in cases {
            let laid = try renderer.layOut(loaded, kind: .supportPlan, municipality: code)
            let codes = Set(laid.diagnostics.filter(\.isError).map(\.code.rawValue)).sorted()
            plans.append((loaded.typed?.id ?? loaded.source, laid.hasErrors ? nil : laid.layout, codes, loaded))
        }
        let resolved: ResolvedTemplate
        do { resolved = try renderer.templates.template(municipality: code, kind: Self.coverKind) } catch {
            throw PipelineError.template(error)
        }
        let rows: [CaseNode] = plans.enumerated().map { index, plan in
            let typed = plan.loaded.typed
            return .object([
                ("no", .integer(index + 1)),
                ("id", .string(plan.id)),
                ("category", typed?.category.map { .string($0.rawValue) }),
                ("created", typed?.created.map { .string($0.description) }),
                ("signed", typed?.consent?.date.map { .string($0.description) }),
                ("staff", Self.staff(typed).map { .string($0) }),
                ("pages", plan.layout.map { .integer($0.pages.count) }),
                ("failed", plan.layout == nil ? .string(plan.codes.joined(separator: "・")) : nil),
            ])
        }
        let values: CaseNode = .object([
            ("report", .object([("month", .string(month.description))])),
            ("count", .integer(plans.count)),
            ("rows", .array(rows)),
        ])
        let cover: LayoutResult
        do {
            let document = try DocumentBinder(fonts: renderer.fonts, template: resolved.template, defaults: renderer.bindingDefaults)
                .bind(scope: resolved.scope(for: values))
            cover = try Layout.run(document)
        } catch let error as TemplateError {
            throw PipelineError.template(error)
        }
        if let problem = cover.diagnostics.first(where: { $0.severity == .error }) {
            throw PipelineError.configuration("\(resolved.template.title): \(problem)")
        }
        if let missing = cover.uncovered.first {
            throw PipelineError.invalidInput("月次起案の表紙に印刷できない文字があります: \(missing.character.codePointLabel)")
        }

        var pages = cover.pages
        // The cover's structure, each plan's as a section after it.
        var structure = cover.structure
        var outline = [OutlineItem(title: "表紙（一覧）", pageIndex: 0)]
        for plan in plans {
            guard let layout = plan.layout else { continue }
            outline.append(OutlineItem(title: plan.id, pageIndex: pages.count, isOpen: false,
                                       children: layout.outline.map { $0.shifted(by: pages.count) }))
            let offset = structure.graft(layout.structure, under: structure.root)
            pages += layout.pages.map { $0.movingStructure(by: offset) }
        }
        let info = DocumentInfo(title: "\(resolved.template.title) \(month.description)", author: resolved.profile.centre.name,
                                creator: "Yorisoi", date: try DocumentDate.of(month))
        let pdf = try PDFDocument(pages: pages, info: info, outline: outline, structure: structure).write()
        return Outcome(pdf: pdf, printed: plans.filter { $0.layout != nil }.map(\.id),
                       failed: plans.filter { $0.layout == nil }.map(\.id))
    }

    /// 担当: the staff the plan names (`ReviewSchedule.staff`), joined.
    static func staff(_ typed: Case?) -> String? {
        let names = ReviewSchedule.staff(typed?.staff?.maternalHealth?.name, typed?.staff?.childWelfare?.name)
        return names.isEmpty ? nil : names.joined(separator: "、")
    }
}
