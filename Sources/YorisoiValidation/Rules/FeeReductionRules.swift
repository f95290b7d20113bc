import YorisoiCase

/// 減免制度の案内 goes with a 利用勧奨: it names the family the recommendation is addressed to
/// and the services it recommends. The amounts are the municipality's, never the case's.
struct FeeReductionRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        guard let guidance = value.feeReduction else {
            findings.add(.e821, "/fee_reduction", "減免制度の案内（fee_reduction）の記載がありません",
                         "fee_reduction section is missing")
            return
        }
        if guidance.date == nil, !findings.isWritten("/fee_reduction/date") {
            findings.add(.w821, "/fee_reduction/date", "作成日（date）がありません。空欄で印刷します", "the guidance's date is missing")
        }
        if let band = guidance.band, !Optional(band).isBlank, let bands = context.feeBands,
           !bands.contains(band.trimmingCharacters(in: .whitespaces)) {
            findings.addAtValue(.e822, "/fee_reduction/band",
                                "所得の区分（band）が市区町村の減免区分（municipality.yaml の fee_reduction.bands）のどれとも一致しません",
                                "band is not one of the municipality's fee_reduction.bands")
        }
        guard value.recommendation != nil else {
            findings.add(.e301, "/recommendation", "減免の案内は利用勧奨に添えるものです。利用勧奨（recommendation）の記載がありません",
                         "the guidance goes with a recommendation, and the recommendation section is missing")
            return
        }
        AddresseeCheck().check(value, into: &findings)
        let services = value.recommendation?.services ?? []
        if services.indices.allSatisfy({ findings.isBlankItem("/recommendation/services/\($0)") }) {
            findings.add(.e304, "/recommendation/services", "対象となる事業（services）が1つも記載されていません",
                         "no service is listed")
        }
    }
}
