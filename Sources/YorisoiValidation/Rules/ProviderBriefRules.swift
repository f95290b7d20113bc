import YorisoiCase

/// 家庭支援事業者への事前共有: family information leaves the centre for a business, so the sheet
/// is made only with the family's consent to it and only for a provider the 措置 names.
struct ProviderBriefRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        guard let brief = value.providerBrief else {
            findings.add(.e811, "/provider_brief", "事前共有（provider_brief）の記載がありません",
                         "provider_brief section is missing")
            return
        }
        // A value of the wrong type has its own error already (E020); anything but `true` refuses.
        let mistyped = brief.consent?.agreed == nil && findings.isWritten("/provider_brief/consent/agreed")
        if brief.consent?.agreed != true, !mistyped {
            findings.add(.e812, "/provider_brief/consent/agreed",
                         "事業者への情報共有についてご家族の同意（consent.agreed: true）がないため、事前共有の用紙は作れません",
                         "the family has not agreed to this sharing; the sheet is not made")
        }
        if brief.consent?.agreed == true, brief.consent?.date == nil, !findings.isWritten("/provider_brief/consent/date") {
            findings.add(.w811, "/provider_brief/consent/date", "同意を得た日（consent.date）がありません",
                         "the date of the consent is missing")
        }
        guard let measure = value.measure else {
            findings.add(.e311, "/measure", "事前共有は利用措置（measure）の内容から作ります。measure の記載がありません",
                         "the sheet is made from the measure, and the measure section is missing")
            return
        }
        guard let provider = brief.provider, !Optional(provider).isBlank else {
            if !findings.isWritten("/provider_brief/provider") {
                findings.add(.e813, "/provider_brief/provider", "共有先の事業者（provider）がありません", "the provider is missing")
            }
            return
        }
        let named = measure.services.compactMap { $0.provider?.trimmingCharacters(in: .whitespaces) }
        if !named.contains(provider.trimmingCharacters(in: .whitespaces)) {
            findings.addAtValue(.e814, "/provider_brief/provider",
                                "共有先の事業者が措置（measure.services の provider）のどれとも一致しません",
                                "the provider is not one the measure's services name")
        }
        if brief.date == nil, !findings.isWritten("/provider_brief/date") {
            findings.add(.w812, "/provider_brief/date", "作成日（date）がありません。空欄で印刷します", "the sheet's date is missing")
        }
    }
}
