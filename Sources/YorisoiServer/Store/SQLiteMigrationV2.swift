import Foundation
import GRDB

extension SQLiteStore {
    /// v2 (issue #21):
    /// - A 文書番号 is unique per municipality and 年度 (it was unique per municipality, so the
    ///   second 年度's 第1号 failed); the sequence is unique per municipality, series and 年度.
    /// - Rows record their series, whether the number was typed (台帳外), the 勧奨 a 措置 cites,
    ///   the 決裁 it was issued from, and a digest of the child (name and birthdate).
    /// - `approvals` holds 決裁: the draft, who asked, who decided, the notice it became.
    /// - Audit rows link to the ledger row or approval they record, with a detail (a number, a
    ///   取消 reason), so `audit verify` can check that every ledger row has its row.
    /// Rows of v1 get an audit row `ledger.adopted` each: the chain says when they were taken
    /// over, rather than pretending they were issued now.
    static func migrateToV2(_ db: Database) throws {
        try db.execute(sql: """
            DROP TRIGGER ledger_no_delete;
            DROP TRIGGER ledger_only_void;
            ALTER TABLE ledger RENAME TO ledger_v1;
            CREATE TABLE ledger (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                number TEXT NOT NULL,
                municipality TEXT NOT NULL,
                fiscal_year INTEGER NOT NULL,
                series TEXT NOT NULL,
                sequence INTEGER,
                kind TEXT NOT NULL CHECK (kind IN ('recommendation', 'measure')),
                case_id TEXT NOT NULL,
                date TEXT NOT NULL,
                child_key TEXT NOT NULL DEFAULT '',
                pdf BLOB NOT NULL,
                sha256 TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'voided')),
                pre_ledger INTEGER NOT NULL DEFAULT 0,
                cites_id INTEGER REFERENCES ledger (id),
                cites_number TEXT,
                cites_pre_ledger INTEGER NOT NULL DEFAULT 0,
                approval_id INTEGER,
                void_reason TEXT,
                voided_at TEXT,
                voided_by TEXT,
                issued_at TEXT NOT NULL,
                account TEXT NOT NULL,
                UNIQUE (municipality, series, fiscal_year, sequence),
                UNIQUE (municipality, fiscal_year, number)
            );
            INSERT INTO ledger (id, number, municipality, fiscal_year, series, sequence, kind, case_id, date, pdf, sha256,
                                status, pre_ledger, void_reason, voided_at, voided_by, issued_at, account)
            SELECT id, number, municipality, fiscal_year,
                   CASE WHEN instr(number, '第') > 0 THEN substr(number, 1, instr(number, '第') - 1) ELSE '' END,
                   sequence, kind, case_id, date, pdf, sha256, status, sequence IS NULL, void_reason, voided_at,
                   voided_by, issued_at, account
            FROM ledger_v1;
            DROP TABLE ledger_v1;
            CREATE INDEX ledger_case ON ledger (case_id, kind);
            CREATE INDEX ledger_cites ON ledger (cites_id);
            CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
            BEGIN SELECT RAISE(ABORT, 'ledger rows are never deleted'); END;
            CREATE TRIGGER ledger_only_void BEFORE UPDATE ON ledger
            WHEN OLD.status = 'voided' OR NEW.status <> 'voided' OR NEW.void_reason IS NULL OR NEW.voided_by IS NULL
              OR NEW.number IS NOT OLD.number OR NEW.municipality IS NOT OLD.municipality
              OR NEW.fiscal_year IS NOT OLD.fiscal_year OR NEW.series IS NOT OLD.series
              OR NEW.sequence IS NOT OLD.sequence OR NEW.kind IS NOT OLD.kind OR NEW.case_id IS NOT OLD.case_id
              OR NEW.date IS NOT OLD.date OR NEW.child_key IS NOT OLD.child_key OR NEW.pdf IS NOT OLD.pdf
              OR NEW.sha256 IS NOT OLD.sha256 OR NEW.pre_ledger IS NOT OLD.pre_ledger
              OR NEW.cites_id IS NOT OLD.cites_id OR NEW.cites_number IS NOT OLD.cites_number
              OR NEW.cites_pre_ledger IS NOT OLD.cites_pre_ledger OR NEW.approval_id IS NOT OLD.approval_id
              OR NEW.issued_at IS NOT OLD.issued_at OR NEW.account IS NOT OLD.account
            BEGIN SELECT RAISE(ABORT, 'a ledger row can only be voided, once'); END;

            CREATE TABLE approvals (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                municipality TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('recommendation', 'measure')),
                case_id TEXT NOT NULL,
                case_version INTEGER,
                body BLOB NOT NULL,
                format TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'used')),
                requested_by TEXT NOT NULL,
                requested_at TEXT NOT NULL,
                decided_by TEXT,
                decided_at TEXT,
                note TEXT,
                ledger_id INTEGER REFERENCES ledger (id),
                used_at TEXT
            );
            CREATE INDEX approvals_status ON approvals (status, municipality);
            CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals
            BEGIN SELECT RAISE(ABORT, 'approvals are never deleted'); END;
            CREATE TRIGGER approvals_only_forward BEFORE UPDATE ON approvals
            WHEN NOT ((OLD.status = 'pending' AND NEW.status IN ('approved', 'rejected') AND NEW.decided_by IS NOT NULL
                       AND NEW.ledger_id IS NULL)
                   OR (OLD.status = 'approved' AND NEW.status = 'used' AND NEW.ledger_id IS NOT NULL
                       AND NEW.decided_by IS OLD.decided_by))
              OR NEW.municipality IS NOT OLD.municipality OR NEW.kind IS NOT OLD.kind OR NEW.case_id IS NOT OLD.case_id
              OR NEW.case_version IS NOT OLD.case_version OR NEW.body IS NOT OLD.body OR NEW.format IS NOT OLD.format
              OR NEW.sha256 IS NOT OLD.sha256 OR NEW.requested_by IS NOT OLD.requested_by
              OR NEW.requested_at IS NOT OLD.requested_at
            BEGIN SELECT RAISE(ABORT, 'an approval is decided once and used once'); END;

            DROP TRIGGER audit_no_update;
            ALTER TABLE audit ADD COLUMN ledger_id INTEGER;
            ALTER TABLE audit ADD COLUMN approval_id INTEGER;
            ALTER TABLE audit ADD COLUMN detail TEXT;
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit rows are append-only'); END;
            CREATE INDEX audit_ledger ON audit (ledger_id);
            CREATE INDEX audit_approval ON audit (approval_id);
            """)
        for row in try Row.fetchAll(db, sql: "SELECT id, case_id FROM ledger ORDER BY id") {
            try insertAudit(db, AuditRecord(account: "system", action: "ledger.adopted", caseID: row["case_id"],
                                            ledgerID: row["id"]))
        }
    }
}
