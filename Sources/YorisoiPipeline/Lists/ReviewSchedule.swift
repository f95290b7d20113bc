import Foundation
import YorisoiBinding
import YorisoiCase
import YorisoiLayout
import YorisoiPDF
import YorisoiTemplates

/// サポートプラン更新時期一覧: the plans whose 見直し時期 falls in a range of months, one group per
/// 担当者 — on the staff page and printed from `review-schedule.xml`. The grouping is here, once:
/// the server answers the page with these groups and prints the same ones.
///
/// Rows hold case IDs, categories, review months and staff names, never a family's.
public struct ReviewSchedule: Sendable {
    public struct Row: Sendable, Hashable {
        public var id: String
        public var municipality: String?
        public var category: String?
        /// 見直し時期 as saved (`YYYY-MM` or a date).
        public var review: String
        public var maternalHealth: String?
        public var childWelfare: String?

        public init(id: String, municipality: String?, category: String?, review: String,
                    maternalHealth: String?, childWelfare: String?) {
            self.id = id
            self.municipality = municipality
            self.category = category
            self.review = review
            self.maternalHealth = maternalHealth
            self.childWelfare = childWelfare
        }

        /// Both functions' 担当者, once each.
        public var staff: [String] { ReviewSchedule.staff(maternalHealth, childWelfare) }
    }

    public struct Group: Sendable, Hashable {
        /// The 担当者, or `ReviewSchedule.withoutStaff`.
        public var staff: String
        public var rows: [Row]
    }

    /// The 母子保健機能 and 児童福祉機能 担当者 a plan names, in that order, once each (one person
    /// may hold both).
    static func staff(_ maternalHealth: String?, _ childWelfare: String?) -> [String] {
        var names: [String] = []
        for name in [maternalHealth, childWelfare].compactMap({ $0 }) where !name.isEmpty && !names.contains(name) {
            names.append(name)
        }
        return names
    }

    /// The heading of the plans that name no 担当者.
    public static let withoutStaff = "担当者の記載なし"
    static let kind = "review-schedule"

    /// First and last month, `YYYY-MM`.
    public var from: String
    public var to: String
    /// In 見直し時期 order, then by case ID.
    public var rows: [Row]

    public init(from: String, to: String, rows: [Row]) {
        self.from = from
        self.to = to
        self.rows = rows.sorted { ($0.review.prefix(7), $0.id) < ($1.review.prefix(7), $1.id) }
    }

    /// The plans among `cases` (files read by the command line) whose 見直し時期 is in the range.
    public init(from: String, to: String, cases: [LoadedCase]) {
        let range = (from: from, to: to)
        self.init(from: from, to: to, rows: cases.compactMap { loaded in
            guard let typed = loaded.typed, let id = typed.id, let review = typed.plan?.review?.description,
                  Self.covers(review, from: range.from, to: range.to) else { return nil }
            return Row(id: id, municipality: typed.municipality, category: typed.category?.rawValue, review: review,
                       maternalHealth: typed.staff?.maternalHealth?.name, childWelfare: typed.staff?.childWelfare?.name)
        })
    }

    /// Whether a 見直し時期 (`YYYY-MM` or a date) falls in the months `from`…`to` (`YYYY-MM`).
    public static func covers(_ review: String, from: String, to: String) -> Bool {
        (from...to).contains(String(review.prefix(7)))
    }

    /// Whether the table can name `month` (and every month after it), which it writes in 和暦
    /// (`hasJapaneseDate`).
    public static func canName(_ month: CaseDate) -> Bool { hasJapaneseDate(month) }

    /// The month after a `YYYY-MM` (the default end of the range: this month and the next).
    public static func month(after month: CaseDate) -> String {
        let (year, next) = month.month == 12 ? (month.year + 1, 1) : (month.year, month.month + 1)
        return String(format: "%04d-%02d", year, next)
    }

    /// The list for Excel (`SpreadsheetCSV`): one line per plan, in 見直し時期 order.
    public var csv: [UInt8] {
        var lines = [["ケースID", "市区町村", "区分", "見直し時期", "母子保健機能の担当者", "児童福祉機能の担当者"]]
        for row in rows {
            lines.append([row.id, row.municipality ?? "", row.category ?? "", row.review, row.maternalHealth ?? "", row.childWelfare ?? ""])
        }
        return SpreadsheetCSV.bytes(lines)
    }

    /// One group per 担当者 (a plan naming both functions' staff is in each), by name in code
    /// point order so that the same plans always print the same way; plans without a 担当者 last.
    public var groups: [Group] {
        var byName: [String: [Row]] = [:]
        for row in rows {
            for name in row.staff.isEmpty ? [Self.withoutStaff] : row.staff { byName[name, default: []].append(row) }
        }
        let names = byName.keys.filter { $0 != Self.withoutStaff }.sorted()
            + (byName[Self.withoutStaff] == nil ? [] : [Self.withoutStaff])
        return names.map { Group(staff: $0, rows: byName[$0] ?? []) }
    }

    /// The list as a PDF, from the municipality's `review-schedule.xml` (or the national one).
    public func render(renderer: Renderer, municipality code: String) throws -> [UInt8] {
        let resolved: ResolvedTemplate
        do { resolved = try renderer.templates.template(municipality: code, kind: Self.kind) } catch {
            throw PipelineError.template(error)
        }
        let document: LayoutDocument
        do {
            document = try DocumentBinder(fonts: renderer.fonts, template: resolved.template, defaults: renderer.bindingDefaults)
                .bind(scope: resolved.scope(for: values))
        } catch let error as TemplateError {
            throw PipelineError.template(error)
        }
        let laid = try Layout.run(document)
        if let problem = laid.diagnostics.first(where: { $0.severity == .error }) {
            throw PipelineError.configuration("\(resolved.template.title): \(problem)")
        }
        if let missing = laid.uncovered.first {
            throw PipelineError.invalidInput("更新時期一覧に印刷できない文字があります: \(missing.character.codePointLabel)")
        }
        let info = DocumentInfo(title: "\(resolved.template.title) \(from)〜\(to)", author: resolved.profile.centre.name,
                                creator: "Yorisoi", date: try DocumentDate.of(CaseDate(iso: from)))
        return try laid.pdfDocument(info: info).write()
    }

    /// `schedule` (from, to), `count`, and `groups` with each `staff` and its `rows` (id,
    /// category, review, other_staff).
    var values: CaseNode {
        let groups: [CaseNode] = self.groups.map { group in
            .object([
                ("staff", .string(group.staff)),
                ("rows", .array(group.rows.map { row in
                    let others = row.staff.filter { $0 != group.staff }
                    return .object([
                        ("id", .string(row.id)),
                        ("category", row.category.map { .string($0) }),
                        ("review", .string(row.review)),
                        ("other_staff", others.isEmpty ? nil : .string(others.joined(separator: "、"))),
                    ])
                })),
            ])
        }
        return .object([
            ("schedule", .object([("from", .string(from)), ("to", .string(to))])),
            ("count", .integer(rows.count)),
            ("groups", .array(groups)),
        ])
    }
}
