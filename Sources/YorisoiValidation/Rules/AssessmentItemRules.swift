import YorisoiCase
import YorisoiTemplates

/// The answers of every アセスメントシート against the item catalogue: each names a known item
/// once per sheet, says はい／いいえ／不明, and (when it gives a domain) the item's own domain.
/// Without a catalogue (a context with no Templates folder) only the sheet-local checks run.
struct AssessmentItemRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        let sheets = value.assessment?.sheets ?? []
        guard !sheets.isEmpty else { return }
        var catalogue: AssessmentCatalogue?
        if let code = value.municipality, let source = context.municipalities as? any AssessmentCatalogueSource {
            do {
                catalogue = try source.assessmentCatalogue(forCode: code)
            } catch {
                // The catalogue belongs to the installation, not the case: exit 2, and the
                // message is the catalogue's own error (a Templates path and a line, no case data).
                findings.add(.e606, "/assessment", "アセスメントシートのチェック項目一覧を読み込めません（\(error.description)）",
                             "the assessment item catalogue cannot be read")
                return
            }
        }
        for (s, sheet) in sheets.enumerated() {
            var answered = Set<String>()
            for (a, answer) in sheet.answers.enumerated() where !findings.isBlankItem("/assessment/sheets/\(s)/answers/\(a)") {
                let path = "/assessment/sheets/\(s)/answers/\(a)"
                guard let id = answer.item, !Optional(id).isBlank else {
                    findings.add(.e603, path + "/item", "回答に項目ID（item）がありません", "an answer without its item id")
                    continue
                }
                if let catalogue {
                    guard let domain = catalogue.domain(ofItem: id) else {
                        findings.addAtValue(.e604, path + "/item", "チェック項目一覧にない項目IDです",
                                            "the item id is not in the assessment item catalogue")
                        continue
                    }
                    if let written = answer.domain, !Optional(written).isBlank, written != domain.id {
                        findings.addAtValue(.w603, path + "/domain", "項目の領域（domain）がチェック項目一覧と異なります（\(domain.id)）",
                                            "the domain differs from the item's domain in the catalogue (\(domain.id))")
                    }
                }
                if !answered.insert(id).inserted {
                    findings.addAtValue(.e605, path + "/item", "同じシートで同じ項目に2回回答しています",
                                        "the same item is answered twice on one sheet")
                }
                if answer.answer == nil && !findings.isWritten(path + "/answer") {
                    findings.add(.w602, path + "/answer", "回答（はい・いいえ・不明）がありません",
                                 "an item without its answer (はい, いいえ or 不明)")
                }
            }
        }
    }
}
