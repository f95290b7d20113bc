import Foundation
import Hummingbird
import Yorisoi

/// 決裁 before a notice (CONTRACT §4): a draft is asked for approval, an approver approves it or
/// sends it back, and `POST /api/v1/notices?…&approval=ID` issues exactly that draft, once.
///
/// With accounts the approver holds the approver (or admin) role and is not the requester;
/// without accounts the approver's name is typed and recorded.
enum ApprovalRoutes {
    static func register(on router: Router<YorisoiRequestContext>, _ dependencies: ServerDependencies) {
        let engine = dependencies.engine
        let approvals = router.group("api/v1/approvals")

        approvals.post { request, context in
            try context.require(.staff)
            let kind = try request.documentKind(allowed: [.recommendation, .measure])
            let bytes = try await request.bodyBytes(limit: dependencies.configuration.maxBodyBytes)
            let format = request.caseFormat(of: bytes)
            let loaded = engine.load(bytes, format: format)
            let diagnostics = try await dependencies.gate.run { try engine.validate(loaded, kind: kind, municipality: nil) }
            guard !diagnostics.hasErrors, let typed = loaded.typed, let caseID = typed.id, let municipality = typed.municipality else {
                throw APIError.invalidCase(diagnostics)
            }
            guard engine.numbering(municipality: municipality) != nil else { throw APIError.unknownMunicipality(municipality) }
            try context.requireActing(for: municipality)
            let version = try await dependencies.cases.version(id: caseID, version: nil)?.version
            let approval = try await dependencies.approvals.requestApproval(ApprovalRequest(
                municipality: municipality, kind: kind == .measure ? .measure : .recommendation, caseID: caseID,
                caseVersion: version, body: bytes, format: format == .json ? "json" : "yaml", account: context.account ?? ""))
            var response = try Response.encoded(approval, status: .created)
            response.headers[.location] = "/api/v1/approvals/\(approval.id)"
            return response
        }

        approvals.get { request, context in
            let status: ApprovalStatus? = try request.enumQuery("status", code: "bad_status")
            let list = try await dependencies.approvals.approvals(municipality: request.query("municipality"), status: status,
                                                                  caseID: request.query("case_id"))
                .filter { context.mayAccess($0.municipality) }
            try await dependencies.audit.append(account: context.account ?? "", action: "approval.list", caseID: nil)
            return try Response.encoded(list)
        }

        approvals.get(":id") { _, context in
            guard let approval = try await dependencies.approvals.approval(id: try context.pathID()) else { throw APIError.notFound }
            try context.requireAccess(approval.municipality)
            return try Response.encoded(approval)
        }

        // The draft as the approver reads it: rendered without a number, so it carries 見本.
        approvals.get(":id/pdf") { _, context in
            let id = try context.pathID()
            guard let approval = try await dependencies.approvals.approval(id: id),
                  let draft = try await dependencies.approvals.approvalDraft(id: id) else { throw APIError.notFound }
            try context.requireAccess(approval.municipality)
            let loaded = engine.load(draft.body, format: CaseFormat(rawValue: draft.format) ?? .yaml)
            let kind: DocumentKind = approval.kind == .measure ? .measure : .recommendation
            let report = try await dependencies.gate.run { try engine.render(loaded, kind: kind, municipality: nil) }
            guard let pdf = report.pdf else { throw APIError.invalidCase(report.diagnostics) }
            try await dependencies.audit.append(account: context.account ?? "", action: "approval.pdf", caseID: approval.caseID,
                                                municipality: approval.municipality)
            return Response.bytes(pdf, contentType: "application/pdf")
        }

        approvals.post(":id/approve") { request, context in
            try await decide(request, context, approve: true, dependencies)
        }
        approvals.post(":id/reject") { request, context in
            try await decide(request, context, approve: false, dependencies)
        }
    }

    /// The body of approve / reject: `approver` (without accounts), `reason` (to send back).
    struct Decision: Decodable {
        var approver: String?
        var reason: String?
    }

    static func decide(_ request: Request, _ context: YorisoiRequestContext, approve: Bool,
                       _ dependencies: ServerDependencies) async throws -> Response {
        let id = try context.pathID()
        guard let asked = try await dependencies.approvals.approval(id: id) else { throw LedgerRefusal.approvalNotFound.apiError }
        try context.requireAccess(asked.municipality)
        let bytes = try await request.bodyBytes(limit: 64 << 10)
        let decision = (try? JSONDecoder().decode(Decision.self, from: Data(bytes))) ?? Decision()
        let account = context.account ?? ""
        let decidedBy: String
        if dependencies.accounts != nil {
            guard context.role.mayApprove else { throw LedgerRefusal.notApprover.apiError }
            decidedBy = account
        } else {
            guard let name = VisibleText.checked(decision.approver, limit: 100) else {
                throw APIError.badRequest("approver_required", "決裁者の氏名（approver）を書いてください",
                                          "a JSON body with the approver's name (\"approver\") is required")
            }
            decidedBy = name
        }
        var note: String?
        if !approve {
            guard let reason = VisibleText.checked(decision.reason, limit: 2000) else {
                throw APIError.badRequest("reason_required", "差し戻しの理由（reason）を書いてください",
                                          "a JSON body with a visible \"reason\" is required")
            }
            note = reason
        }
        do {
            let approval = try await dependencies.approvals.decide(
                id: id, approve: approve, decidedBy: decidedBy, note: note, account: account,
                distinctFromRequester: dependencies.accounts != nil)
            return try Response.encoded(approval)
        } catch let refusal as LedgerRefusal {
            throw refusal.apiError
        }
    }

    /// `?approval=` as an id: 400 when it is not a positive whole number.
    static func parseID(_ text: String) throws -> Int64 {
        guard let id = Int64(text), id > 0 else {
            throw APIError.badRequest("bad_approval", "approval は決裁の番号（正の整数）です", "approval must be a positive integer")
        }
        return id
    }
}

/// Text a person typed that must say something: a 取消 reason, an approver's name. Refused when
/// it holds a control character or nothing visible (spaces, zero-width characters); trimmed.
enum VisibleText {
    static func checked(_ text: String?, limit: Int) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, text.count <= limit else {
            return nil
        }
        let scalars = text.unicodeScalars
        // Line breaks and tabs may stand inside a longer reason; any other control character may not.
        if scalars.contains(where: { $0.properties.generalCategory == .control && !"\n\r\t".unicodeScalars.contains($0) }) {
            return nil
        }
        let visible = scalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator, .format, .control, .nonspacingMark, .enclosingMark,
                 .unassigned, .privateUse, .surrogate:
                false
            default:
                !scalar.properties.isWhitespace
            }
        }
        return visible ? text : nil
    }
}
