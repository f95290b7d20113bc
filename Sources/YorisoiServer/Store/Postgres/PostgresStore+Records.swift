import Foundation
import NIOCore
import PostgresNIO
import Yorisoi

// 決裁, saved cases, drafts: the same contracts as SQLiteStore's, under row-level security.

extension PostgresStore: ApprovalStore {
    static let approvalColumns = """
        id, municipality, kind, case_id, case_version, sha256, status, requested_by, requested_at, decided_by,
        decided_at, note, ledger_id, used_at
        """

    static func approval(_ row: PostgresRandomAccessRow) throws -> Approval {
        Approval(id: try row.get("id"), municipality: try row.get("municipality"),
                 kind: NoticeKind(rawValue: try row.get("kind")) ?? .measure, caseID: try row.get("case_id"),
                 caseVersion: try row.get("case_version"), sha256: try row.get("sha256"),
                 status: ApprovalStatus(rawValue: try row.get("status")) ?? .pending, requestedBy: try row.get("requested_by"),
                 requestedAt: try row.get("requested_at"), decidedBy: try row.get("decided_by"),
                 decidedAt: try row.get("decided_at"), note: try row.get("note"), ledgerID: try row.get("ledger_id"),
                 usedAt: try row.get("used_at"))
    }

    func fetchApproval(_ connection: PostgresConnection, id: Int64, forUpdate: Bool = false) async throws -> Approval? {
        try await connection.row(PostgresQuery(
            unsafeSQL: "SELECT \(Self.approvalColumns) FROM approvals WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""),
            binds: Self.binds(id)), logger).map(Self.approval)
    }

    public func requestApproval(_ request: ApprovalRequest) async throws -> Approval {
        try await transaction { connection in
            try await self.lockTenant(connection, request.municipality)
            let row = try await connection.row("""
                INSERT INTO approvals (municipality, kind, case_id, case_version, body, format, sha256, requested_by, requested_at)
                VALUES (\(request.municipality), \(request.kind.rawValue), \(request.caseID), \(request.caseVersion),
                        \(ByteBuffer(bytes: request.body)), \(request.format), \(Self.sha256Hex(request.body)), \(request.account),
                        \(Self.timestamp()))
                RETURNING id
                """, self.logger)
            guard let id = try row?.get("id", as: Int64.self) else { throw StoreError.notFound }
            try await self.insertAudit(connection, AuditRecord(account: request.account, action: "approval.request",
                                                               caseID: request.caseID, approvalID: id,
                                                               detail: request.kind.rawValue, municipality: request.municipality))
            guard let approval = try await self.fetchApproval(connection, id: id) else { throw StoreError.notFound }
            return approval
        }
    }

    public func decide(id: Int64, approve: Bool, decidedBy: String, note: String?, account: String,
                       distinctFromRequester: Bool) async throws -> Approval {
        try await transaction { connection in
            guard let seen = try await self.fetchApproval(connection, id: id) else { throw LedgerRefusal.approvalNotFound }
            try await self.lockTenant(connection, seen.municipality)
            guard let approval = try await self.fetchApproval(connection, id: id, forUpdate: true) else {
                throw LedgerRefusal.approvalNotFound
            }
            guard approval.status == .pending else { throw LedgerRefusal.approvalDecided }
            if distinctFromRequester && approval.requestedBy == account { throw LedgerRefusal.selfApproval }
            try await connection.query("""
                UPDATE approvals SET status = \(approve ? "approved" : "rejected"), decided_by = \(decidedBy),
                  decided_at = \(Self.timestamp()), note = \(note) WHERE id = \(id)
                """, logger: self.logger)
            try await self.insertAudit(connection, AuditRecord(account: account, action: approve ? "approval.approve" : "approval.reject",
                                                               caseID: approval.caseID, approvalID: id,
                                                               detail: approve ? decidedBy : note, municipality: approval.municipality))
            guard let decided = try await self.fetchApproval(connection, id: id) else { throw StoreError.notFound }
            return decided
        }
    }

    public func approvals(municipality: String?, status: ApprovalStatus?, caseID: String?) async throws -> [Approval] {
        try await transaction { connection in
            var sql = "SELECT \(Self.approvalColumns) FROM approvals WHERE true"
            var bindings = PostgresBindings()
            func add(_ column: String, _ value: String) {
                bindings.append(value)
                sql += " AND \(column) = $\(bindings.count)"
            }
            if let municipality { add("municipality", municipality) }
            if let status { add("status", status.rawValue) }
            if let caseID { add("case_id", caseID) }
            return try await connection.rows(PostgresQuery(unsafeSQL: sql + " ORDER BY id", binds: bindings), self.logger)
                .map(Self.approval)
        }
    }

    public func approval(id: Int64) async throws -> Approval? {
        try await transaction { connection in try await self.fetchApproval(connection, id: id) }
    }

    public func approvalDraft(id: Int64) async throws -> (body: [UInt8], format: String, municipality: String)? {
        let row: (body: [UInt8], format: String, municipality: String)?? = try await transaction { connection in
            try await connection.row("SELECT body, format, municipality FROM approvals WHERE id = \(id)", self.logger).map {
                (body: try $0.bytes("body"), format: try $0.get("format", as: String.self), municipality: try $0.get("municipality", as: String.self))
            }
        }
        return row ?? nil
    }
}

extension PostgresStore: CaseStore {
    public func list() async throws -> [SavedCaseSummary] {
        try await transaction { connection in
            try await connection.rows("""
                SELECT DISTINCT ON (case_id) case_id, version, municipality, category, review, saved_at FROM case_versions
                ORDER BY case_id, version DESC
                """, self.logger).map {
                SavedCaseSummary(id: try $0.get("case_id"), municipality: try $0.get("municipality"), category: try $0.get("category"),
                                 review: try $0.get("review"), version: try $0.get("version"), updatedAt: try $0.get("saved_at"))
            }
        }
    }

