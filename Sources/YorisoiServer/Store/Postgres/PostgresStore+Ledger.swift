import Foundation
import NIOCore
import PostgresNIO

extension PostgresStore: LedgerStore {
    static let entrySelect = """
        SELECT l.id, l.number, l.municipality, l.fiscal_year, l.series, l.sequence, l.kind, l.case_id, l.date, l.sha256,
               l.status, l.pre_ledger, l.cites_id, l.cites_number, l.cites_pre_ledger, l.approval_id,
               p.decided_by AS approved_by, l.void_reason, l.voided_at, l.voided_by, l.issued_at, l.account, l.child_key
        FROM ledger l LEFT JOIN approvals p ON p.id = l.approval_id
        """

    static func entry(_ row: PostgresRandomAccessRow) throws -> LedgerEntry {
        LedgerEntry(id: try row.get("id"), number: try row.get("number"), municipality: try row.get("municipality"),
                    fiscalYear: try row.get("fiscal_year"), series: try row.get("series"), sequence: try row.get("sequence"),
                    kind: NoticeKind(rawValue: try row.get("kind")) ?? .recommendation, caseID: try row.get("case_id"),
                    date: try row.get("date"), sha256: try row.get("sha256"),
                    status: LedgerStatus(rawValue: try row.get("status")) ?? .issued, preLedger: try row.get("pre_ledger"),
                    citesID: try row.get("cites_id"), citesNumber: try row.get("cites_number"),
                    citesPreLedger: try row.get("cites_pre_ledger"), approvalID: try row.get("approval_id"),
                    approvedBy: try row.get("approved_by"), voidReason: try row.get("void_reason"),
                    voidedAt: try row.get("voided_at"), voidedBy: try row.get("voided_by"),
                    issuedAt: try row.get("issued_at"), account: try row.get("account"))
    }

    func fetchEntry(_ connection: PostgresConnection, id: Int64) async throws -> LedgerEntry? {
        try await connection.row(PostgresQuery(unsafeSQL: Self.entrySelect + " WHERE l.id = $1", binds: Self.binds(id)), logger)
            .map(Self.entry)
    }

