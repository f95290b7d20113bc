/// The sections and labels of each kind's paper form (the national 様式例 wording; a
/// municipality's own check lists are added by `FormDescriptionBuilder`). Pointers follow the
/// case file of CONTRACT §2 and schema/case.schema.json.
enum FormCatalogue {
    typealias Field = FormDescription.Field
    typealias Section = FormDescription.Section

    /// Kinds the page edits, with the printed title. `assessment` is edited as a file (its
    /// answer grid is not a form a family fills in at the counter).
    static let titles: [(kind: String, title: String)] = [
        ("support-plan", "サポートプラン"),
        ("support-plan-child", "サポートプラン（こども版）"),
        ("recommendation", "利用勧奨通知書"),
        ("measure", "利用措置決定通知書"),
    ]

    static func title(of kind: String) -> String? {
        titles.first { $0.kind == kind }?.title
    }

    static let dateHint = "例：令和7年4月1日 または 2025-04-01"
    static let monthHint = "例：令和7年4月 または 2025-04"

    static func sections(for kind: String) -> [Section]? {
        switch kind {
        case "support-plan", "support-plan-child":
            return [basics, child, guardians, family, plan, services, consent, staff]
        case "recommendation":
            return [basics, child, guardians, recommendation, staff]
        case "measure":
            return [basics, child, guardians, recommendation, measure, staff]
        default:
            return nil
        }
    }

    static let basics = Section(id: "basics", title: "基本情報", fields: [
        Field("/id", "サポートプランID", .text, hint: "ケースの番号（例：R7-0042）。名前は書かないでください。"),
        Field("/category", "区分", .select, options: ["要保護児童", "要支援児童", "特定妊婦", "その他"]),
        Field("/created", "作成日", .date, hint: dateHint),
    ])

    static let child = Section(id: "child", title: "こども", fields: [
        Field("/child/name", "こどもの名前", .text),
        Field("/child/kana", "ふりがな", .text),
        Field("/child/birthdate", "生年月日（出産予定日）", .date, hint: dateHint),
        Field("/child/grade", "学年", .text),
        Field("/child/affiliation", "所属（保育園・学校など）", .text),
        Field("/child/situation", "こどもの状況", .textarea),
    ])

    static let guardians = Section(id: "guardians", title: "保護者", fields: [
        Field("/guardians", "保護者", .repeating, fields: [
            Field("/name", "保護者の名前", .text),
            Field("/kana", "ふりがな", .text),
            Field("/relation", "続柄", .text),
            Field("/address", "住所", .text),
            Field("/phone", "電話番号", .text),
        ], itemLabel: "保護者"),
    ])

    static let family = Section(id: "family", title: "家族（同居している人）", fields: [
        Field("/family", "家族", .repeating, fields: [
            Field("/name", "名前", .text),
            Field("/kana", "ふりがな", .text),
            Field("/relation", "続柄", .text),
            Field("/birthdate", "生年月日", .date, hint: dateHint),
        ], itemLabel: "家族"),
    ])

