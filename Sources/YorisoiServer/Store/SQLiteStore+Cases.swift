import Foundation
import GRDB

extension SQLiteStore {
    public func list() async throws -> [SavedCaseSummary] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT v.case_id, v.version, v.municipality, v.category, v.review, v.saved_at FROM case_versions v
                JOIN (SELECT case_id, MAX(version) AS version FROM case_versions GROUP BY case_id) latest
                  ON latest.case_id = v.case_id AND latest.version = v.version
                ORDER BY v.case_id
                """).map {
                SavedCaseSummary(id: $0["case_id"], municipality: $0["municipality"], category: $0["category"],
                                 review: $0["review"], version: $0["version"], updatedAt: $0["saved_at"])
            }
        }
    }

    public func create(id: String, fields: SavedCaseFields, body: [UInt8], format: String, account: String) async throws -> Int {
        try await writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM case_versions WHERE case_id = ?", arguments: [id]) == true {
                throw StoreError.conflict("ケースID \(id) はすでに保存されています")
            }
            try Self.insertVersion(db, id: id, version: 1, fields: fields, body: body, format: format, account: account)
            return 1
        }
    }

    public func update(id: String, fields: SavedCaseFields, body: [UInt8], format: String, account: String,
                       baseVersion: Int?) async throws -> Int {
        try await writer.write { db in
            guard let last = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM case_versions WHERE case_id = ?", arguments: [id]) else {
                throw StoreError.notFound
            }
            if let baseVersion, baseVersion != last { throw StoreError.staleVersion(latest: last) }
            try Self.insertVersion(db, id: id, version: last + 1, fields: fields, body: body, format: format, account: account)
            return last + 1
        }
    }

    private static func insertVersion(_ db: Database, id: String, version: Int, fields: SavedCaseFields, body: [UInt8],
                                      format: String, account: String) throws {
        try db.execute(sql: """
            INSERT INTO case_versions (case_id, version, municipality, category, review, body, format, saved_at, account)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, version, fields.municipality, fields.category, fields.review, Data(body), format,
                             timestamp(), account])
    }

    private static func savedVersion(_ row: Row) -> SavedCaseVersion {
        SavedCaseVersion(id: row["case_id"], version: row["version"], municipality: row["municipality"], body: [UInt8](row["body"] as Data),
                         format: row["format"], savedAt: row["saved_at"], account: row["account"])
    }

    public func version(id: String, version: Int?) async throws -> SavedCaseVersion? {
        try await writer.read { db in
            let row: Row?
            if let version {
                row = try Row.fetchOne(db, sql: "SELECT * FROM case_versions WHERE case_id = ? AND version = ?",
                                       arguments: [id, version])
            } else {
                row = try Row.fetchOne(db, sql: "SELECT * FROM case_versions WHERE case_id = ? ORDER BY version DESC LIMIT 1",
                                       arguments: [id])
            }
            return row.map(Self.savedVersion)
        }
    }

    public func versions(id: String) async throws -> [SavedCaseVersion] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM case_versions WHERE case_id = ? ORDER BY version", arguments: [id])
                .map(Self.savedVersion)
        }
    }
}