    static func binds(_ values: any PostgresThrowingDynamicTypeEncodable...) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values { try? bindings.append(value) }
        return bindings
    }

    /// Locks the municipality's row (made on first use): numbering and the audit chain of one
    /// municipality go one transaction at a time, across every instance. Every writing
    /// transaction takes this lock first, so no two wait on each other in opposite order.
    func lockTenant(_ connection: PostgresConnection, _ municipality: String) async throws {
        try await connection.query("INSERT INTO tenants (municipality) VALUES (\(municipality)) ON CONFLICT DO NOTHING", logger: logger)
        try await connection.query("SELECT 1 FROM tenants WHERE municipality = \(municipality) FOR UPDATE", logger: logger)
    }

    public func issue(_ request: IssueRequest, render: @escaping @Sendable (Allocation) throws -> [UInt8]) async throws -> IssueOutcome {
        try await transaction { connection in
            try await self.lockTenant(connection, request.municipality)
            // 1. A number the case carries: the ledger's own for this case and kind is a reprint;
            //    anything else must be a marked pre-ledger number outside the ledger's series.
            var typedNumber: String?
            if let typed = request.typedNumber {
                let rows = try await connection.rows(PostgresQuery(
                    unsafeSQL: Self.entrySelect + " WHERE l.municipality = $1 AND l.fiscal_year = $2 AND l.number = $3",
                    binds: Self.binds(request.municipality, request.fiscalYear, typed.number)), self.logger).map(Self.entry)
                if let own = rows.first(where: { $0.caseID == request.caseID && $0.kind == request.kind }) {
                    guard own.status == .issued else { throw LedgerRefusal.numberVoided(typed.number) }
                    try await self.insertAudit(connection, AuditRecord(
                        account: request.account, action: "notice.reprint.\(request.kind.rawValue)", caseID: request.caseID,
                        ledgerID: own.id, detail: own.number, municipality: request.municipality))
                    return IssueOutcome(entry: own, isReprint: true)
                }
                if !rows.isEmpty { throw LedgerRefusal.numberTaken(typed.number) }
                guard typed.preLedger else { throw LedgerRefusal.numberNotInLedger(typed.number) }
                if SQLiteStore.isInSeries(typed.number, series: request.series) { throw LedgerRefusal.numberInSequence(typed.number) }
                typedNumber = typed.number
            }

            // 2. The 勧奨 a 措置 cites.
            var cited: CitedRecommendation?
            if let citation = request.citation { cited = try await self.resolveCitation(citation, for: request, connection) }

            // 3. The 決裁: approved, unused, for exactly this draft.
            var approvalID: Int64?
            if let id = try LedgerRefusal.approvalNamed(by: request) {
                approvalID = try LedgerRefusal.check(try await self.fetchApproval(connection, id: id, forUpdate: true), for: request)
            }

            // 4. The number: the municipality's lock is held, so MAX+1 has no gap and no twin
            //    whichever instance asks.
            let number: String
            let sequence: Int?
            if let typedNumber {
                number = typedNumber
                sequence = nil
            } else {
                var sql = "SELECT coalesce(MAX(sequence), 0) AS last FROM ledger WHERE municipality = $1 AND series = $2"
                var bindings = Self.binds(request.municipality, request.series)
                if request.sequenceScope == .fiscalYear {
                    sql += " AND fiscal_year = $3"
                    bindings.append(request.fiscalYear)
                }
                let last = try await connection.row(PostgresQuery(unsafeSQL: sql, binds: bindings), self.logger)?.get("last", as: Int.self) ?? 0
                sequence = last + 1
                number = "\(request.series)第\(last + 1)号"
                if try await connection.row("""
                    SELECT 1 AS taken FROM ledger WHERE municipality = \(request.municipality)
                      AND fiscal_year = \(request.fiscalYear) AND number = \(number)
                    """, self.logger) != nil {
                    throw LedgerRefusal.numberTaken(number)
                }
            }

            let pdf = try render(Allocation(number: number, sequence: sequence, recommendation: cited))
            let citesPreLedger = cited != nil && cited?.ledgerID == nil
            let inserted = try await connection.row("""
                INSERT INTO ledger (number, municipality, fiscal_year, series, sequence, kind, case_id, date, child_key, pdf,
                                    sha256, pre_ledger, cites_id, cites_number, cites_pre_ledger, approval_id, issued_at, account)
                VALUES (\(number), \(request.municipality), \(request.fiscalYear), \(request.series), \(sequence),
                        \(request.kind.rawValue), \(request.caseID), \(request.date), \(request.childKey), \(ByteBuffer(bytes: pdf)),
                        \(Self.sha256Hex(pdf)), \(typedNumber != nil), \(cited?.ledgerID), \(cited?.number), \(citesPreLedger),
                        \(approvalID), \(Self.timestamp()), \(request.account))
                RETURNING id
                """, self.logger)
            guard let id = try inserted?.get("id", as: Int64.self) else { throw StoreError.notFound }
            if let approvalID {
                try await connection.query("""
                    UPDATE approvals SET status = 'used', ledger_id = \(id), used_at = \(Self.timestamp()) WHERE id = \(approvalID)
                    """, logger: self.logger)
            }
            try await self.insertAudit(connection, AuditRecord(
                account: request.account, action: "notice.issue.\(request.kind.rawValue)", caseID: request.caseID,
                ledgerID: id, approvalID: approvalID, detail: number, municipality: request.municipality))
            guard let entry = try await self.fetchEntry(connection, id: id) else { throw StoreError.notFound }
            return IssueOutcome(entry: entry, isReprint: false)
        }
    }

    func resolveCitation(_ citation: IssueRequest.Citation, for request: IssueRequest,
                         _ connection: PostgresConnection) async throws -> CitedRecommendation {
        let found: LedgerEntry
        var childKey = ""
        switch citation {
        case .latestOfCase:
            guard let row = try await connection.row(PostgresQuery(unsafeSQL: Self.entrySelect + """
                 WHERE l.municipality = $1 AND l.case_id = $2 AND l.kind = 'recommendation' AND l.status = 'issued'
                 ORDER BY l.date DESC, l.id DESC LIMIT 1
                """, binds: Self.binds(request.municipality, request.caseID)), logger) else {
                throw LedgerRefusal.noRecommendation
            }
            found = try Self.entry(row)
            childKey = try row.get("child_key")
        case .number(let number, let preLedger, let date):
            let rows = try await connection.rows(PostgresQuery(
                unsafeSQL: Self.entrySelect + " WHERE l.municipality = $1 AND l.number = $2 ORDER BY l.id DESC",
                binds: Self.binds(request.municipality, number)), logger)
            if rows.isEmpty {
                guard preLedger else { throw LedgerRefusal.citesUnknown(number) }
                // The ledger keeps dates as yyyy-mm-dd text; the case's date is written the same way.
                let date = date?.description
                if let date, date >= request.date { throw LedgerRefusal.citesLater(number) }
                return CitedRecommendation(number: number, date: date ?? "", ledgerID: nil)
            }
            guard let own = try rows.first(where: { try $0.get("case_id", as: String.self) == request.caseID }) else {
                throw LedgerRefusal.citesOtherCase(number)
            }
            found = try Self.entry(own)
            childKey = try own.get("child_key")
        }
        guard found.kind == .recommendation else { throw LedgerRefusal.citesNotRecommendation(found.number) }
        guard found.status == .issued else { throw LedgerRefusal.citesVoided(found.number) }
        guard childKey == request.childKey else { throw LedgerRefusal.citesOtherChild(found.number) }
        guard found.date < request.date else { throw LedgerRefusal.citesLater(found.number) }
        return CitedRecommendation(number: found.number, date: found.date, ledgerID: found.id)
    }

    public func entries(_ filter: LedgerFilter) async throws -> [LedgerEntry] {
        try await transaction { connection in
            var sql = Self.entrySelect + " WHERE true"
            var bindings = PostgresBindings()
            func add(_ clause: String, _ value: some PostgresThrowingDynamicTypeEncodable) throws {
                try bindings.append(value)
                sql += " AND \(clause) = $\(bindings.count)"
            }
            if let municipality = filter.municipality { try add("l.municipality", municipality) }
            if let fiscalYear = filter.fiscalYear { try add("l.fiscal_year", fiscalYear) }
            if let kind = filter.kind { try add("l.kind", kind.rawValue) }
            if let status = filter.status { try add("l.status", status.rawValue) }
            if let caseID = filter.caseID { try add("l.case_id", caseID) }
            return try await connection.rows(PostgresQuery(unsafeSQL: sql + " ORDER BY l.id", binds: bindings), self.logger).map(Self.entry)
        }
    }

    public func entry(id: Int64) async throws -> LedgerEntry? {
        try await transaction { connection in try await self.fetchEntry(connection, id: id) }
    }

    public func pdf(id: Int64) async throws -> [UInt8]? {
        try await transaction { connection in
            try await connection.row("SELECT pdf FROM ledger WHERE id = \(id)", self.logger).map { try $0.bytes("pdf") }
        }
    }

    public func void(id: Int64, reason: String, account: String, withCitingMeasures: Bool) async throws -> [LedgerEntry] {
        try await transaction { connection in
            guard let seen = try await self.fetchEntry(connection, id: id) else { throw LedgerRefusal.notFound }
            try await self.lockTenant(connection, seen.municipality)
            // Read again under the lock: another instance may have voided it meanwhile.
            guard let target = try await self.fetchEntry(connection, id: id) else { throw LedgerRefusal.notFound }
            guard target.status == .issued else { throw LedgerRefusal.alreadyVoided }
            let citing = try await connection.rows(PostgresQuery(
                unsafeSQL: Self.entrySelect + " WHERE l.cites_id = $1 AND l.status = 'issued' ORDER BY l.id",
                binds: Self.binds(id)), self.logger).map(Self.entry)
            if !citing.isEmpty && !withCitingMeasures {
                throw LedgerRefusal.recommendationCited(citing.map(\.number))
            }
            let now = Self.timestamp()
            var voided: [LedgerEntry] = []
            for row in [target] + citing {
                try await connection.query("""
                    UPDATE ledger SET status = 'voided', void_reason = \(reason), voided_at = \(now), voided_by = \(account)
                    WHERE id = \(row.id)
                    """, logger: self.logger)
                try await self.insertAudit(connection, AuditRecord(account: account, action: "ledger.void", caseID: row.caseID,
                                                                   ledgerID: row.id, detail: reason, municipality: row.municipality))
                if let entry = try await self.fetchEntry(connection, id: row.id) { voided.append(entry) }
            }
            return voided
        }
    }
}
