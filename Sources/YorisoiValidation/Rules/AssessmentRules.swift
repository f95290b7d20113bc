import YorisoiCase

/// アセスメントシート: at least one agency's sheet, each saying whose it is.
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
    }
}
