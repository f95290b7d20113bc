import YorisoiCase
import YorisoiTemplates

/// The アセスメントシート as templates read it: `assessment_view`, a value tree derived from the
/// case's `assessment` and the item catalogue, added beside the case's own keys.
///
/// Templates cannot look an answer up by item id (and the expression language stays small on
/// purpose), so the lookups happen here: every sheet lists every catalogue item with its answer
/// as ticks, and `merged` holds the 事務局's consolidated sheet. Values copied from the case
/// keep their source positions. See docs/template-language.md §13 for the shape.
public struct AssessmentView: Sendable {
    public static let key = "assessment_view"
    /// The printed marker of an item the agencies disagree on (`pdftotext` finds it).
    public static let differenceMark = "相違"

    public let catalogue: AssessmentCatalogue

    public init(catalogue: AssessmentCatalogue) {
        self.catalogue = catalogue
    }

    /// `root` with `assessment_view` set (replacing a key of that name the file may carry).
    public func extending(_ root: CaseNode, assessment: Assessment) -> CaseNode {
        guard case .object(var members) = root.value else { return root }
        members.removeAll { $0.key == Self.key }
        members.append(CaseMember(key: Self.key, node: view(root, assessment: assessment)))
        return CaseNode(.object(members), at: root.position)
    }

    func view(_ root: CaseNode, assessment: Assessment) -> CaseNode {
        let sheets = assessment.sheets.enumerated().map { index, sheet in
            Self.object(header(root, sheet: index) + [("domains", Self.list(catalogue.domains.map { rows($0, sheet: sheet) }))])
        }
        let merged = AssessmentMerge(catalogue: catalogue).merge(assessment.sheets)
        let agencies = assessment.sheets.indices.map { Self.object(header(root, sheet: $0)) }
        return Self.object([
            ("title", Self.text(catalogue.title)),
            ("sheets", Self.list(sheets)),
            ("merged", Self.object([
                ("agencies", Self.list(agencies)),
                ("domains", Self.list(merged.map(mergedDomain))),
                ("differing", CaseNode(.integer(merged.reduce(0) { $0 + $1.items.filter(\.differs).count }))),
            ])),
        ])
    }

    /// Who filled the sheet and what they wrote beside the check list, as written in the file.
    func header(_ root: CaseNode, sheet index: Int) -> [(String, CaseNode)] {
        let source = root.resolve(pointer: "/assessment/sheets/\(index)")
        return ["agency", "assessor", "date", "safety", "recent", "strengths", "concerns"].map { key in
            (key, source?[key] ?? CaseNode(.null))
        }
    }

    /// One domain of one sheet: every catalogue item, ticked by this sheet's answer.
    func rows(_ domain: AssessmentCatalogue.Domain, sheet: AssessmentSheet) -> CaseNode {
        let items = domain.items.map { item in
            let answer = sheet.answers.first { $0.item == item.id }
            return Self.object([
                ("id", Self.text(item.id)), ("label", Self.text(item.label)),
                ("answer", Self.text(answer?.answer?.rawValue)), ("note", Self.text(answer?.note)),
                ("yes", CaseNode(.bool(answer?.answer == .yes))),
                ("no", CaseNode(.bool(answer?.answer == .no))),
                ("unknown", CaseNode(.bool(answer?.answer == .unknown))),
            ])
        }
        return Self.object([("id", Self.text(domain.id)), ("label", Self.text(domain.label)), ("items", Self.list(items))])
    }

    func mergedDomain(_ domain: AssessmentMerge.Domain) -> CaseNode {
        let items = domain.items.map { item in
            Self.object([
                ("id", Self.text(item.item.id)), ("label", Self.text(item.item.label)),
                ("differs", CaseNode(.bool(item.differs))),
                ("mark", Self.text(item.differs ? Self.differenceMark : nil)),
                ("answers", Self.list(item.answers.map { answer in
                    Self.object([("agency", Self.text(answer.agency)), ("answer", Self.text(answer.response?.rawValue)),
                                 ("note", Self.text(answer.note))])
                })),
            ])
        }
        return Self.object([("id", Self.text(domain.domain.id)), ("label", Self.text(domain.domain.label)),
                            ("items", Self.list(items))])
    }

    static func object(_ members: [(String, CaseNode)]) -> CaseNode {
        CaseNode(.object(members.map { CaseMember(key: $0.0, node: $0.1) }))
    }

    static func list(_ items: [CaseNode]) -> CaseNode {
        CaseNode(.array(items))
    }

    static func text(_ value: String?) -> CaseNode {
        CaseNode(value.map(CaseValue.string) ?? .null)
    }
}
