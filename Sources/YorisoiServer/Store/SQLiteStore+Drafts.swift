import Foundation
import GRDB
import Yorisoi

extension SQLiteStore: DraftStore {
    /// v4: one draft per account and key (the case id, or `DraftKey.newPlan`).
    static func migrateToV4(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE drafts (
                account TEXT NOT NULL,
                key TEXT NOT NULL,
                municipality TEXT NOT NULL,
                kind TEXT NOT NULL,
                base_version INTEGER,
                body BLOB NOT NULL,
                saved_at TEXT NOT NULL,
                PRIMARY KEY (account, key)
            )
            """)
    }

    /// nil for a row whose kind this build does not know (written by a newer one): it stays in
    /// the table, untouched, and is not offered.
    static func draft(_ row: Row, withBody: Bool) -> Draft? {
        guard let kind = DocumentKind(rawValue: row["kind"]) else { return nil }
        return Draft(key: row["key"], account: row["account"], municipality: row["municipality"], kind: kind,
                     baseVersion: row["base_version"], body: withBody ? [UInt8](row["body"] as Data) : [], savedAt: row["saved_at"])
    }

    public func saveDraft(_ draft: Draft) async throws -> Draft {
        var saved = draft
        saved.savedAt = Self.timestamp()
        try await writer.write { [saved] db in
            try db.execute(sql: """
                INSERT INTO drafts (account, key, municipality, kind, base_version, body, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (account, key) DO UPDATE SET municipality = excluded.municipality, kind = excluded.kind,
                  base_version = excluded.base_version, body = excluded.body, saved_at = excluded.saved_at
                """, arguments: [saved.account, saved.key, saved.municipality, saved.kind.rawValue, saved.baseVersion,
                                 Data(saved.body), saved.savedAt])
        }
        return saved
    }

    public func draft(account: String, key: String) async throws -> Draft? {
        try await writer.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM drafts WHERE account = ? AND key = ?", arguments: [account, key])
                .flatMap { Self.draft($0, withBody: true) }
        }
    }

    public func drafts(account: String) async throws -> [Draft] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT account, key, municipality, kind, base_version, saved_at, x'' AS body FROM drafts
                WHERE account = ? ORDER BY saved_at DESC
                """, arguments: [account]).compactMap { Self.draft($0, withBody: false) }
        }
    }

    public func deleteDraft(account: String, key: String) async throws -> Bool {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM drafts WHERE account = ? AND key = ?", arguments: [account, key])
            return db.changesCount > 0
        }
    }
}
