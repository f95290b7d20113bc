import YorisoiCase

/// セルフプラン: the plan of the months to birth. Without a due date it is no plan of those
/// months, and without her name it is nobody's; she is `guardians[0]`.
struct SelfPlanRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        guard let plan = value.selfPlan else {
            findings.add(.e801, "/self_plan", "セルフプラン（self_plan）の記載がありません", "self_plan section is missing")
            return
        }
        if plan.dueDate == nil, !findings.isWritten("/self_plan/due_date") {
            findings.add(.e802, "/self_plan/due_date", "出産予定日（due_date）がありません", "due date is missing")
        }
        if value.guardians.first?.name.isBlank ?? true, !findings.isWritten("/guardians/0/name") {
            findings.add(.e803, value.guardians.isEmpty ? "/guardians" : "/guardians/0/name",
                         "セルフプランを書く本人の氏名（guardians の1人目の name）がありません",
                         "the name of the woman the plan is for (guardians[0].name) is missing")
        }
        if plan.date == nil, !findings.isWritten("/self_plan/date") {
            findings.add(.w801, "/self_plan/date", "作成日（date）がありません。空欄で印刷します", "the plan's date is missing")
        }
        if let date = plan.date, let due = plan.dueDate, !date.isBefore(due) {
            findings.addAtValue(.w802, "/self_plan/due_date",
                                "出産予定日が作成日より後になっていません（出産後はサポートプランで支援を計画します）",
                                "the due date is not after the plan's date")
        }
        if value.staff?.maternalHealth?.name.isBlank ?? true {
            findings.add(.w803, "/staff/maternal_health/name",
                         "担当の保健師（staff.maternal_health.name）がありません。連絡先はセンターの電話だけになります",
                         "no 保健師 is named; the plan gives only the centre's number")
        }
    }
}
