import Foundation
import Yorisoi

// The server's storage, behind small protocols so that a PostgreSQL store (several server
// instances sharing one database) can follow the SQLite one without touching the routes.

/// The notices the 発番簿 numbers.
public enum NoticeKind: String, Sendable, Hashable, Codable, CaseIterable {
    case recommendation
    case measure

    /// 利用勧奨 / 利用措置決定, as the 発番簿 and its CSV name them.
    public var title: String {
        switch self {
        case .recommendation: "利用勧奨"
        case .measure: "利用措置決定"
        }
    }
}

/// A 発番簿 row's state: issued, or voided (取消; the row and its PDF stay).
public enum LedgerStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case issued
    case voided
}

/// One row of the 発番簿.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public var id: Int64
    /// 文書番号 as printed (「袖こ家第12号」).
    public var number: String
    public var municipality: String
    /// 年度 of the notice date (April to March).
    public var fiscalYear: Int
    /// The numbering series (the profile's prefix, 「袖こ家」).
    public var series: String
    /// The allocated sequence; nil for a number typed into the case (台帳外).
    public var sequence: Int?
    public var kind: NoticeKind
    public var caseID: String
    /// The notice date (yyyy-mm-dd).
    public var date: String
    public var sha256: String
    public var status: LedgerStatus
    /// The number was taken before the ledger (a paper 発番簿) and typed into the case.
    public var preLedger: Bool
    /// For a 措置: the 勧奨 it cites — the ledger's row, or a marked pre-ledger number.
    public var citesID: Int64?
    public var citesNumber: String?
    /// 「台帳外の勧奨を引用」: the cited 勧奨 is not in the ledger (marked so in the case).
    public var citesPreLedger: Bool
    /// The 決裁 the notice was issued from, and who approved it.
    public var approvalID: Int64?
    public var approvedBy: String?
    public var voidReason: String?
    public var voidedAt: String?
    public var voidedBy: String?
    public var issuedAt: String
    public var account: String

    enum CodingKeys: String, CodingKey {
        case id, number, municipality, series, sequence, kind, date, sha256, status, account
        case fiscalYear = "fiscal_year", caseID = "case_id", preLedger = "pre_ledger"
        case citesID = "cites_id", citesNumber = "cites_number", citesPreLedger = "cites_pre_ledger"
        case approvalID = "approval_id", approvedBy = "approved_by"
        case voidReason = "void_reason", voidedAt = "voided_at", voidedBy = "voided_by", issuedAt = "issued_at"
    }

    /// Optional fields are written as null, not left out: a 発番簿 row always has every column.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(number, forKey: .number)
        try c.encode(municipality, forKey: .municipality)
        try c.encode(fiscalYear, forKey: .fiscalYear)
        try c.encode(series, forKey: .series)
        try c.encode(sequence, forKey: .sequence)
        try c.encode(kind, forKey: .kind)
        try c.encode(caseID, forKey: .caseID)
        try c.encode(date, forKey: .date)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(status, forKey: .status)
        try c.encode(preLedger, forKey: .preLedger)
        try c.encode(citesID, forKey: .citesID)
        try c.encode(citesNumber, forKey: .citesNumber)
        try c.encode(citesPreLedger, forKey: .citesPreLedger)
        try c.encode(approvalID, forKey: .approvalID)
        try c.encode(approvedBy, forKey: .approvedBy)
        try c.encode(voidReason, forKey: .voidReason)
        try c.encode(voidedAt, forKey: .voidedAt)
        try c.encode(voidedBy, forKey: .voidedBy)
        try c.encode(issuedAt, forKey: .issuedAt)
        try c.encode(account, forKey: .account)
    }
}

/// Which rows of the 発番簿 to list.
public struct LedgerFilter: Sendable, Hashable {
    public var municipality: String?
    public var fiscalYear: Int?
    public var kind: NoticeKind?
    public var status: LedgerStatus?
    public var caseID: String?

    public init(municipality: String? = nil, fiscalYear: Int? = nil, kind: NoticeKind? = nil, status: LedgerStatus? = nil,
                caseID: String? = nil) {
        self.municipality = municipality
        self.fiscalYear = fiscalYear
        self.kind = kind
        self.status = status
        self.caseID = caseID
    }
}

/// The 勧奨 a 措置 cites, as the ledger has it (or as the case has it, when marked 台帳外).
public struct CitedRecommendation: Sendable, Hashable {
    public var number: String
    public var date: String
    /// nil for a pre-ledger 勧奨.
    public var ledgerID: Int64?
}

/// What the issuing closure is told inside the transaction.
public struct Allocation: Sendable {
    public var number: String
    public var sequence: Int?
    /// For a 措置: the 勧奨 it cites.
    public var recommendation: CitedRecommendation?
}

public struct IssueRequest: Sendable {
    /// Whether the sequence restarts on 4月1日 (the profile's `ledger.sequence`).
    public enum SequenceScope: Sendable { case fiscalYear, continuous }