    /// Saves of one case id queue on a transaction-level advisory lock, across instances: the
    /// version check and the insert see each other's result, as SQLite's single writer does.
    func lockCase(_ connection: PostgresConnection, _ id: String) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\("case:" + id), 0))", logger: logger)
    }

    public func create(id: String, fields: SavedCaseFields, body: [UInt8], format: String, account: String) async throws -> Int {
        do {
            return try await transaction { connection in
                try await self.lockCase(connection, id)
                // A case of a municipality this request cannot see still takes its id.
                if try await connection.row("SELECT 1 AS found FROM case_versions WHERE case_id = \(id)", self.logger) != nil {
                    throw StoreError.conflict("ケースID \(id) はすでに保存されています")
                }
                try await self.insertVersion(connection, id: id, version: 1, fields: fields, body: body, format: format, account: account)
                return 1
            }
        } catch StoreError.conflict {
            throw StoreError.conflict("ケースID \(id) はすでに保存されています")
        }
    }

    public func update(id: String, fields: SavedCaseFields, body: [UInt8], format: String, account: String,
                       baseVersion: Int?) async throws -> Int {
        try await transaction { connection in
            try await self.lockCase(connection, id)
            guard let row = try await connection.row("SELECT MAX(version) AS last FROM case_versions WHERE case_id = \(id)", self.logger),
                  let last = try row.get("last", as: Int?.self) else {
                throw StoreError.notFound
            }
            if let baseVersion, baseVersion != last { throw StoreError.staleVersion(latest: last) }
            try await self.insertVersion(connection, id: id, version: last + 1, fields: fields, body: body, format: format, account: account)
            return last + 1
        }
    }

    private func insertVersion(_ connection: PostgresConnection, id: String, version: Int, fields: SavedCaseFields, body: [UInt8],
                               format: String, account: String) async throws {
        try await connection.query("""
            INSERT INTO case_versions (case_id, version, municipality, category, review, body, format, saved_at, account)
            VALUES (\(id), \(version), \(fields.municipality), \(fields.category), \(fields.review), \(ByteBuffer(bytes: body)),
                    \(format), \(Self.timestamp()), \(account))
            """, logger: logger)
    }

    private static func savedVersion(_ row: PostgresRandomAccessRow) throws -> SavedCaseVersion {
        SavedCaseVersion(id: try row.get("case_id"), version: try row.get("version"), municipality: try row.get("municipality"),
                         body: try row.bytes("body"), format: try row.get("format"), savedAt: try row.get("saved_at"),
                         account: try row.get("account"))
    }

    public func version(id: String, version: Int?) async throws -> SavedCaseVersion? {
        try await transaction { connection in
            if let version {
                return try await connection.row("SELECT * FROM case_versions WHERE case_id = \(id) AND version = \(version)", self.logger)
                    .map(Self.savedVersion)
            }
            return try await connection.row("SELECT * FROM case_versions WHERE case_id = \(id) ORDER BY version DESC LIMIT 1", self.logger)
                .map(Self.savedVersion)
        }
    }

    public func versions(id: String) async throws -> [SavedCaseVersion] {
        try await transaction { connection in
            try await connection.rows("SELECT * FROM case_versions WHERE case_id = \(id) ORDER BY version", self.logger)
                .map(Self.savedVersion)
        }
    }
}

extension PostgresStore: DraftStore {
    /// nil for a row whose kind this build does not know (see `SQLiteStore.draft`).
    static func draft(_ row: PostgresRandomAccessRow, withBody: Bool) throws -> Draft? {
        guard let kind = DocumentKind(rawValue: try row.get("kind", as: String.self)) else { return nil }
        return Draft(key: try row.get("key"), account: try row.get("account"), municipality: try row.get("municipality"),
                     kind: kind, baseVersion: try row.get("base_version"),
                     body: withBody ? try row.bytes("body") : [], savedAt: try row.get("saved_at"))
    }

    public func saveDraft(_ draft: Draft) async throws -> Draft {
        var saved = draft
        saved.savedAt = Self.timestamp()
        let stored = saved
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO drafts (account, key, municipality, kind, base_version, body, saved_at)
                VALUES (\(stored.account), \(stored.key), \(stored.municipality), \(stored.kind.rawValue), \(stored.baseVersion),
                        \(ByteBuffer(bytes: stored.body)), \(stored.savedAt))
                ON CONFLICT (account, key) DO UPDATE SET municipality = excluded.municipality, kind = excluded.kind,
                  base_version = excluded.base_version, body = excluded.body, saved_at = excluded.saved_at
                """, logger: self.logger)
        }
        return saved
    }

    public func draft(account: String, key: String) async throws -> Draft? {
        try await transaction { connection in
            try await connection.row("SELECT * FROM drafts WHERE account = \(account) AND key = \(key)", self.logger)
                .flatMap { try Self.draft($0, withBody: true) }
        }
    }

    public func drafts(account: String) async throws -> [Draft] {
        try await transaction { connection in
            try await connection.rows("""
                SELECT account, key, municipality, kind, base_version, saved_at FROM drafts
                WHERE account = \(account) ORDER BY saved_at DESC
                """, self.logger).compactMap { try Self.draft($0, withBody: false) }
        }
    }

    public func deleteDraft(account: String, key: String) async throws -> Bool {
        try await transaction { connection in
            try await connection.row("DELETE FROM drafts WHERE account = \(account) AND key = \(key) RETURNING key", self.logger) != nil
        }
    }
}
