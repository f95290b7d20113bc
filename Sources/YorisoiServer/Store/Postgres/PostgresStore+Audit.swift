import Foundation
import PostgresNIO

extension PostgresStore: AuditLog {
    /// Appends one row to its municipality's chain inside the caller's transaction, under that
    /// chain's lock (`tenants`, taken here if the caller has not already): two instances appending
    /// at once queue on the lock, so the chain never forks.
    func insertAudit(_ connection: PostgresConnection, _ record: AuditRecord) async throws {
        let chain = record.municipality ?? ""
        try await lockTenant(connection, chain)
        guard let head = try await connection.row("SELECT audit_head FROM tenants WHERE municipality = \(chain)", logger) else {
            throw StoreError.notFound
        }
        let previous: String = try head.get("audit_head")
        let at = Self.timestamp()
        let hash = SQLiteStore.auditHash(previous: previous, at: at, record)
        try await connection.query("""
            INSERT INTO audit (chain, at, account, action, case_id, municipality, ledger_id, approval_id, detail, previous_hash, hash)
            VALUES (\(chain), \(at), \(record.account), \(record.action), \(record.caseID), \(record.municipality),
                    \(record.ledgerID), \(record.approvalID), \(record.detail), \(previous), \(hash))
            """, logger: logger)
        try await connection.query("""
            UPDATE tenants SET audit_head = \(hash), audit_rows = audit_rows + 1 WHERE municipality = \(chain)
            """, logger: logger)
    }

    /// Returns once the row is committed; rows of concurrent requests share a transaction.
    public func append(account: String, action: String, caseID: String?, municipality: String?) async throws {
        try await auditCommit.append(.init(account: account, action: action, caseID: caseID, municipality: municipality))
    }

    public func append(account: String, action: String, caseID: String?, municipality: String?, detail: String?) async throws {
        try await auditCommit.append(.init(account: account, action: action, caseID: caseID, municipality: municipality, detail: detail))
    }

    /// One transaction for a batch of rows (the server's own work: every municipality). The
    /// chains are locked in name order, so two instances' batches cannot wait on each other.
    func writeAudit(_ entries: [AuditGroupCommit.Entry]) async throws {
        try await transaction(scope: .all) { connection in
            for chain in Set(entries.map { $0.municipality ?? "" }).sorted() {
                try await self.lockTenant(connection, chain)
            }
            for entry in entries {
                try await self.insertAudit(connection, AuditRecord(account: entry.account, action: entry.action,
                                                                   caseID: entry.caseID, detail: entry.detail,
                                                                   municipality: entry.municipality))
            }
        }
    }

    static func auditRow(_ row: PostgresRandomAccessRow) throws -> AuditRow {
        AuditRow(id: try row.get("id"), at: try row.get("at"), account: try row.get("account"), action: try row.get("action"),
                 caseID: try row.get("case_id"), municipality: try row.get("municipality"), ledgerID: try row.get("ledger_id"),
                 approvalID: try row.get("approval_id"), detail: try row.get("detail"), hash: try row.get("hash"))
    }

    public func auditRows(from: String, to: String) async throws -> [AuditRow] {
        try await transaction { connection in
            try await connection.rows("SELECT * FROM audit WHERE at >= \(from) AND at < \(to) ORDER BY id", self.logger)
                .map(Self.auditRow)
        }
    }

    /// Each chain from its first row to the head `tenants` records (so rows cut from a chain's
    /// end are noticed too), then coverage as in SQLite: every ledger row and 決裁 has its rows.
    public func verify() async throws -> AuditVerification {
        try await transaction(scope: .all) { connection in
            var count = 0
            let heads = try await connection.rows("SELECT municipality, audit_head, audit_rows FROM tenants ORDER BY municipality", self.logger)
            for head in heads {
                let chain: String = try head.get("municipality")
                var previous = ""
                var lastID: Int64 = 0
                var inChain: Int64 = 0
                for row in try await connection.rows("SELECT * FROM audit WHERE chain = \(chain) ORDER BY id", self.logger) {
                    count += 1
                    inChain += 1
                    let id: Int64 = try row.get("id")
                    let record = AuditRecord(account: try row.get("account"), action: try row.get("action"),
                                             caseID: try row.get("case_id"), ledgerID: try row.get("ledger_id"),
                                             approvalID: try row.get("approval_id"), detail: try row.get("detail"),
                                             municipality: try row.get("municipality"))
                    let expected = SQLiteStore.auditHash(previous: previous, at: try row.get("at"), record)
                    let stored: String = try row.get("hash")
                    let storedPrevious: String = try row.get("previous_hash")
                    if stored != expected || storedPrevious != previous {
                        return AuditVerification(rows: count, firstBrokenRow: id)
                    }
                    previous = stored
                    lastID = id
                }
                let recordedHead: String = try head.get("audit_head")
                let recordedRows: Int64 = try head.get("audit_rows")
                if previous != recordedHead || inChain != recordedRows {
                    return AuditVerification(rows: count, firstBrokenRow: lastID)
                }
            }
            // Rows in a chain no head names.
            if let stray = try await connection.row("""
                SELECT min(a.id) AS id FROM audit a WHERE NOT EXISTS (SELECT 1 FROM tenants t WHERE t.municipality = a.chain)
                HAVING count(*) > 0
                """, self.logger) {
                return AuditVerification(rows: count, firstBrokenRow: try stray.get("id"))
            }
            var missing: [String] = []
            for row in try await connection.rows("""
                SELECT id, kind FROM ledger l WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.ledger_id = l.id
                  AND a.action = 'notice.issue.' || l.kind) ORDER BY id
                """, self.logger) {
                missing.append("ledger \(try row.get("id", as: Int64.self)): no notice.issue.\(try row.get("kind", as: String.self)) row")
            }
            for row in try await connection.rows("""
                SELECT id FROM ledger l WHERE status = 'voided' AND NOT EXISTS (SELECT 1 FROM audit a
                  WHERE a.ledger_id = l.id AND a.action = 'ledger.void') ORDER BY id
                """, self.logger) {
                missing.append("ledger \(try row.get("id", as: Int64.self)): no ledger.void row")
            }
            for row in try await connection.rows("""
                SELECT id FROM approvals p WHERE NOT EXISTS (SELECT 1 FROM audit a
                  WHERE a.approval_id = p.id AND a.action = 'approval.request') ORDER BY id
                """, self.logger) {
                missing.append("approval \(try row.get("id", as: Int64.self)): no approval.request row")
            }
            for row in try await connection.rows("""
                SELECT id FROM approvals p WHERE status <> 'pending' AND NOT EXISTS (SELECT 1 FROM audit a
                  WHERE a.approval_id = p.id AND a.action IN ('approval.approve', 'approval.reject')) ORDER BY id
                """, self.logger) {
                missing.append("approval \(try row.get("id", as: Int64.self)): no decision row")
            }
            return AuditVerification(rows: count, missing: missing)
        }
    }
}
