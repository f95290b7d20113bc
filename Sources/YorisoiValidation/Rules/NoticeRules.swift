import Foundation
import YorisoiCase

/// Shared checks of the services listed in a 勧奨 or 措置 notice.
struct NoticeServiceCheck {
    let base: String
    let catalogue: [String]

    func check(_ services: [NoticeService], into findings: inout Findings) {
        if services.indices.allSatisfy({ findings.isBlankItem(base + "/services/\($0)") }) {
            findings.add(.e304, base + "/services", "対象となる事業（services）が1つも記載されていません",
                         "no service is listed")
        }
        for (index, service) in services.enumerated() where !findings.isBlankItem(base + "/services/\(index)") {
            let path = base + "/services/\(index)"
            if service.service.isBlank {
                findings.add(.e305, path + "/service", "事業名（service）が記載されていません", "service name is missing")
            } else if let name = service.service?.trimmingCharacters(in: .whitespaces),
                      !FamilySupportServices.all.contains(name), !catalogue.contains(name) {
                findings.addAtValue(.w301, path + "/service",
                                    "家庭支援事業（6事業）にも市区町村のサービス一覧にもない事業名です",
                                    "service is neither one of the six 家庭支援事業 nor in the municipality catalogue")
            }
            if service.content.isBlank {
                findings.add(.e306, path + "/content", "事業の内容（content）が記載されていません",
                             "service content is missing")
            }
        }
    }
}

/// Who a notice goes to: a guardian listed in the case, with a name and an address to mail it to.
struct AddresseeCheck {
    func check(_ value: Case, into findings: inout Findings) {
        guard let index = value.recommendation?.addressee else {
            if findings.isWritten("/recommendation/addressee") { return }  // its type error is reported
            findings.add(.e302, "/recommendation/addressee", "通知の宛先（addressee）が指定されていません",
                         "addressee is missing")
            return
        }
        guard value.guardians.indices.contains(index) else {
            findings.addAtValue(.e303, "/recommendation/addressee",
                                "宛先の番号に当たる保護者が guardians にいません（0 から数えます）",
                                "addressee does not refer to a listed guardian (0-based)")
            return
        }
        // The notice prints 「氏名　様」: without a name it has no addressee at all.
        if value.guardians[index].name.isBlank {
            findings.add(.e318, "/guardians/\(index)/name", "宛先の保護者の氏名がありません",
                         "the addressee has no name")
        }
        if value.guardians[index].address.isBlank {
            findings.add(.w302, "/guardians/\(index)/address", "宛先の保護者の住所がありません",
                         "the addressee has no address")
        }
    }
}

/// 家庭支援事業 利用勧奨通知書.
struct RecommendationRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        guard let recommendation = value.recommendation else {
            findings.add(.e301, "/recommendation", "利用勧奨（recommendation）の記載がありません",
                         "recommendation section is missing")
            return
        }
        if recommendation.date == nil, !findings.isWritten("/recommendation/date") {
            findings.add(.e308, "/recommendation/date", "勧奨日（date）がありません", "recommendation date is missing")
        }
        AddresseeCheck().check(value, into: &findings)
        NoticeServiceCheck(base: "/recommendation", catalogue: context.serviceCatalogue)
            .check(recommendation.services, into: &findings)
        if recommendation.reason.isBlank {
            findings.add(.e307, "/recommendation/reason", "勧奨の理由（reason）が記載されていません",
                         "reason for the recommendation is missing")
        }
    }
}

/// 家庭支援事業 利用措置決定通知書: only after a recommendation, on a finding of 著しく困難.
struct MeasureRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        guard let measure = value.measure else {
            findings.add(.e311, "/measure", "利用措置（measure）の記載がありません", "measure section is missing")
            return
        }
        if measure.date == nil, !findings.isWritten("/measure/date") {
            findings.add(.e308, "/measure/date", "措置日（date）がありません", "measure date is missing")
        }
        if let recommendation = value.recommendation {
            if let recommended = recommendation.date {
                if let date = measure.date, !recommended.isBefore(date) {
                    findings.addAtValue(.e313, "/measure/date", "措置日が利用勧奨の日より後になっていません（勧奨を先に行う必要があります）",
                                        "the measure is not dated after the recommendation")
                }
            } else if !findings.isWritten("/recommendation/date") {
                findings.add(.e308, "/recommendation/date", "先行する利用勧奨の日付（date）がありません",
                             "the prior recommendation has no date")
            }
            AddresseeCheck().check(value, into: &findings)
        } else {
            findings.add(.e312, "/recommendation", "措置の前に行った利用勧奨（recommendation）の記載がありません",
                         "no prior recommendation is recorded")
        }
        if measure.difficulty.isBlank {
            findings.add(.e314, "/measure/difficulty", "利用が著しく困難と認めた理由（difficulty）が記載されていません",
                         "the reason use is 著しく困難 is missing")
        }
        NoticeServiceCheck(base: "/measure", catalogue: context.serviceCatalogue).check(measure.services, into: &findings)
        for (index, service) in measure.services.enumerated() where !findings.isBlankItem("/measure/services/\(index)") {
            let path = "/measure/services/\(index)"
            MeasureConcreteness().check(service, at: path, into: &findings)
            guard let from = service.from, let to = service.to else {
                if findings.isWritten(path + "/from") && findings.isWritten(path + "/to") { continue }
                findings.add(.e316, path + (findings.isWritten(path + "/from") ? "/to" : "/from"),
                             "措置の期間（from と to）が記載されていません", "measure period (from and to) is missing")
                continue
            }
            if from.isAfter(to) {
                findings.addAtValue(.e317, path + "/from", "措置の期間の開始が終了より後になっています",
                                    "measure period starts after it ends")
            }
        }
    }
}
