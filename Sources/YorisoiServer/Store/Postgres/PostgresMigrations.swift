import Logging
import PostgresNIO

/// The PostgreSQL schema, by numbered migrations recorded in `schema_migrations`. Instances that
/// start together take a transaction-level advisory lock first, so exactly one of them applies a
/// migration and the others find it done.
enum PostgresMigrations {
    struct Migration {
        var version: Int
        var name: String
        var statements: [String]
    }

    /// Taken by the migrating transaction (an arbitrary constant: "yorisoi" in ASCII, truncated).
    static let lockKey: Int64 = 0x796F7269736F69

    static func migrate(_ store: PostgresStore) async throws {
        let logger = store.logger
        try await store.transaction(scope: .all) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            let done = Set(try await connection.rows("SELECT version FROM schema_migrations", logger).map { try $0.get("version", as: Int.self) })
            for migration in all where !done.contains(migration.version) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
                                           logger: logger)
            }
        }
    }

    /// Tables every row of which belongs to one municipality, under row-level security.
    static let tenantTables = ["tenants", "ledger", "approvals", "case_versions", "drafts", "audit"]

    static let all: [Migration] = [
        Migration(version: 1, name: "ledger, 決裁, saved cases, drafts, accounts, sessions, audit chains, row-level security",
                  statements: v1 + tenantTables.flatMap(rowLevelSecurity)),
    ]

    /// `*` sees every municipality (the server's own work, an unscoped account); otherwise only
    /// the codes listed. Unset (a connection that never said) or empty sees nothing, and a row of
    /// no municipality only `*`.
    static let visibleFunction = """
        CREATE OR REPLACE FUNCTION yorisoi_visible(m TEXT) RETURNS BOOLEAN LANGUAGE sql STABLE AS $$
          SELECT coalesce(current_setting('yorisoi.municipalities', true), '') = '*'
              OR (m IS NOT NULL AND m <> ''
                  AND m = ANY (string_to_array(nullif(current_setting('yorisoi.municipalities', true), ''), ',')))
        $$
        """

    static func rowLevelSecurity(_ table: String) -> [String] {
        let column = table == "tenants" ? "nullif(municipality, '')" : "municipality"
        return [
            "ALTER TABLE \(table) ENABLE ROW LEVEL SECURITY",
            // FORCE: the policies bind the tables' owner too (the application role owns them).
            "ALTER TABLE \(table) FORCE ROW LEVEL SECURITY",
            "CREATE POLICY \(table)_municipality ON \(table) USING (yorisoi_visible(\(column))) WITH CHECK (yorisoi_visible(\(column)))",
        ]
    }

    static let v1: [String] = [
        visibleFunction,
        """
        CREATE FUNCTION yorisoi_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$
        """,
        // One row per municipality ('' for rows of none): the lock that orders numbering and the
        // audit chain, and the chain's last hash.
        """
        CREATE TABLE tenants (
            municipality TEXT PRIMARY KEY,
            audit_head TEXT NOT NULL DEFAULT '',
            audit_rows BIGINT NOT NULL DEFAULT 0
        )
        """,
        """
        CREATE TABLE ledger (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            number TEXT NOT NULL,
            municipality TEXT NOT NULL,
            fiscal_year INTEGER NOT NULL,
            series TEXT NOT NULL,
            sequence INTEGER,
            kind TEXT NOT NULL CHECK (kind IN ('recommendation', 'measure')),
            case_id TEXT NOT NULL,
            date TEXT NOT NULL,
            child_key TEXT NOT NULL DEFAULT '',
            pdf BYTEA NOT NULL,
            sha256 TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'issued' CHECK (status IN ('issued', 'voided')),
            pre_ledger BOOLEAN NOT NULL DEFAULT false,
            cites_id BIGINT REFERENCES ledger (id),
            cites_number TEXT,
            cites_pre_ledger BOOLEAN NOT NULL DEFAULT false,
            approval_id BIGINT,
            void_reason TEXT,
            voided_at TEXT,
            voided_by TEXT,
            issued_at TEXT NOT NULL,
            account TEXT NOT NULL,
            UNIQUE (municipality, series, fiscal_year, sequence),
            UNIQUE (municipality, fiscal_year, number)
        )
        """,
        "CREATE INDEX ledger_case ON ledger (case_id, kind)",
        "CREATE INDEX ledger_cites ON ledger (cites_id)",
        """
        CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger FOR EACH ROW
        EXECUTE FUNCTION yorisoi_refuse('ledger rows are never deleted')
        """,
        """
        CREATE TRIGGER ledger_no_truncate BEFORE TRUNCATE ON ledger FOR EACH STATEMENT
        EXECUTE FUNCTION yorisoi_refuse('ledger rows are never deleted')
        """,
        """
        CREATE TRIGGER ledger_only_void BEFORE UPDATE ON ledger FOR EACH ROW
        WHEN (OLD.status = 'voided' OR NEW.status <> 'voided' OR NEW.void_reason IS NULL OR NEW.voided_by IS NULL
              OR ROW(NEW.number, NEW.municipality, NEW.fiscal_year, NEW.series, NEW.sequence, NEW.kind, NEW.case_id,
                     NEW.date, NEW.child_key, NEW.pdf, NEW.sha256, NEW.pre_ledger, NEW.cites_id, NEW.cites_number,
                     NEW.cites_pre_ledger, NEW.approval_id, NEW.issued_at, NEW.account)
                 IS DISTINCT FROM
                 ROW(OLD.number, OLD.municipality, OLD.fiscal_year, OLD.series, OLD.sequence, OLD.kind, OLD.case_id,
                     OLD.date, OLD.child_key, OLD.pdf, OLD.sha256, OLD.pre_ledger, OLD.cites_id, OLD.cites_number,
                     OLD.cites_pre_ledger, OLD.approval_id, OLD.issued_at, OLD.account))
        EXECUTE FUNCTION yorisoi_refuse('a ledger row can only be voided, once')
        """,
        """
        CREATE TABLE approvals (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            municipality TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('recommendation', 'measure')),
            case_id TEXT NOT NULL,
            case_version INTEGER,
            body BYTEA NOT NULL,
            format TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'used')),
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            decided_by TEXT,
            decided_at TEXT,
            note TEXT,
            ledger_id BIGINT REFERENCES ledger (id),
            used_at TEXT
        )
        """,
        "CREATE INDEX approvals_status ON approvals (status, municipality)",
        """
        CREATE TRIGGER approvals_no_delete BEFORE DELETE ON approvals FOR EACH ROW
        EXECUTE FUNCTION yorisoi_refuse('approvals are never deleted')
        """,
        """
        CREATE TRIGGER approvals_only_forward BEFORE UPDATE ON approvals FOR EACH ROW
        WHEN (NOT ((OLD.status = 'pending' AND NEW.status IN ('approved', 'rejected') AND NEW.decided_by IS NOT NULL
                    AND NEW.ledger_id IS NULL)
                OR (OLD.status = 'approved' AND NEW.status = 'used' AND NEW.ledger_id IS NOT NULL
                    AND NEW.decided_by IS NOT DISTINCT FROM OLD.decided_by))
              OR ROW(NEW.municipality, NEW.kind, NEW.case_id, NEW.case_version, NEW.body, NEW.format, NEW.sha256,
                     NEW.requested_by, NEW.requested_at)
                 IS DISTINCT FROM
                 ROW(OLD.municipality, OLD.kind, OLD.case_id, OLD.case_version, OLD.body, OLD.format, OLD.sha256,
                     OLD.requested_by, OLD.requested_at))
        EXECUTE FUNCTION yorisoi_refuse('an approval is decided once and used once')
        """,
        """
        CREATE TABLE case_versions (
            case_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            municipality TEXT,
            category TEXT,
            review TEXT,
            body BYTEA NOT NULL,
            format TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            account TEXT NOT NULL,
            PRIMARY KEY (case_id, version)
        )
        """,
        """
        CREATE TRIGGER case_versions_no_update BEFORE UPDATE ON case_versions FOR EACH ROW
        EXECUTE FUNCTION yorisoi_refuse('saved case versions are never changed')
        """,
        """
        CREATE TRIGGER case_versions_no_delete BEFORE DELETE ON case_versions FOR EACH ROW
        EXECUTE FUNCTION yorisoi_refuse('saved case versions are never deleted')
        """,
        """
        CREATE TABLE drafts (
            account TEXT NOT NULL,
            key TEXT NOT NULL,
            municipality TEXT NOT NULL,
            kind TEXT NOT NULL,
            base_version INTEGER,
            body BYTEA NOT NULL,
            saved_at TEXT NOT NULL,
            PRIMARY KEY (account, key)
        )
        """,
        // Each row chained to the one before it in its municipality's chain (`chain`: the
        // municipality, '' for rows of none).
        """
        CREATE TABLE audit (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            chain TEXT NOT NULL,
            at TEXT NOT NULL,
            account TEXT NOT NULL,
            action TEXT NOT NULL,
            case_id TEXT,
            municipality TEXT,
            ledger_id BIGINT,
            approval_id BIGINT,
            detail TEXT,
            previous_hash TEXT NOT NULL,
            hash TEXT NOT NULL,
            CHECK (chain = coalesce(municipality, ''))
        )
        """,
        "CREATE INDEX audit_chain ON audit (chain, id)",
        "CREATE INDEX audit_ledger ON audit (ledger_id)",
        "CREATE INDEX audit_approval ON audit (approval_id)",
        "CREATE INDEX audit_at ON audit (at)",
        """
        CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON audit FOR EACH ROW
        EXECUTE FUNCTION yorisoi_refuse('audit rows are append-only')
        """,
        """
        CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT
        EXECUTE FUNCTION yorisoi_refuse('audit rows are append-only')
        """,
        // Identity, not tenant data: looked up before anyone's municipalities are known.
        """
        CREATE TABLE accounts (
            name TEXT PRIMARY KEY,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('viewer', 'staff', 'approver', 'admin')),
            municipalities TEXT NOT NULL,
            disabled BOOLEAN NOT NULL DEFAULT false,
            created_at TEXT NOT NULL
        )
        """,
        """
        CREATE TRIGGER accounts_no_delete BEFORE DELETE ON accounts FOR EACH ROW
        EXECUTE FUNCTION yorisoi_refuse('accounts are disabled, never deleted')
        """,
        // Sessions shared by every instance. The key is the SHA-256 of the session id, so a
        // reader of the database cannot sign in with what it reads.
        """
        CREATE TABLE sessions (
            id_hash TEXT PRIMARY KEY,
            account TEXT NOT NULL,
            csrf_token TEXT NOT NULL,
            created_at DOUBLE PRECISION NOT NULL,
            last_seen DOUBLE PRECISION NOT NULL
        )
        """,
    ]
}
