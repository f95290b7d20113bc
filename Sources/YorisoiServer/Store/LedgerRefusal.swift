import Hummingbird

/// Why the 発番簿 refuses an issue, a 決裁 or a 取消. Each has a stable code (listed in
/// docs/diagnostic-codes.md, "発番簿"), a Japanese message staff can act on and an English one.
/// Messages carry 文書番号 and ids, never case content.
public enum LedgerRefusal: Error, Sendable, Equatable {
    /// The typed number is the ledger's, for another case or kind.
    case numberTaken(String)
    /// The typed number is this case's own but was voided: it cannot be printed again.
    case numberVoided(String)
    /// A typed number the ledger never issued, not marked 台帳外.
    case numberNotInLedger(String)
    /// A 台帳外 number in the ledger's own series: the sequence would issue it again.
    case numberInSequence(String)
    case noRecommendation
    case citesUnknown(String)
    case citesOtherCase(String)
    case citesNotRecommendation(String)
    case citesVoided(String)
    case citesOtherChild(String)
    case citesLater(String)
    case approvalRequired(NoticeKind)
    case approvalNotFound
    case approvalMismatch
    case approvalPending
    case approvalRejected
    case approvalUsed
    case approvalDecided
    case selfApproval
    case notApprover
    case alreadyVoided
    /// The 勧奨 is cited by standing 措置 (their numbers).
    case recommendationCited([String])
    case notFound

    public var code: String {
        switch self {
        case .numberTaken: "number_taken"
        case .numberVoided: "number_voided"
        case .numberNotInLedger: "number_not_in_ledger"
        case .numberInSequence: "number_in_sequence"
        case .noRecommendation: "no_recommendation"
        case .citesUnknown: "cites_unknown"
        case .citesOtherCase: "cites_other_case"
        case .citesNotRecommendation: "cites_not_recommendation"
        case .citesVoided: "recommendation_voided"
        case .citesOtherChild: "cites_other_child"
        case .citesLater: "cites_later"
        case .approvalRequired: "approval_required"
        case .approvalNotFound: "approval_not_found"
        case .approvalMismatch: "approval_mismatch"
        case .approvalPending: "approval_pending"
        case .approvalRejected: "approval_rejected"
        case .approvalUsed: "approval_used"
        case .approvalDecided: "approval_decided"
        case .selfApproval: "self_approval"
        case .notApprover: "not_approver"
        case .alreadyVoided: "already_voided"
        case .recommendationCited: "recommendation_cited"
        case .notFound: "not_found"
        }
    }

    public var message: String {
        switch self {
        case .numberTaken(let n): "文書番号 \(n) は発番簿で別のケースまたは別の書類に使われています"
        case .numberVoided(let n): "文書番号 \(n) は取り消されています。番号を消して発行し直してください"
        case .numberNotInLedger(let n):
            "文書番号 \(n) は発番簿にありません。紙の台帳で取った番号なら「台帳外」（pre_ledger）にしるしを付けてください。新しく発行するなら番号を空けてください"
        case .numberInSequence(let n):
            "文書番号 \(n) は発番簿の連番と重なります。台帳外の番号には使えません。番号を空けると発番簿が番号を取ります"
        case .noRecommendation: "この世帯への利用勧奨が発番簿にありません（措置は勧奨の後にのみ行えます）"
        case .citesUnknown(let n):
            "引用する利用勧奨 \(n) は発番簿にありません。紙の台帳で出した勧奨なら「台帳外」（pre_ledger）にしるしを付けてください"
        case .citesOtherCase(let n): "引用する利用勧奨 \(n) は別のケースに出したものです"
        case .citesNotRecommendation(let n): "引用する \(n) は利用勧奨通知書ではありません"
        case .citesVoided(let n): "引用する利用勧奨 \(n) は取り消されています"
        case .citesOtherChild(let n): "引用する利用勧奨 \(n) は別のお子さん（氏名または生年月日が違う）に出したものです"
        case .citesLater(let n): "引用する利用勧奨 \(n) の日付が措置の日付より前ではありません"
        case .approvalRequired(let kind): "\(kind == .measure ? "措置決定通知書" : "利用勧奨通知書")は決裁を受けてから発行します。決裁を依頼してください"
        case .approvalNotFound: "その決裁はありません"
        case .approvalMismatch: "決裁を受けた案と内容が違います。変えたときは決裁を依頼し直してください"
        case .approvalPending: "まだ決裁されていません"
        case .approvalRejected: "この案は差し戻されています。直して決裁を依頼し直してください"
        case .approvalUsed: "この決裁はすでに発行に使われています（決裁は1回だけ使えます）"
        case .approvalDecided: "この決裁はすでに決まっています"
        case .selfApproval: "決裁を依頼した本人は決裁できません"
        case .notApprover: "決裁の権限がありません"
        case .alreadyVoided: "すでに取り消されています"
        case .recommendationCited(let numbers):
            "この利用勧奨は措置決定通知書 \(numbers.joined(separator: "、")) が引用しています。勧奨だけを取り消すことはできません（措置もあわせて取り消すときは with_citing を指定してください）"
        case .notFound: "見つかりません"
        }
    }

