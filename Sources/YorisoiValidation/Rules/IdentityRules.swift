import Foundation
import YorisoiCase

/// The case ID (names the output file) and the municipality (picks the profile).
struct IdentityRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        checkID(value.id, into: &findings)
        checkMunicipality(value.municipality, into: &findings, context: context)
    }

    private func checkID(_ id: String?, into findings: inout Findings) {
        guard let id, !Optional(id).isBlank else {
            findings.add(.e025, "/id", "ケースID（id）がありません", "case id is missing")
            return
        }
        if !CaseIDRule.isUsableAsFileName(id) {
            findings.addAtValue(.e026, "/id", CaseIDRule.ruleMessage, CaseIDRule.ruleMessageEN)
        }
    }

    private func checkMunicipality(_ code: String?, into findings: inout Findings, context: ValidationContext) {
        guard let code, !Optional(code).isBlank else {
            findings.add(.e203, "/municipality", "市区町村コード（municipality）がありません",
                         "municipality code is missing")
            return
        }
        switch MunicipalityCode.problem(in: code) {
        case .notSixDigits:
            findings.addAtValue(.e204, "/municipality",
                                "市区町村コードは検査数字を含む6桁の数字で書いてください（例: \"122297\"）",
                                "municipality code must be 6 digits including the check digit")
            return
        case .wrongCheckDigit(let expected):
            findings.addAtValue(.e205, "/municipality",
                                "市区町村コードの検査数字（6桁目）が正しくありません（前の5桁からは \(expected) になります）",
                                "municipality code check digit is wrong (expected \(expected))")
            return
        case nil:
            break
        }
        if let directory = context.municipalities, !directory.hasProfile(forCode: code) {
            findings.addAtValue(.e206, "/municipality",
                                "市区町村コード \(code) の設定（Templates/\(code)-*/municipality.yaml）がありません",
                                "no municipality profile for \(code) (Templates/\(code)-*/municipality.yaml)")
        }
    }
}
