import YorisoiCase

/// サポートプラン: ①意向 ②課題 ③支援の種類及び内容 are mandatory (こども家庭センターガイドライン);
/// the ten items the guideline recommends adding are warnings.
struct SupportPlanRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        let plan = value.plan
        checkMandatory(plan, into: &findings)
        // A recommended item the chosen form does not print is not asked for: the form has no
        // place for it, and a warning about it would only be noise on a correct plan (the value,
        // when filled, still gets W120).
        let before = findings.items.count
        checkRecommended(value, into: &findings)
        let unprinted = context.unprinted.filter { $0.exceptIndex == nil }
        findings.removeAdded(since: before) { diagnostic in unprinted.contains { $0.path.covers(pointer: diagnostic.path) } }
    }

    private func checkMandatory(_ plan: Plan?, into findings: inout Findings) {
        if plan?.intent?.child.isBlank ?? true, plan?.intent?.guardian.isBlank ?? true {
            findings.add(.e101, "/plan/intent", "意向（こども・保護者）が記載されていません",
                         "intent (child or guardian) is missing")
        }
        let issues = plan?.issues ?? []
        if issues.indices.allSatisfy({ findings.isBlankItem("/plan/issues/\($0)") }) {
            findings.add(.e102, "/plan/issues", "解決すべき課題が1つも記載されていません",
                         "no issue to resolve is listed")
        }
        for (index, issue) in issues.enumerated() where issue.text.isBlank && !findings.isBlankItem("/plan/issues/\(index)") {
            findings.add(.e106, "/plan/issues/\(index)/text", "課題の内容（text）が空です", "issue text is empty")
        }
        let supports = plan?.supports ?? []
        if supports.indices.allSatisfy({ findings.isBlankItem("/plan/supports/\($0)") }) {
            findings.add(.e103, "/plan/supports", "支援の種類及び内容が1つも記載されていません",
                         "no support (type and content) is listed")
        }
        for (index, support) in supports.enumerated() where !findings.isBlankItem("/plan/supports/\(index)") {
            if support.service.isBlank {
                findings.add(.e104, "/plan/supports/\(index)/service", "支援の種類（service）が記載されていません",
                             "support has no service")
            }
            if support.content.isBlank {
                findings.add(.e105, "/plan/supports/\(index)/content", "支援の内容（content）が記載されていません",
                             "support has no content")
            }
        }
    }

    private func checkRecommended(_ value: Case, into findings: inout Findings) {
        let plan = value.plan
        if value.created == nil, !findings.isWritten("/created") {
            findings.add(.w101, "/created", "作成日がありません", "creation date is missing")
        }
        if value.child?.name.isBlank ?? true {
            findings.add(.w102, "/child/name", "こどもの氏名がありません", "child's name is missing")
        }
        if value.child?.situation.isBlank ?? true {
            findings.add(.w103, "/child/situation", "こどもの状況がありません", "child's situation is missing")
        }
        if !value.guardians.contains(where: { !$0.name.isBlank }) {
            findings.add(.w104, value.guardians.isEmpty ? "/guardians" : "/guardians/0/name",
                         "保護者の氏名がありません", "guardian's name is missing")
        }
        if plan?.worries?.child.isBlank ?? true, plan?.worries?.guardian.isBlank ?? true {
            findings.add(.w105, "/plan/worries", "こどもや保護者が気になっていること（worries）がありません",
                         "worries of child or guardian are missing")
        }
        let wishes = plan?.wishes
        if wishes?.child.isBlank ?? true, wishes?.guardian.isBlank ?? true, wishes?.shared.isBlank ?? true {
            findings.add(.w106, "/plan/wishes", "こどもや保護者が望んでいること（wishes）がありません",
                         "wishes of child or guardian are missing")
        }
        if plan?.actions?.family?.now.isBlank ?? true, plan?.actions?.family?.future.isBlank ?? true {
            findings.add(.w107, "/plan/actions/family", "保護者がすること（actions.family）がありません",
                         "what the guardian will do is missing")
        }
        for (index, support) in (plan?.supports ?? []).enumerated()
        where !findings.isBlankItem("/plan/supports/\(index)") && support.frequency.isBlank && support.monitoring == nil
            && !findings.isWritten("/plan/supports/\(index)/monitoring") {
            findings.add(.w108, "/plan/supports/\(index)/frequency", "サポートやサービスの頻度・時期がありません",
                         "frequency or timing of the support is missing")
        }
        if plan?.review == nil, !findings.isWritten("/plan/review") {
            findings.add(.w109, "/plan/review", "サポートプランの見直し時期がありません", "review date is missing")
        }
        if value.consent?.agreed == nil, !findings.isWritten("/consent/agreed") {
            findings.add(.w110, "/consent", "関係機関との情報共有についての同意（consent.agreed）がありません",
                         "consent to share with agencies is not recorded")
        }
        if value.category == nil, !findings.isWritten("/category") {
            findings.add(.w201, "/category", "区分（要保護児童・要支援児童・特定妊婦・その他）がありません",
                         "category is missing")
        }
    }
}
