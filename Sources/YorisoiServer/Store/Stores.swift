import Foundation

// The server's storage, behind small protocols so that a PostgreSQL store (several server
// instances sharing one database) can follow the SQLite one without touching the routes.

/// One row of the 発番簿.
public struct LedgerEntry: Sendable, Hashable, Codable {
    public var id: Int64
    /// 文書番号 as printed (「袖こ家第12号」).
    public var number: String
    public var municipality: String
    /// 年度 of the notice date (April to March).
    public var fiscalYear: Int
    /// The allocated sequence; nil when the case carried its own number.
    public var sequence: Int?
    public var kind: String
    public var caseID: String
    /// The notice date (yyyy-mm-dd).
    public var date: String
    public var sha256: String
    /// "issued" or "voided".
    public var status: String
    public var voidReason: String?
    public var voidedAt: String?
    public var voidedBy: String?
    public var issuedAt: String
    public var account: String
}

/// The 勧奨 a 措置 cites, as the ledger has it.
public struct CitedRecommendation: Sendable, Hashable {
    public var number: String
    public var date: String
}

/// What the issuing closure is told inside the transaction.
public struct Allocation: Sendable {
    public var number: String
    public var sequence: Int?
    /// For a 措置: the issued, not voided 勧奨 of the same case, if the ledger holds one.
    public var recommendation: CitedRecommendation?
}

public struct IssueRequest: Sendable {
    public var municipality: String
    public var prefix: String
    public var fiscalYear: Int
    public var kind: String
    public var caseID: String
    public var date: String
    public var account: String
    /// The case's own 文書番号, used instead of allocating one.
    public var presetNumber: String?
    /// Look up the case's 勧奨 for the closure (a 措置 cites it).
    public var citeRecommendation: Bool

    public init(municipality: String, prefix: String, fiscalYear: Int, kind: String, caseID: String, date: String,
                account: String, presetNumber: String?, citeRecommendation: Bool) {
        self.municipality = municipality
        self.prefix = prefix
        self.fiscalYear = fiscalYear
        self.kind = kind
        self.caseID = caseID
        self.date = date
        self.account = account
        self.presetNumber = presetNumber
        self.citeRecommendation = citeRecommendation
    }
}

public enum StoreError: Error, Sendable, Equatable {
    case notFound
    case conflict(String)
    case alreadyVoided
}

public protocol LedgerStore: Sendable {
    /// Allocates the number, calls `render` with it and stores the PDF it returns — all in one
    /// transaction: if `render` throws, nothing is stored and the number is not used.
    func issue(_ request: IssueRequest, render: @escaping @Sendable (Allocation) throws -> [UInt8]) async throws -> LedgerEntry
    func entries(municipality: String?, fiscalYear: Int?) async throws -> [LedgerEntry]
    func entry(id: Int64) async throws -> LedgerEntry?
    func pdf(id: Int64) async throws -> [UInt8]?
    /// 取消: the row stays, with its reason.
    func void(id: Int64, reason: String, account: String) async throws -> LedgerEntry
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
    /// The next version; `StoreError.notFound` when there is none yet.
    func update(id: String, fields: SavedCaseFields, body: [UInt8], format: String, account: String) async throws -> Int
    func version(id: String, version: Int?) async throws -> SavedCaseVersion?
    func versions(id: String) async throws -> [SavedCaseVersion]
}

/// Append-only audit log: who did what to which case, never what the case says.
public protocol AuditLog: Sendable {
    func append(account: String, action: String, caseID: String?) async throws
    /// Walks the hash chain; the first row whose hash does not follow, if any.
    func verify() async throws -> AuditVerification
}

public struct AuditVerification: Sendable, Equatable {
    public var rows: Int
    /// nil when the chain is intact.
    public var firstBrokenRow: Int64?
    public var ok: Bool { firstBrokenRow == nil }
}
