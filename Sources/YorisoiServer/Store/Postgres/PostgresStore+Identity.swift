import Foundation
import PostgresNIO

// Accounts and sessions: identity, looked up before a request's municipalities are known, so
// these two tables are not under row-level security.

extension PostgresStore: AccountStore {
    static func accountRecord(_ row: PostgresRandomAccessRow) throws -> AccountRecord {
        let list: String = try row.get("municipalities")
        return AccountRecord(name: try row.get("name"), passwordHash: try row.get("password_hash"),
                             role: AccountRole(rawValue: try row.get("role")) ?? .viewer,
                             municipalities: list.split(separator: ",").map(String.init), disabled: try row.get("disabled"))
    }

    public func account(named name: String) async throws -> AccountRecord? {
        try await transaction { connection in
            try await connection.row("SELECT * FROM accounts WHERE name = \(name)", self.logger).map(Self.accountRecord)
        }
    }

    public func addAccount(_ record: AccountRecord) async throws {
        try await transaction(scope: .all) { connection in
            try await self.lockTenant(connection, "")
            if try await connection.row("SELECT 1 AS found FROM accounts WHERE name = \(record.name)", self.logger) != nil {
                throw StoreError.conflict("アカウント \(record.name) はすでにあります")
            }
            try await connection.query("""
                INSERT INTO accounts (name, password_hash, role, municipalities, disabled, created_at)
                VALUES (\(record.name), \(record.passwordHash), \(record.role.rawValue),
                        \(record.municipalities.joined(separator: ",")), false, \(Self.timestamp()))
                """, logger: self.logger)
            try await self.insertAudit(connection, AuditRecord(
                account: "system", action: "account.add", caseID: nil,
                detail: "\(record.name) \(record.role.rawValue) \(record.municipalities.joined(separator: ","))"))
        }
    }

    public func setDisabled(_ name: String, _ disabled: Bool) async throws -> Bool {
        try await transaction(scope: .all) { connection in
            try await self.lockTenant(connection, "")
            guard try await connection.row("UPDATE accounts SET disabled = \(disabled) WHERE name = \(name) RETURNING name",
                                           self.logger) != nil else { return false }
            try await self.insertAudit(connection, AuditRecord(account: "system", action: disabled ? "account.disable" : "account.enable",
                                                               caseID: nil, detail: name))
            return true
        }
    }

    public func allAccounts() async throws -> [AccountRecord] {
        try await transaction { connection in
            try await connection.rows("SELECT * FROM accounts ORDER BY name", self.logger).map(Self.accountRecord)
        }
    }

    public func hasAnyAccount() async throws -> Bool {
        try await transaction { connection in
            try await connection.row("SELECT 1 AS found FROM accounts LIMIT 1", self.logger) != nil
        }
    }
}

extension PostgresStore: SessionRecords {
    static func key(_ id: String) -> String { sha256Hex(Array(id.utf8)) }

    public func insertSession(_ session: Session) async throws {
        try await transaction { connection in
            try await connection.query("""
                INSERT INTO sessions (id_hash, account, csrf_token, created_at, last_seen)
                VALUES (\(Self.key(session.id)), \(session.account), \(session.csrfToken),
                        \(session.createdAt.timeIntervalSince1970), \(session.lastSeen.timeIntervalSince1970))
                """, logger: self.logger)
        }
    }

    public func loadSession(id: String) async throws -> Session? {
        try await transaction { connection in
            try await connection.row("SELECT * FROM sessions WHERE id_hash = \(Self.key(id))", self.logger).map {
                Session(id: id, account: try $0.get("account"), csrfToken: try $0.get("csrf_token"),
                        createdAt: Date(timeIntervalSince1970: try $0.get("created_at")),
                        lastSeen: Date(timeIntervalSince1970: try $0.get("last_seen")))
            }
        }
    }

    public func touchSession(id: String, lastSeen: Date) async throws {
        try await transaction { connection in
            try await connection.query("""
                UPDATE sessions SET last_seen = greatest(last_seen, \(lastSeen.timeIntervalSince1970)) WHERE id_hash = \(Self.key(id))
                """, logger: self.logger)
        }
    }

    public func deleteSession(id: String) async throws {
        try await transaction { connection in
            try await connection.query("DELETE FROM sessions WHERE id_hash = \(Self.key(id))", logger: self.logger)
        }
    }

    public func pruneSessions(idleBefore: Date, createdBefore: Date) async throws {
        try await transaction { connection in
            try await connection.query("""
                DELETE FROM sessions WHERE last_seen <= \(idleBefore.timeIntervalSince1970)
                  OR created_at <= \(createdBefore.timeIntervalSince1970)
                """, logger: self.logger)
        }
    }
}