    /// A 文書番号 the case carries (the engine's reading of it, one type for both).
    public typealias TypedNumber = NoticeFacts.TypedNumber

    /// Which 勧奨 a 措置 cites: `.latestOfCase` (the case names no number: its latest standing
    /// 勧奨 in the ledger) or `.number(_, preLedger:, date:)`, the case's own 勧奨 date used for a
    /// 台帳外 one (the engine's reading, one type for both).
    public typealias Citation = NoticeFacts.Citation

    public var municipality: String
    public var series: String
    public var sequenceScope: SequenceScope
    public var fiscalYear: Int
    public var kind: NoticeKind
    public var caseID: String
    /// The notice date (yyyy-mm-dd).
    public var date: String
    /// A digest of the child's name and birthdate (never the name itself): a 措置 may cite only a
    /// 勧奨 issued for the same child.
    public var childKey: String
    public var account: String
    public var typedNumber: TypedNumber?
    public var citation: Citation?
    /// This notice may be issued only from an approved 決裁.
    public var needsApproval: Bool
    public var approvalID: Int64?
    /// SHA-256 of the case body issued: an approval covers exactly that draft.
    public var caseSHA256: String

    public init(municipality: String, series: String, sequenceScope: SequenceScope, fiscalYear: Int, kind: NoticeKind,
                caseID: String, date: String, childKey: String, account: String, typedNumber: TypedNumber?,
                citation: Citation?, needsApproval: Bool, approvalID: Int64?, caseSHA256: String) {
        self.municipality = municipality
        self.series = series
        self.sequenceScope = sequenceScope
        self.fiscalYear = fiscalYear
        self.kind = kind
        self.caseID = caseID
        self.date = date
        self.childKey = childKey
        self.account = account
        self.typedNumber = typedNumber
        self.citation = citation
        self.needsApproval = needsApproval
        self.approvalID = approvalID
        self.caseSHA256 = caseSHA256
    }
}

/// What an issue did: a new row, or — the case carried the ledger's own number for the same case
/// and kind — the stored row and bytes again (a reprint; nothing rendered, nothing allocated).
public struct IssueOutcome: Sendable {
    public var entry: LedgerEntry
    public var isReprint: Bool
}

public enum StoreError: Error, Sendable, Equatable {
    case notFound
    case conflict(String)
    case alreadyVoided
    /// A save that started from an older version than the latest (someone saved in between).
    case staleVersion(latest: Int)
}

public protocol LedgerStore: Sendable {
    /// Checks the typed number, the citation and the approval, allocates the number, calls
    /// `render` with it and stores the PDF it returns with its audit row — all in one transaction:
    /// if anything throws, nothing is stored and the number is not used. Refusals are
    /// `LedgerRefusal`s.
    func issue(_ request: IssueRequest, render: @escaping @Sendable (Allocation) throws -> [UInt8]) async throws -> IssueOutcome
    func entries(_ filter: LedgerFilter) async throws -> [LedgerEntry]
    func entry(id: Int64) async throws -> LedgerEntry?
    func pdf(id: Int64) async throws -> [UInt8]?
    /// 取消: the row stays, with its reason. A 勧奨 cited by a standing 措置 is refused
    /// (`LedgerRefusal.recommendationCited`) unless `withCitingMeasures`, which voids those 措置
    /// too, with the same reason, in the same transaction. Returns every row voided, the asked
    /// one first.
    func void(id: Int64, reason: String, account: String, withCitingMeasures: Bool) async throws -> [LedgerEntry]
}

/// A 決裁's state: asked, then approved or sent back, and an approved one used once.
public enum ApprovalStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case pending
    case approved
    case rejected
    case used
}

/// One 決裁: a notice's draft (the case body as sent), who asked, who decided, and the notice it
/// became.
public struct Approval: Sendable, Hashable, Codable {
    public var id: Int64
    public var municipality: String
    public var kind: NoticeKind
    public var caseID: String
    /// The saved case version the draft was made from, when the case was saved.
    public var caseVersion: Int?
    /// SHA-256 of the draft (the case body); the notice issued from it is exactly this body.
    public var sha256: String
    public var status: ApprovalStatus
    public var requestedBy: String
    public var requestedAt: String
    public var decidedBy: String?
    public var decidedAt: String?
    /// Why it was sent back (差し戻し).
    public var note: String?
    public var ledgerID: Int64?
    public var usedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, municipality, kind, sha256, status, note
        case caseID = "case_id", caseVersion = "case_version", requestedBy = "requested_by", requestedAt = "requested_at"
        case decidedBy = "decided_by", decidedAt = "decided_at", ledgerID = "ledger_id", usedAt = "used_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(municipality, forKey: .municipality)
        try c.encode(kind, forKey: .kind)
        try c.encode(caseID, forKey: .caseID)
        try c.encode(caseVersion, forKey: .caseVersion)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(status, forKey: .status)
        try c.encode(requestedBy, forKey: .requestedBy)
        try c.encode(requestedAt, forKey: .requestedAt)
        try c.encode(decidedBy, forKey: .decidedBy)
        try c.encode(decidedAt, forKey: .decidedAt)
        try c.encode(note, forKey: .note)
        try c.encode(ledgerID, forKey: .ledgerID)
        try c.encode(usedAt, forKey: .usedAt)
    }
}

