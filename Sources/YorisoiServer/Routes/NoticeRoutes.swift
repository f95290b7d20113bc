import Foundation
import Hummingbird
import Synchronization
import Yorisoi

/// POST /api/v1/notices: issues a 勧奨 or 措置 into the 発番簿.
///
/// The case is validated first (422 before the ledger is touched). A 措置 — and a 勧奨 where the
/// profile says so — is issued only from an approved 決裁 (`approval=ID`): the approved draft is
/// what gets numbered, byte for byte. Then, in one transaction, the store checks a number the
/// case carries (a reprint, or a marked pre-ledger number), the 勧奨 a 措置 cites and the
/// approval, allocates the 文書番号, sets it — and for a 措置 the cited 勧奨's number and date —
/// into the case, renders the PDF, and stores the row with its bytes, SHA-256 and audit row.
enum NoticeRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let engine = dependencies.engine
        router.group("api/v1").post("notices") { request, context in
            try context.require(.staff)
            let kind = try request.documentKind(allowed: [.recommendation, .measure])
            let noticeKind: NoticeKind = kind == .measure ? .measure : .recommendation
            let account = context.account ?? ""
            var bytes = try await request.bodyBytes(limit: dependencies.configuration.maxBodyBytes)
            var format = request.caseFormat(of: bytes)
            let approvalID = try request.query("approval").map(ApprovalRoutes.parseID)
            if let approvalID {
                // The approved draft is issued, not whatever this request carries: a body, when
                // sent, must be that draft.
                guard let draft = try await dependencies.approvals.approvalDraft(id: approvalID) else {
                    throw LedgerRefusal.approvalNotFound.apiError
                }
                // Another municipality's 決裁 does not exist for this caller.
                guard context.mayAccess(draft.municipality) else { throw LedgerRefusal.approvalNotFound.apiError }
                let sent = bytes.contains { !Set<UInt8>([0x20, 0x09, 0x0A, 0x0D]).contains($0) }
                if sent && bytes != draft.body { throw LedgerRefusal.approvalMismatch.apiError }
                bytes = draft.body
                format = CaseFormat(rawValue: draft.format) ?? .yaml
            }
            let loaded = engine.load(bytes, format: format)
            let municipalityOverride = try request.municipalityOverride(engine)
            let diagnostics = try await dependencies.gate.run {
                try engine.validate(loaded, kind: kind, municipality: municipalityOverride)
            }
            guard !diagnostics.hasErrors, let root = loaded.root, let typed = loaded.typed,
                  let caseID = typed.id, let municipality = municipalityOverride ?? typed.municipality else {
                throw APIError.invalidCase(diagnostics)
            }
            try context.requireActing(for: municipality)
            if let sent = request.headers[.caseIDHeader], sent != caseID {
                throw APIError.badRequest("case_id_mismatch", "Yorisoi-Case-Id がケースの id と違います",
                                          "Yorisoi-Case-Id differs from the case's id")
            }
            guard let numbering = engine.numbering(municipality: municipality) else { throw APIError.unknownMunicipality(municipality) }
            let section = noticeKind.rawValue
            // The engine reads the notice's date, 年度, typed number and citation from the case.
            guard let facts = NoticeFacts(loaded, kind: kind, municipality: municipalityOverride) else {
                throw APIError.invalidCase(diagnostics)
            }
            let typedNumber = facts.typedNumber
            let citation = facts.citation
            let issue = IssueRequest(
                municipality: municipality, series: numbering.prefix,
                sequenceScope: numbering.rules.sequence == .continuous ? .continuous : .fiscalYear,
                fiscalYear: facts.fiscalYear, kind: noticeKind, caseID: caseID, date: facts.date.description,
                childKey: ChildKey.of(facts.childName, facts.childBirthdate), account: account,
                typedNumber: typedNumber, citation: citation,
                needsApproval: kind == .measure || numbering.rules.recommendationNeedsApproval,
                approvalID: approvalID, caseSHA256: SQLiteStore.sha256Hex(bytes))
            let outcome: IssueOutcome
            do {
                outcome = try await dependencies.gate.runAsync {
                    try await dependencies.ledger.issue(issue) { allocation in
                        var tree = CaseJSON.setting(allocation.number, section: section, key: "number", in: root)
                        if let cited = allocation.recommendation {
                            tree = CaseJSON.setting(cited.number, section: "recommendation", key: "number", in: tree)
                            if !cited.date.isEmpty {
                                tree = CaseJSON.setting(cited.date, section: "recommendation", key: "date", in: tree)
                            }
                        }
                        let outcome = try engine.render(engine.replacingTree(of: loaded, with: tree), kind: kind,
                                                        municipality: municipalityOverride)
                        guard let pdf = outcome.pdf else { throw APIError.invalidCase(outcome.diagnostics) }
                        return pdf
                    }
                }
            } catch let refusal as LedgerRefusal {
                throw refusal.apiError
            }
            let entry = outcome.entry
            let pdf = try await dependencies.ledger.pdf(id: entry.id) ?? []
            var response = Response.bytes(pdf, contentType: "application/pdf", status: outcome.isReprint ? .ok : .created)
            response.headers.setDocumentNumber(entry.number)
            response.headers[.location] = "/api/v1/ledger/\(entry.id)"
            response.headers[.eTag] = "\"\(entry.sha256)\""
            if outcome.isReprint { response.headers[.reprint] = "true" }
            if entry.kind == .measure {
                // "ledger": the 勧奨 cited is the ledger's; "case-file": a 台帳外 勧奨 the case
                // marked, issued before the ledger existed.
                response.headers[.recommendationSource] = entry.citesPreLedger ? "case-file" : "ledger"
            }
            return response
        }
    }
}

/// A digest of the child a notice is for, so that a 措置 can be checked to cite a 勧奨 for the
/// same child without the ledger holding the name. Spaces (half- and full-width) are ignored:
/// 「仮野 そら」 and 「仮野　そら」 are one child.
enum ChildKey {
    static func of(_ name: String?, _ birthdate: CaseDate?) -> String {
        let compact = (name ?? "").unicodeScalars.filter { !$0.properties.isWhitespace }
        let text = String(String.UnicodeScalarView(compact)) + "\u{1F}" + (birthdate?.description ?? "")
        return SQLiteStore.sha256Hex(text.utf8)
    }
}
