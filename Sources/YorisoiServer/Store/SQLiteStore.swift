import Crypto
import Foundation
import GRDB

/// Ledger, saved cases and audit log in one SQLite database (`DIR/yorisoi.sqlite`), WAL mode,
/// schema by versioned migrations. Rows are never deleted, and triggers refuse any UPDATE or
/// DELETE the routes do not need (the ledger's 取消 is the one update allowed).
public final class SQLiteStore: LedgerStore, CaseStore, AuditLog {
    public static let fileName = "yorisoi.sqlite"
    let pool: DatabasePool
    public let path: String
    private let auditCommit: AuditGroupCommit

    /// Opens (creating when absent, 0600 inside a 0700 folder) and migrates the database.
    public init(directory: URL) throws {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: directory.path) {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
        }
        path = directory.appendingPathComponent(Self.fileName).path
        // Create the file ourselves so its mode is 0600 from the first byte; SQLite gives the
        // -wal and -shm files the same mode as the database.
        if !fileManager.fileExists(atPath: path) {
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if fd >= 0 { close(fd) }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        self.pool = pool
        auditCommit = AuditGroupCommit { entries in try await Self.writeAudit(entries, into: pool) }
        try Self.migrator.migrate(pool)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: ledger, saved cases, audit log") { db in
            try db.execute(sql: """
                CREATE TABLE ledger (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    number TEXT NOT NULL,
                    municipality TEXT NOT NULL,
                    fiscal_year INTEGER NOT NULL,
                    sequence INTEGER,
                    kind TEXT NOT NULL,
                    case_id TEXT NOT NULL,
                    date TEXT NOT NULL,
                    pdf BLOB NOT NULL,
                    sha256 TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'voided')),
                    void_reason TEXT,
                    voided_at TEXT,
                    voided_by TEXT,
                    issued_at TEXT NOT NULL,
                    account TEXT NOT NULL,
                    UNIQUE (municipality, fiscal_year, sequence),
                    UNIQUE (municipality, number)
                );
                CREATE INDEX ledger_case ON ledger (case_id, kind);
                CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
                BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted'); END;
                CREATE TRIGGER ledger_only_void BEFORE UPDATE ON ledger
                WHEN OLD.status = 'voided' OR NEW.status <> 'voided' OR NEW.void_reason IS NULL
                  OR NEW.number IS NOT OLD.number OR NEW.municipality IS NOT OLD.municipality
                  OR NEW.fiscal_year IS NOT OLD.fiscal_year OR NEW.sequence IS NOT OLD.sequence
                  OR NEW.kind IS NOT OLD.kind OR NEW.case_id IS NOT OLD.case_id OR NEW.date IS NOT OLD.date
                  OR NEW.pdf IS NOT OLD.pdf OR NEW.sha256 IS NOT OLD.sha256
                  OR NEW.issued_at IS NOT OLD.issued_at OR NEW.account IS NOT OLD.account
                BEGIN SELECT RAISE(ABORT, 'a ledger row can only be voided, once'); END;

                CREATE TABLE case_versions (
                    case_id TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    municipality TEXT,
                    category TEXT,
                    review TEXT,
                    body BLOB NOT NULL,
                    format TEXT NOT NULL,
                    saved_at TEXT NOT NULL,
                    account TEXT NOT NULL,
                    PRIMARY KEY (case_id, version)
                );
                CREATE TRIGGER case_versions_no_update BEFORE UPDATE ON case_versions
                BEGIN SELECT RAISE(ABORT, 'saved case versions are never changed'); END;
                CREATE TRIGGER case_versions_no_delete BEFORE DELETE ON case_versions
                BEGIN SELECT RAISE(ABORT, 'saved case versions are never deleted'); END;

                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    account TEXT NOT NULL,
                    action TEXT NOT NULL,
                    case_id TEXT,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
                CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
                """)
        }
        return migrator
    }

    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { String(format: "%02x", $0) }.joined()
    }

    // MARK: - Ledger

    private static let entryColumns = """
        id, number, municipality, fiscal_year, sequence, kind, case_id, date, sha256, status,
        void_reason, voided_at, voided_by, issued_at, account
        """

    private static func entry(_ row: Row) -> LedgerEntry {
        LedgerEntry(id: row["id"], number: row["number"], municipality: row["municipality"],
                    fiscalYear: row["fiscal_year"], sequence: row["sequence"], kind: row["kind"],
                    caseID: row["case_id"], date: row["date"], sha256: row["sha256"], status: row["status"],
                    voidReason: row["void_reason"], voidedAt: row["voided_at"], voidedBy: row["voided_by"],
                    issuedAt: row["issued_at"], account: row["account"])
    }

    public func issue(_ request: IssueRequest, render: @escaping @Sendable (Allocation) throws -> [UInt8]) async throws -> LedgerEntry {
        try await pool.write { db in
            var cited: CitedRecommendation?
            if request.citeRecommendation,
               let row = try Row.fetchOne(db, sql: """
                    SELECT number, date FROM ledger
                    WHERE municipality = ? AND case_id = ? AND kind = 'recommendation' AND status = 'issued'
                    ORDER BY id DESC LIMIT 1
                    """, arguments: [request.municipality, request.caseID]) {
                cited = CitedRecommendation(number: row["number"], date: row["date"])
            }
            let number: String
            let sequence: Int?
            if let preset = request.presetNumber {
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM ledger WHERE municipality = ? AND number = ?",
                                     arguments: [request.municipality, preset]) == true {
                    throw StoreError.conflict("文書番号 \(preset) は発番簿にすでにあります")
                }
                number = preset
                sequence = nil
            } else {
                // The writer is serialised, so MAX+1 inside this transaction has no gap and no twin.
                let last = try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM ledger WHERE municipality = ? AND fiscal_year = ?",
                                            arguments: [request.municipality, request.fiscalYear]) ?? 0
                sequence = last + 1
                number = "\(request.prefix)第\(last + 1)号"
            }
            let pdf = try render(Allocation(number: number, sequence: sequence, recommendation: cited))
            try db.execute(sql: """
                INSERT INTO ledger (number, municipality, fiscal_year, sequence, kind, case_id, date, pdf, sha256, issued_at, account)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, request.municipality, request.fiscalYear, sequence, request.kind,
                                 request.caseID, request.date, Data(pdf), Self.sha256Hex(pdf), Self.timestamp(),
                                 request.account])
            let id = db.lastInsertedRowID
            let row = try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM ledger WHERE id = ?", arguments: [id])!
            return Self.entry(row)
        }
    }

    public func entries(municipality: String?, fiscalYear: Int?) async throws -> [LedgerEntry] {
        try await pool.read { db in
            var sql = "SELECT \(Self.entryColumns) FROM ledger WHERE 1 = 1"
            var arguments: StatementArguments = []
            if let municipality { sql += " AND municipality = ?"; arguments += [municipality] }
            if let fiscalYear { sql += " AND fiscal_year = ?"; arguments += [fiscalYear] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map(Self.entry)
        }
    }

    public func entry(id: Int64) async throws -> LedgerEntry? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM ledger WHERE id = ?", arguments: [id]).map(Self.entry)
        }
    }

    public func pdf(id: Int64) async throws -> [UInt8]? {
        try await pool.read { db in
            try Data.fetchOne(db, sql: "SELECT pdf FROM ledger WHERE id = ?", arguments: [id]).map { [UInt8]($0) }
        }
    }

    public func void(id: Int64, reason: String, account: String) async throws -> LedgerEntry {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM ledger WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound
            }
            guard Self.entry(row).status == "issued" else { throw StoreError.alreadyVoided }
            try db.execute(sql: "UPDATE ledger SET status = 'voided', void_reason = ?, voided_at = ?, voided_by = ? WHERE id = ?",
                           arguments: [reason, Self.timestamp(), account, id])
            return Self.entry(try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM ledger WHERE id = ?", arguments: [id])!)
        }
    }

    // MARK: - Saved cases

    public func list() async throws -> [SavedCaseSummary] {
        try await pool.read { db in
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
        try await pool.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM case_versions WHERE case_id = ?", arguments: [id]) == true {
                throw StoreError.conflict("ケースID \(id) はすでに保存されています")
            }
            try Self.insertVersion(db, id: id, version: 1, fields: fields, body: body, format: format, account: account)
            return 1
        }
    }

    public func update(id: String, fields: SavedCaseFields, body: [UInt8], format: String, account: String) async throws -> Int {
        try await pool.write { db in
            guard let last = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM case_versions WHERE case_id = ?", arguments: [id]) else {
                throw StoreError.notFound
            }
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
        SavedCaseVersion(id: row["case_id"], version: row["version"], body: [UInt8](row["body"] as Data),
                         format: row["format"], savedAt: row["saved_at"], account: row["account"])
    }

    public func version(id: String, version: Int?) async throws -> SavedCaseVersion? {
        try await pool.read { db in
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
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM case_versions WHERE case_id = ? ORDER BY version", arguments: [id])
                .map(Self.savedVersion)
        }
    }

    // MARK: - Audit

    static func auditHash(previous: String, at: String, account: String, action: String, caseID: String?) -> String {
        // Unit separators keep "ab"+"c" and "a"+"bc" apart.
        sha256Hex(Array([previous, at, account, action, caseID ?? ""].joined(separator: "\u{1F}").utf8))
    }

    /// Returns once the row is on disk; rows of concurrent requests share a transaction
    /// (`AuditGroupCommit`).
    public func append(account: String, action: String, caseID: String?) async throws {
        try await auditCommit.append(.init(account: account, action: action, caseID: caseID))
    }

    /// One transaction: each entry's row chained to the one before it.
    static func writeAudit(_ entries: [AuditGroupCommit.Entry], into pool: DatabasePool) async throws {
        try await pool.write { db in
            var previous = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1") ?? ""
            for entry in entries {
                let at = Self.timestamp()
                let hash = Self.auditHash(previous: previous, at: at, account: entry.account, action: entry.action,
                                          caseID: entry.caseID)
                try db.execute(sql: "INSERT INTO audit (at, account, action, case_id, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [at, entry.account, entry.action, entry.caseID, previous, hash])
                previous = hash
            }
        }
    }

    public func verify() async throws -> AuditVerification {
        try await pool.read { db in
            var previous = ""
            var count = 0
            for row in try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id") {
                count += 1
                let expected = Self.auditHash(previous: previous, at: row["at"], account: row["account"],
                                              action: row["action"], caseID: row["case_id"])
                let stored: String = row["hash"]
                let storedPrevious: String = row["previous_hash"]
                if stored != expected || storedPrevious != previous {
                    return AuditVerification(rows: count, firstBrokenRow: row["id"])
                }
                previous = stored
            }
            return AuditVerification(rows: count, firstBrokenRow: nil)
        }
    }

    /// `PRAGMA integrity_check` ("ok" when sound).
    public func integrityCheck() async throws -> String {
        try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
