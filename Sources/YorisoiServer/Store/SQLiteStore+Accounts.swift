import Foundation
import GRDB

/// Accounts in the database (`yorisoi accounts add|disable|list`). Rows are never deleted: an
/// account that leaves is disabled, so the audit's account names keep meaning someone.
public protocol AccountStore: AccountDirectory {
    /// `StoreError.conflict` when the name exists.
    func addAccount(_ record: AccountRecord) async throws
    /// false when there is no such account.
    func setDisabled(_ name: String, _ disabled: Bool) async throws -> Bool
    func allAccounts() async throws -> [AccountRecord]
    /// With accounts in the database the server signs people in; without any it runs with the
    /// local token (read once at start).
    func hasAnyAccount() async throws -> Bool
}

extension SQLiteStore: AccountStore {
    static func accountRecord(_ row: Row) -> AccountRecord {
        let list: String = row["municipalities"]
        return AccountRecord(name: row["name"], passwordHash: row["password_hash"],
                             role: AccountRole(rawValue: row["role"]) ?? .viewer,
                             municipalities: list.split(separator: ",").map(String.init), disabled: row["disabled"])
    }

    public func account(named name: String) async throws -> AccountRecord? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE name = ?", arguments: [name]).map(Self.accountRecord)
        }
    }

    public func addAccount(_ record: AccountRecord) async throws {
        try await writer.write { db in try Self.insertAccount(db, record) }
    }

    /// In the caller's transaction, with its audit row.
    static func insertAccount(_ db: Database, _ record: AccountRecord) throws {
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE name = ?", arguments: [record.name]) == true {
            throw StoreError.conflict("アカウント \(record.name) はすでにあります")
        }
        try db.execute(sql: """
            INSERT INTO accounts (name, password_hash, role, municipalities, disabled, created_at) VALUES (?, ?, ?, ?, 0, ?)
            """, arguments: [record.name, record.passwordHash, record.role.rawValue,
                             record.municipalities.joined(separator: ","), timestamp()])
        try insertAudit(db, AuditRecord(account: "system", action: "account.add", caseID: nil,
                                        detail: "\(record.name) \(record.role.rawValue) \(record.municipalities.joined(separator: ","))"))
    }

    public func setDisabled(_ name: String, _ disabled: Bool) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "UPDATE accounts SET disabled = ? WHERE name = ?", arguments: [disabled, name])
            guard db.changesCount > 0 else { return false }
            try Self.insertAudit(db, AuditRecord(account: "system", action: disabled ? "account.disable" : "account.enable",
                                                 caseID: nil, detail: name))
            return true
        }
    }

    /// Read once at start: with accounts in the database the server signs people in; without
    /// any it runs with the local token.
    public func hasAccounts() throws -> Bool {
        try writer.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM accounts LIMIT 1") ?? false }
    }

    public func hasAnyAccount() async throws -> Bool {
        try await writer.read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM accounts LIMIT 1") ?? false }
    }

    public func allAccounts() async throws -> [AccountRecord] {
        try await writer.read { db in try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY name").map(Self.accountRecord) }
    }

    /// v3: the accounts table, and the municipality on audit rows (who saw which town's data).
    static func migrateToV3(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE accounts (
                name TEXT PRIMARY KEY,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('viewer', 'staff', 'approver', 'admin')),
                municipalities TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL
            );
            CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts
            BEGIN SELECT RAISE(ABORT, 'accounts are disabled, never deleted'); END;
            DROP TRIGGER audit_no_update;
            ALTER TABLE audit ADD COLUMN municipality TEXT;
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
            """)
    }
}