public struct ApprovalRequest: Sendable {
    public var municipality: String
    public var kind: NoticeKind
    public var caseID: String
    public var caseVersion: Int?
    public var body: [UInt8]
    /// "yaml" or "json".
    public var format: String
    public var account: String

    public init(municipality: String, kind: NoticeKind, caseID: String, caseVersion: Int?, body: [UInt8], format: String,
                account: String) {
        self.municipality = municipality
        self.kind = kind
        self.caseID = caseID
        self.caseVersion = caseVersion
        self.body = body
        self.format = format
        self.account = account
    }
}

public protocol ApprovalStore: Sendable {
    func requestApproval(_ request: ApprovalRequest) async throws -> Approval
    /// Approves (or sends back) a pending 決裁. `decidedBy` is the approver's account, or the
    /// typed name without accounts; `distinctFromRequester` refuses the requester deciding their
    /// own draft (with accounts). Writes its audit row in the same transaction.
    func decide(id: Int64, approve: Bool, decidedBy: String, note: String?, account: String,
                distinctFromRequester: Bool) async throws -> Approval
    func approvals(municipality: String?, status: ApprovalStatus?, caseID: String?) async throws -> [Approval]
    func approval(id: Int64) async throws -> Approval?
    /// The draft as sent: body and format, and the municipality it is for.
    func approvalDraft(id: Int64) async throws -> (body: [UInt8], format: String, municipality: String)?
}

/// A saved case's summary (no names: what the list page shows).
public struct SavedCaseSummary: Sendable, Hashable {
    public var id: String
    public var municipality: String?
    public var category: String?
    public var review: String?
    public var version: Int
    public var updatedAt: String
}

public struct SavedCaseVersion: Sendable, Hashable {
    public var id: String
    public var version: Int
    /// The case's municipality as saved (what an account's scope is checked against).
    public var municipality: String?
    public var body: [UInt8]
    /// "yaml" or "json": how it was sent.
    public var format: String
    public var savedAt: String
    public var account: String
}

public struct SavedCaseFields: Sendable, Hashable {
    public var municipality: String?
    public var category: String?
    public var review: String?

    public init(municipality: String?, category: String?, review: String?) {
        self.municipality = municipality
        self.category = category
        self.review = review
    }
}

public protocol CaseStore: Sendable {
    func list() async throws -> [SavedCaseSummary]
    /// Version 1; `StoreError.conflict` when the id exists.
    func create(id: String, fields: SavedCaseFields, body: [UInt8], format: String, account: String) async throws -> Int
    /// The next version; `StoreError.notFound` when there is none yet. With `baseVersion` (the
    /// version the edit started from), `StoreError.staleVersion` when a newer one was saved
    /// since — checked in the same transaction that writes, so two saves from one base cannot
    /// both pass.
    func update(id: String, fields: SavedCaseFields, body: [UInt8], format: String, account: String,
                baseVersion: Int?) async throws -> Int
    func version(id: String, version: Int?) async throws -> SavedCaseVersion?
    func versions(id: String) async throws -> [SavedCaseVersion]
}

/// Append-only audit log: who did what to which case, never what the case says.
public protocol AuditLog: Sendable {
    /// `municipality`: whose data the action touched, when one municipality's.
    func append(account: String, action: String, caseID: String?, municipality: String?) async throws
    /// With a detail that is never case content: the provider a 事前共有 went to (a business).
    func append(account: String, action: String, caseID: String?, municipality: String?, detail: String?) async throws
    /// For `yorisoi audit export`.
    func auditRows(from: String, to: String) async throws -> [AuditRow]
    /// Walks the hash chain and checks that every ledger row and every 決裁 has its audit rows.
    func verify() async throws -> AuditVerification
}

extension AuditLog {
    func append(account: String, action: String, caseID: String?) async throws {
        try await append(account: account, action: action, caseID: caseID, municipality: nil)
    }
}

/// One audit row as exported: never case content.
public struct AuditRow: Sendable, Hashable {
    public var id: Int64
    public var at: String
    public var account: String
    public var action: String
    public var caseID: String?
    public var municipality: String?
    public var ledgerID: Int64?
    public var approvalID: Int64?
    public var detail: String?
    public var hash: String
}

public struct AuditVerification: Sendable, Equatable {
    public var rows: Int
    /// nil when the chain is intact.
    public var firstBrokenRow: Int64?
    /// Ledger rows and approvals without the audit row that must accompany them, described
    /// by id and action (never content).
    public var missing: [String] = []
    public var ok: Bool { firstBrokenRow == nil && missing.isEmpty }
}
