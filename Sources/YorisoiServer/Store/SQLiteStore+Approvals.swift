import Foundation
import GRDB

extension SQLiteStore {
    static let approvalColumns = """
        id, municipality, kind, case_id, case_version, sha256, status, requested_by, requested_at, decided_by,
        decided_at, note, ledger_id, used_at
        """

    static func approval(_ row: Row) -> Approval {
        Approval(id: row["id"], municipality: row["municipality"], kind: NoticeKind(rawValue: row["kind"]) ?? .measure,
                 caseID: row["case_id"], caseVersion: row["case_version"], sha256: row["sha256"],
                 status: ApprovalStatus(rawValue: row["status"]) ?? .pending, requestedBy: row["requested_by"],
                 requestedAt: row["requested_at"], decidedBy: row["decided_by"], decidedAt: row["decided_at"],
                 note: row["note"], ledgerID: row["ledger_id"], usedAt: row["used_at"])
    }

    static func fetchApproval(_ db: Database, id: Int64) throws -> Approval? {
        try Row.fetchOne(db, sql: "SELECT \(approvalColumns) FROM approvals WHERE id = ?", arguments: [id]).map(approval)
    }

    public func requestApproval(_ request: ApprovalRequest) async throws -> Approval {
        try await writer.write { db in
            try db.execute(sql: """
                INSERT INTO approvals (municipality, kind, case_id, case_version, body, format, sha256, requested_by, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [request.municipality, request.kind.rawValue, request.caseID, request.caseVersion,
                                 Data(request.body), request.format, Self.sha256Hex(request.body), request.account,
                                 Self.timestamp()])
            let id = db.lastInsertedRowID
            try Self.insertAudit(db, AuditRecord(account: request.account, action: "approval.request", caseID: request.caseID,
                                                 approvalID: id, detail: request.kind.rawValue))
            return try Self.fetchApproval(db, id: id)!
        }
    }

    public func decide(id: Int64, approve: Bool, decidedBy: String, note: String?, account: String,
                       distinctFromRequester: Bool) async throws -> Approval {
        try await writer.write { db in
            guard let approval = try Self.fetchApproval(db, id: id) else { throw LedgerRefusal.approvalNotFound }
            guard approval.status == .pending else { throw LedgerRefusal.approvalDecided }
            if distinctFromRequester && approval.requestedBy == account { throw LedgerRefusal.selfApproval }
            try db.execute(sql: "UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?",
                           arguments: [approve ? "approved" : "rejected", decidedBy, Self.timestamp(), note, id])
            try Self.insertAudit(db, AuditRecord(account: account, action: approve ? "approval.approve" : "approval.reject",
                                                 caseID: approval.caseID, approvalID: id, detail: approve ? decidedBy : note))
            return try Self.fetchApproval(db, id: id)!
        }
    }

    public func approvals(municipality: String?, status: ApprovalStatus?, caseID: String?) async throws -> [Approval] {
        try await writer.read { db in
            var sql = "SELECT \(Self.approvalColumns) FROM approvals WHERE 1 = 1"
            var arguments: StatementArguments = []
            if let municipality { sql += " AND municipality = ?"; arguments += [municipality] }
            if let status { sql += " AND status = ?"; arguments += [status.rawValue] }
            if let caseID { sql += " AND case_id = ?"; arguments += [caseID] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map(Self.approval)
        }
    }

    public func approval(id: Int64) async throws -> Approval? {
        try await writer.read { db in try Self.fetchApproval(db, id: id) }
    }

    public func approvalDraft(id: Int64) async throws -> (body: [UInt8], format: String, municipality: String)? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT body, format, municipality FROM approvals WHERE id = ?", arguments: [id]).map {
                (body: [UInt8]($0["body"] as Data), format: $0["format"] as String, municipality: $0["municipality"] as String)
            }
        }
    }
}