    public var messageEN: String {
        switch self {
        case .numberTaken: "the case's document number belongs to another case or kind in the ledger"
        case .numberVoided: "the case's document number was voided"
        case .numberNotInLedger: "the document number is not in the ledger and not marked pre_ledger"
        case .numberInSequence: "a pre-ledger number cannot lie in the ledger's own series"
        case .noRecommendation: "the ledger holds no issued recommendation for this case"
        case .citesUnknown: "the cited recommendation is not in the ledger and not marked pre_ledger"
        case .citesOtherCase: "the cited recommendation was issued to another case"
        case .citesNotRecommendation: "the cited number is not a recommendation"
        case .citesVoided: "the cited recommendation has been voided"
        case .citesOtherChild: "the cited recommendation names another child (name or birthdate differ)"
        case .citesLater: "the cited recommendation is not dated before the measure"
        case .approvalRequired: "this notice needs an approved 決裁 (approval=ID)"
        case .approvalNotFound: "no such approval"
        case .approvalMismatch: "the case differs from the approved draft"
        case .approvalPending: "the approval is still pending"
        case .approvalRejected: "the draft was sent back"
        case .approvalUsed: "the approval has already been used"
        case .approvalDecided: "the approval has already been decided"
        case .selfApproval: "the requester cannot approve their own draft"
        case .notApprover: "the approver role is required"
        case .alreadyVoided: "already voided"
        case .recommendationCited: "standing measures cite this recommendation; void them with it (with_citing) or not at all"
        case .notFound: "not found"
        }
    }

    public var status: HTTPResponse.Status {
        switch self {
        case .notFound, .approvalNotFound: .notFound
        case .notApprover, .selfApproval: .forbidden
        default: .conflict
        }
    }

    var apiError: APIError { APIError(status, code, message, messageEN) }
}

// MARK: - The 決裁 an issue needs

extension LedgerRefusal {
    /// The 決裁 an issue must be checked against: nil when the notice needs none and none was
    /// named; `approvalRequired` when it needs one and none was named.
    static func approvalNamed(by request: IssueRequest) throws(LedgerRefusal) -> Int64? {
        guard request.needsApproval || request.approvalID != nil else { return nil }
        guard let id = request.approvalID else { throw .approvalRequired(request.kind) }
        return id
    }

    /// The one rule both stores apply, inside their issue transaction, to the 決裁 an issue names
    /// (`approval` as read from the store, nil when there is none): it exists in the request's
    /// municipality, was given for exactly this kind, case and draft (SHA-256), and is approved
    /// and unused. Returns its id, to be marked used with the issue.
    static func check(_ approval: Approval?, for request: IssueRequest) throws(LedgerRefusal) -> Int64 {
        guard let approval, approval.municipality == request.municipality else { throw .approvalNotFound }
        guard approval.kind == request.kind, approval.caseID == request.caseID, approval.sha256 == request.caseSHA256 else {
            throw .approvalMismatch
        }
        switch approval.status {
        case .approved: return approval.id
        case .pending: throw .approvalPending
        case .rejected: throw .approvalRejected
        case .used: throw .approvalUsed
        }
    }
}
