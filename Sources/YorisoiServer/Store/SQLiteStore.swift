import Crypto
import Foundation
import GRDB

/// Ledger, 決裁, saved cases and audit log in one SQLite database (`DIR/yorisoi.sqlite`), WAL
/// mode, schema by versioned migrations. Rows are never deleted, and triggers refuse any UPDATE or
/// DELETE the routes do not need (the ledger's 取消 and a 決裁's decision and use are the updates
/// allowed). The ledger, 決裁 and audit parts live in the files beside this one.
public final class SQLiteStore: LedgerStore, ApprovalStore, CaseStore, AuditLog {
    public static let fileName = "yorisoi.sqlite"
    /// The file's pool in production; any writer (an in-memory `DatabaseQueue`) in tests.
    let writer: any DatabaseWriter
    /// The database file (":memory:" style paths for an in-memory writer).
    public let path: String
    let auditCommit: AuditGroupCommit

    /// Opens (creating when absent, 0600 inside a 0700 folder) and migrates the database.
    public convenience init(directory: URL) throws {
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: directory.path) {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true,
                                            attributes: [.posixPermissions: 0o700])
        }
        let path = directory.appendingPathComponent(Self.fileName).path
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
        try self.init(writer: DatabasePool(path: path, configuration: configuration))
    }

    /// The store on a writer the caller made — `DatabaseQueue()` for an in-memory database in
    /// tests — migrated to the current schema.
    public init(writer: any DatabaseWriter) throws {
        self.writer = writer
        path = writer.path
        auditCommit = AuditGroupCommit { entries in try await Self.writeAudit(entries, into: writer) }
        try Self.migrator.migrate(writer)
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
        migrator.registerMigration("v2: 年度-scoped numbers, citations, 決裁, audit links") { db in
            try Self.migrateToV2(db)
        }
        migrator.registerMigration("v3: accounts, municipality on audit rows") { db in
            try Self.migrateToV3(db)
        }
        migrator.registerMigration("v4: drafts of the page (per account and case)") { db in
            try Self.migrateToV4(db)
        }
        return migrator
    }

    static func timestamp(_ date: Date = Date()) -> String {
        StoreTimestamp.string(date)
    }

    static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String {
        // Not `String(format: "%02x")` per byte: every render's audit row hashes twice.
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(bytes)) {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `PRAGMA integrity_check` ("ok" when sound).
    public func integrityCheck() async throws -> String {
        try await writer.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }
}