    static let plan = Section(id: "plan", title: "プラン", fields: [
        Field("/plan/worries/child", "気になること（こども）", .textarea),
        Field("/plan/worries/guardian", "気になること（保護者）", .textarea),
        Field("/plan/wishes/child", "希望すること（こども）", .textarea),
        Field("/plan/wishes/guardian", "希望すること（保護者）", .textarea),
        Field("/plan/wishes/shared", "みんなの希望", .textarea),
        Field("/plan/intent/child", "① 意向（こども）", .textarea,
              hint: "こどもか保護者の少なくとも一方を書きます。"),
        Field("/plan/intent/guardian", "① 意向（保護者）", .textarea),
        Field("/plan/issues", "② ご家族・支援者が一緒に解決を目指していくこと（解決すべき課題）", .repeating, fields: [
            Field("/text", "課題", .textarea),
            Field("/solution", "解決の方法", .textarea),
        ], itemLabel: "課題"),
        Field("/plan/actions/child/now", "こどもが取り組むこと（今）", .textarea),
        Field("/plan/actions/child/future", "こどもが取り組むこと（将来）", .textarea),
        Field("/plan/actions/family/now", "ご家族が取り組むこと（今）", .textarea),
        Field("/plan/actions/family/future", "ご家族が取り組むこと（将来）", .textarea),
        Field("/plan/actions/supporters/now", "支援者が取り組むこと（今）", .textarea),
        Field("/plan/actions/supporters/future", "支援者が取り組むこと（将来）", .textarea),
        Field("/plan/goals/short/text", "短期目標", .textarea),
        Field("/plan/goals/short/from", "短期目標の対象時期（から）", .dateOrMonth, hint: monthHint),
        Field("/plan/goals/short/to", "短期目標の対象時期（まで）", .dateOrMonth, hint: monthHint),
        Field("/plan/goals/long/text", "長期目標", .textarea),
        Field("/plan/goals/long/from", "長期目標の対象時期（から）", .dateOrMonth, hint: monthHint),
        Field("/plan/goals/long/to", "長期目標の対象時期（まで）", .dateOrMonth, hint: monthHint),
        Field("/plan/satisfaction", "満足度（0〜100）", .number, min: 0, max: 100),
        Field("/plan/review", "見直し時期", .month, hint: monthHint),
        Field("/plan/next_contact/mode", "次回の連絡方法", .select, options: ["電話", "面談", "訪問", "その他"]),
        Field("/plan/next_contact/date", "次回の連絡日", .date, hint: dateHint),
    ])

    static let services = Section(id: "supports", title: "③ 支援の種類及び内容", fields: [
        Field("/plan/supports", "利用する支援", .repeating, fields: [
            Field("/service", "利用する支援", .text),
            Field("/content", "内容", .textarea),
            Field("/frequency", "頻度", .text),
            Field("/provider", "実施機関", .text),
            Field("/staff", "担当者", .text),
            Field("/role", "役割", .text),
            Field("/monitoring", "モニタリング時期", .month, hint: monthHint),
            Field("/status", "状況", .text),
        ], itemLabel: "支援"),
    ])

    static let consent = Section(id: "consent", title: "同意", fields: [
        Field("/consent/agreed", "プランの内容を関係機関と共有することに同意した", .boolean),
        Field("/consent/date", "同意の日付", .date, hint: dateHint),
        Field("/consent/signer", "署名した人", .text),
    ])

    static let staff = Section(id: "staff", title: "担当者", fields: [
        Field("/staff/maternal_health/name", "母子保健機能の担当者", .text),
        Field("/staff/maternal_health/phone", "母子保健機能の担当者の連絡先", .text),
        Field("/staff/child_welfare/name", "児童福祉機能の担当者", .text),
        Field("/staff/child_welfare/phone", "児童福祉機能の担当者の連絡先", .text),
    ])

    static let noticeServiceFields: [Field] = [
        Field("/service", "事業の名称", .text),
        Field("/content", "内容", .textarea),
        Field("/provider", "実施する者", .text),
        Field("/period", "期間", .text),
        Field("/frequency", "頻度", .text),
        Field("/from", "開始日", .date, hint: dateHint),
        Field("/to", "終了日", .date, hint: dateHint),
    ]

    static let recommendation = Section(id: "recommendation", title: "利用勧奨", fields: [
        Field("/recommendation/date", "勧奨の日付", .date, hint: dateHint),
        Field("/recommendation/number", "文書番号", .text, hint: "空欄なら発行するときに発番簿から付きます。"),
        Field("/recommendation/addressee", "あて先（保護者）", .guardianIndex),
        Field("/recommendation/reason", "理由", .textarea),
        Field("/recommendation/services", "利用をお勧めする事業", .repeating,
              fields: noticeServiceFields, itemLabel: "事業"),
    ])

    static let measure = Section(id: "measure", title: "利用措置決定", fields: [
        Field("/measure/date", "措置の日付", .date, hint: dateHint),
        Field("/measure/number", "文書番号", .text, hint: "空欄なら発行するときに発番簿から付きます。"),
        Field("/measure/difficulty", "利用が著しく困難と認めた理由", .textarea),
        Field("/measure/services", "措置する事業", .repeating,
              fields: noticeServiceFields, itemLabel: "事業"),
    ])
}
