import YorisoiCase

/// アセスメントシート: at least one agency's sheet, each saying whose it is; and a word when the
/// case names guardians, whom the sheets have no place for (W604).
struct AssessmentRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        let sheets = value.assessment?.sheets ?? []
        if sheets.indices.allSatisfy({ findings.isBlankItem("/assessment/sheets/\($0)") }) {
            findings.add(.e601, "/assessment/sheets", "アセスメントシート（assessment.sheets）がありません",
                         "no assessment sheet")
        }
        for (index, sheet) in sheets.enumerated() where !findings.isBlankItem("/assessment/sheets/\(index)") {
            let path = "/assessment/sheets/\(index)"
            if sheet.agency.isBlank {
                findings.add(.e602, path + "/agency", "記入した機関（agency）がありません", "sheet has no agency")
            }
            if sheet.date == nil || sheet.assessor.isBlank {
                findings.add(.w601, path + (sheet.date == nil ? "/date" : "/assessor"),
                             "記入日（date）または記入者（assessor）がありません", "sheet has no date or assessor")
            }
        }
        // The sheets are about the child and what each agency saw; a guardian the case names
        // would silently drop out of what the meeting reads, so staff are told (at /guardians,
        // never with the name).
        if value.guardians.contains(where: { !$0.name.isBlank }) {
            findings.add(.w604, "/guardians",
                         "アセスメントシートには保護者の欄がないため、保護者（guardians）は印刷されません。必要ならメモや別の様式で伝えてください",
                         "the assessment sheets have no place for the guardians; they are not printed")
        }
    }
}
