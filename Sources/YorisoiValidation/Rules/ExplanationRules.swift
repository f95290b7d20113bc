import YorisoiCase

/// サポートプラン説明用紙: the text is the town's; the case only says when it is handed over
/// and whom the family can call.
struct ExplanationRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        guard value.explanation != nil else {
            findings.add(.e831, "/explanation", "説明用紙（explanation）の記載がありません", "explanation section is missing")
            return
        }
        if value.staff?.maternalHealth?.name.isBlank ?? true, value.staff?.childWelfare?.name.isBlank ?? true {
            findings.add(.w831, "/staff", "担当者（staff）の氏名がありません。問い合わせ先はセンターの電話だけになります",
                         "no staff member is named; the sheet gives only the centre's number")
        }
    }
}
