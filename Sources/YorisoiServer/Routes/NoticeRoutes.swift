import Foundation
import Hummingbird
import Synchronization
import YorisoiCase

/// POST /api/v1/notices: issues a 勧奨 or 措置 into the 発番簿.
///
/// The case is validated first (422 before the ledger is touched). Then, in one transaction,
/// the store allocates the 文書番号 (unless the case carries one), the number — and for a 措置
/// the 勧奨's number and date as the ledger has them — is set into the case, the PDF rendered,
/// and the row stored with its bytes and SHA-256.
enum NoticeRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let engine = dependencies.engine
        router.group("api/v1").post("notices") { request, context in
            let kind = try request.documentKind(allowed: [.recommendation, .measure])
            let account = context.account ?? ""
            let bytes = try await request.bodyBytes(limit: dependencies.configuration.maxBodyBytes)
            let format = request.caseFormat(of: bytes)
            let loaded = engine.load(bytes, format: format)
            let municipalityOverride = request.query("municipality")
            let diagnostics = try await dependencies.gate.run {
                try engine.validate(loaded, kind: kind, municipality: municipalityOverride)
            }
            guard !diagnostics.hasErrors, let root = loaded.root, let typed = loaded.typed,
                  let caseID = typed.id, let municipality = municipalityOverride ?? typed.municipality else {
                throw APIError.invalidCase(diagnostics)
            }
            if let sent = request.headers[.caseIDHeader], sent != caseID {
                throw APIError.badRequest("case_id_mismatch", "Yorisoi-Case-Id がケースの id と違います",
                                          "Yorisoi-Case-Id differs from the case's id")
            }
            guard let prefix = engine.documentNumberPrefix(municipality: municipality) else {
                throw APIError.badRequest("unknown_municipality", "市区町村コード \(municipality) の様式がありません",
                                          "no templates for municipality \(municipality)")
            }
            let section = kind == .recommendation ? "recommendation" : "measure"
            guard let date = kind == .recommendation ? typed.recommendation?.date : typed.measure?.date, let day = date.day else {
                throw APIError.invalidCase(diagnostics)
            }
            let preset = (kind == .recommendation ? typed.recommendation?.number : typed.measure?.number)
                .flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
            let preLedgerNumber = typed.recommendation?.number
            if kind == .measure, let preLedgerNumber {
                // A 勧奨 number that the ledger knows but has voided cannot be cited.
                let known = try await dependencies.ledger.entries(municipality: municipality, fiscalYear: nil)
                    .first { $0.kind == "recommendation" && $0.number == preLedgerNumber }
                if let known, known.status != "issued" {
                    throw APIError(.conflict, "recommendation_voided", "引用する利用勧奨 \(preLedgerNumber) は取り消されています",
                                   "the recommendation the case cites has been voided")
                }
            }

            let issue = IssueRequest(
                municipality: municipality, prefix: prefix,
                fiscalYear: date.month >= 4 ? date.year : date.year - 1, kind: kind.rawValue, caseID: caseID,
                date: String(format: "%04d-%02d-%02d", date.year, date.month, day), account: account,
                presetNumber: preset, citeRecommendation: kind == .measure)
            let citedFromLedger = Flag()
            let entry: LedgerEntry
            do {
                entry = try await dependencies.gate.runAsync {
                    try await dependencies.ledger.issue(issue) { allocation in
                        var tree = CaseJSON.setting(allocation.number, section: section, key: "number", in: root)
                        if kind == .measure {
                            if let cited = allocation.recommendation {
                                tree = CaseJSON.setting(cited.number, section: "recommendation", key: "number", in: tree)
                                tree = CaseJSON.setting(cited.date, section: "recommendation", key: "date", in: tree)
                                citedFromLedger.set()
                            } else if preLedgerNumber == nil {
                                throw APIError(.conflict, "no_recommendation",
                                               "この世帯への利用勧奨が発番簿にありません（措置は勧奨の後にのみ行えます）",
                                               "the ledger holds no issued recommendation for this case")
                            }
                        }
                        let outcome = try engine.render(engine.replacingTree(of: loaded, with: tree), kind: kind,
                                                        municipality: municipalityOverride)
                        guard let pdf = outcome.pdf else { throw APIError.invalidCase(outcome.diagnostics) }
                        return pdf
                    }
                }
            } catch let error as StoreError {
                if case .conflict(let message) = error {
                    throw APIError(.conflict, "number_taken", message, "the case's document number is already in the ledger")
                }
                throw error
            }
            try await dependencies.audit.append(account: account, action: "notice.issue.\(kind.rawValue)", caseID: caseID)
            let pdf = try await dependencies.ledger.pdf(id: entry.id) ?? []
            var response = Response.bytes(pdf, contentType: "application/pdf", status: .created)
            response.headers.setDocumentNumber(entry.number)
            response.headers[.location] = "/api/v1/ledger/\(entry.id)"
            response.headers[.eTag] = "\"\(entry.sha256)\""
            if kind == .measure {
                // "ledger": the 勧奨 cited is the ledger's; "case-file": issued before the ledger
                // existed, taken from the case file as written.
                response.headers[.recommendationSource] = citedFromLedger.isSet ? "ledger" : "case-file"
            }
            return response
        }
    }
}

/// A flag set from inside the store's transaction closure.
final class Flag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
