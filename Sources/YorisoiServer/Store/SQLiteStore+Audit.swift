import Foundation
import GRDB

/// One audit row before it is chained: who, what, which case, and — for the 発番簿 and 決裁 —
/// which row it records and a detail that is never case content (a 文書番号, a 取消 reason).
struct AuditRecord: Sendable {
    var account: String
    var action: String
    var caseID: String?
    var ledgerID: Int64? = nil
    var approvalID: Int64? = nil
    var detail: String? = nil
    /// The municipality whose data was touched (the access record a security policy asks for).
    var municipality: String? = nil
}

extension SQLiteStore {
    static func auditHash(previous: String, at: String, _ record: AuditRecord) -> String {
        // Unit separators keep "ab"+"c" and "a"+"bc" apart. The v2 fields join the hash only when
        // a row has one, so rows written before them still verify.
        var parts = [previous, at, record.account, record.action, record.caseID ?? ""]
        if record.ledgerID != nil || record.approvalID != nil || record.detail != nil || record.municipality != nil {
            parts += [record.ledgerID.map(String.init) ?? "", record.approvalID.map(String.init) ?? "", record.detail ?? ""]
        }
        if let municipality = record.municipality { parts.append(municipality) }
        return sha256Hex(Array(parts.joined(separator: "\u{1F}").utf8))
    }

    /// Appends one row to the chain inside the caller's write transaction: a ledger change and
    /// its audit row commit together or not at all. `previous` is the chain's last hash when the
    /// caller has just written it (a group of rows); otherwise it is read. Returns the row's hash.
    /// The statements are prepared once per connection (`cachedStatement`): every render writes
    /// a row, and parsing the SQL anew each time was most of the audit's cost.
    @discardableResult
    static func insertAudit(_ db: Database, _ record: AuditRecord, previous known: String? = nil) throws -> String {
        let previous = try known ?? String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1")) ?? ""
        let at = timestamp()
        let hash = auditHash(previous: previous, at: at, record)
        try db.cachedStatement(sql: """
            INSERT INTO audit (at, account, action, case_id, ledger_id, approval_id, detail, municipality, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [at, record.account, record.action, record.caseID, record.ledgerID, record.approvalID,
                                     record.detail, record.municipality, previous, hash])
        return hash
    }

    /// Returns once the row is on disk; rows of concurrent requests share a transaction
    /// (`AuditGroupCommit`). For reads and other actions that change no ledger row.
    public func append(account: String, action: String, caseID: String?, municipality: String?) async throws {
        try await auditCommit.append(.init(account: account, action: action, caseID: caseID, municipality: municipality))
    }

    public func append(account: String, action: String, caseID: String?, municipality: String?, detail: String?) async throws {
        try await auditCommit.append(.init(account: account, action: action, caseID: caseID, municipality: municipality, detail: detail))
    }

    /// The rows from `from` to `to` (timestamps compared as ISO 8601 text), oldest first.
    public func auditRows(from: String, to: String) async throws -> [AuditRow] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE at >= ? AND at < ? ORDER BY id", arguments: [from, to]).map {
                AuditRow(id: $0["id"], at: $0["at"], account: $0["account"], action: $0["action"], caseID: $0["case_id"],
                         municipality: $0["municipality"], ledgerID: $0["ledger_id"], approvalID: $0["approval_id"],
                         detail: $0["detail"], hash: $0["hash"])
            }
        }
    }

    /// One transaction: each entry's row chained to the one before it.
    static func writeAudit(_ entries: [AuditGroupCommit.Entry], into writer: any DatabaseWriter) async throws {
        try await writer.write { db in
            var previous: String?
            for entry in entries {
                previous = try insertAudit(db, AuditRecord(account: entry.account, action: entry.action, caseID: entry.caseID,
                                                           detail: entry.detail, municipality: entry.municipality),
                                           previous: previous)
            }
        }
    }

    /// The chain, then coverage: every ledger row has its issue (or adoption) row, every voided
    /// row its 取消 row, every 決裁 its request row and, once decided, its decision row.
    public func verify() async throws -> AuditVerification {
        try await writer.read { db in
            var previous = ""
            var count = 0
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id") {
                count += 1
                let record = AuditRecord(account: row["account"], action: row["action"], caseID: row["case_id"],
                                         ledgerID: row["ledger_id"], approvalID: row["approval_id"], detail: row["detail"],
                                         municipality: row["municipality"])
                let expected = Self.auditHash(previous: previous, at: row["at"], record)
                let stored: String = row["hash"]
                let storedPrevious: String = row["previous_hash"]
                if stored != expected || storedPrevious != previous {
                    return AuditVerification(rows: count, firstBrokenRow: row["id"])
                }
                previous = stored
            }
            var missing: [String] = []
            let unissued = try Row.fetchAll(db, sql: """
                SELECT id, kind FROM ledger l WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.ledger_id = l.id
                  AND (a.action = 'notice.issue.' || l.kind OR a.action = 'ledger.adopted'))
                ORDER BY id
                """)
            missing += unissued.map { "ledger \($0["id"] as Int64): no notice.issue.\($0["kind"] as String) row" }
            let unvoided = try Int64.fetchAll(db, sql: """
                SELECT id FROM ledger l WHERE status = 'voided' AND NOT EXISTS (SELECT 1 FROM audit a
                  WHERE a.ledger_id = l.id AND (a.action = 'ledger.void' OR a.action = 'ledger.adopted'))
                ORDER BY id
                """)
            missing += unvoided.map { "ledger \($0): no ledger.void row" }
            let unrequested = try Int64.fetchAll(db, sql: """
                SELECT id FROM approvals p WHERE NOT EXISTS (SELECT 1 FROM audit a
                  WHERE a.approval_id = p.id AND a.action = 'approval.request') ORDER BY id
                """)
            missing += unrequested.map { "approval \($0): no approval.request row" }
            let undecided = try Int64.fetchAll(db, sql: """
                SELECT id FROM approvals p WHERE status <> 'pending' AND NOT EXISTS (SELECT 1 FROM audit a
                  WHERE a.approval_id = p.id AND a.action IN ('approval.approve', 'approval.reject')) ORDER BY id
                """)
            missing += undecided.map { "approval \($0): no decision row" }
            return AuditVerification(rows: count, firstBrokenRow: nil, missing: missing)
        }
    }
}
