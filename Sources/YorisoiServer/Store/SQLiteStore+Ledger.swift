import Foundation
import GRDB

extension SQLiteStore {
    static let entryColumns = """
        l.id, l.number, l.municipality, l.fiscal_year, l.series, l.sequence, l.kind, l.case_id, l.date, l.sha256,
        l.status, l.pre_ledger, l.cites_id, l.cites_number, l.cites_pre_ledger, l.approval_id, p.decided_by AS approved_by,
        l.void_reason, l.voided_at, l.voided_by, l.issued_at, l.account
        """
    static let entryFrom = "FROM ledger l LEFT JOIN approvals p ON p.id = l.approval_id"

    static func entry(_ row: Row) -> LedgerEntry {
        LedgerEntry(id: row["id"], number: row["number"], municipality: row["municipality"],
                    fiscalYear: row["fiscal_year"], series: row["series"], sequence: row["sequence"],
                    kind: NoticeKind(rawValue: row["kind"]) ?? .recommendation, caseID: row["case_id"], date: row["date"],
                    sha256: row["sha256"], status: LedgerStatus(rawValue: row["status"]) ?? .issued,
                    preLedger: row["pre_ledger"], citesID: row["cites_id"], citesNumber: row["cites_number"],
                    citesPreLedger: row["cites_pre_ledger"], approvalID: row["approval_id"], approvedBy: row["approved_by"],
                    voidReason: row["void_reason"], voidedAt: row["voided_at"], voidedBy: row["voided_by"],
                    issuedAt: row["issued_at"], account: row["account"])
    }

    static func fetchEntry(_ db: Database, id: Int64) throws -> LedgerEntry? {
        try Row.fetchOne(db, sql: "SELECT \(entryColumns) \(entryFrom) WHERE l.id = ?", arguments: [id]).map(entry)
    }

    /// 「袖こ家第12号」 with the series' own prefix: a number the sequence hands out (digits
    /// half- or full-width, as people type them).
    static func isInSeries(_ number: String, series: String) -> Bool {
        guard number.hasPrefix(series + "第"), number.hasSuffix("号") else { return false }
        let digits = number.dropFirst(series.count + 1).dropLast()
        return !digits.isEmpty && digits.allSatisfy { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
    }

    public func issue(_ request: IssueRequest, render: @escaping @Sendable (Allocation) throws -> [UInt8]) async throws -> IssueOutcome {
        try await writer.write { db in
            // 1. A number the case carries: the ledger's own for this case and kind is a reprint;
            //    anything else must be a marked pre-ledger number outside the ledger's series.
            var typedNumber: String?
            if let typed = request.typedNumber {
                let rows = try Row.fetchAll(db, sql: "SELECT \(Self.entryColumns) \(Self.entryFrom) WHERE l.municipality = ? AND l.fiscal_year = ? AND l.number = ?",
                                            arguments: [request.municipality, request.fiscalYear, typed.number]).map(Self.entry)
                if let own = rows.first(where: { $0.caseID == request.caseID && $0.kind == request.kind }) {
                    guard own.status == .issued else { throw LedgerRefusal.numberVoided(typed.number) }
                    try Self.insertAudit(db, AuditRecord(account: request.account, action: "notice.reprint.\(request.kind.rawValue)",
                                                         caseID: request.caseID, ledgerID: own.id, detail: own.number))
                    return IssueOutcome(entry: own, isReprint: true)
                }
                if !rows.isEmpty { throw LedgerRefusal.numberTaken(typed.number) }
                guard typed.preLedger else { throw LedgerRefusal.numberNotInLedger(typed.number) }
                if Self.isInSeries(typed.number, series: request.series) { throw LedgerRefusal.numberInSequence(typed.number) }
                typedNumber = typed.number
            }

            // 2. The 勧奨 a 措置 cites (before the 決裁: a 措置 with nothing to cite is refused for
            //    that, not sent to be approved).
            let cited = try request.citation.map { try Self.resolveCitation($0, for: request, db) }

            // 3. The 決裁, when one is needed or named: approved, unused, for exactly this draft.
            let approvalID = try LedgerRefusal.approvalNamed(by: request).map { id in
                try LedgerRefusal.check(try Self.fetchApproval(db, id: id), for: request)
            }

            // 4. The number: the writer is serialised, so MAX+1 inside this transaction has no
            //    gap and no twin.
            let number: String
            let sequence: Int?
            if let typedNumber {
                number = typedNumber
                sequence = nil
            } else {
                var sql = "SELECT MAX(sequence) FROM ledger WHERE municipality = ? AND series = ?"
                var arguments: StatementArguments = [request.municipality, request.series]
                if request.sequenceScope == .fiscalYear {
                    sql += " AND fiscal_year = ?"
                    arguments += [request.fiscalYear]
                }
                let next = (try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0) + 1
                sequence = next
                number = "\(request.series)第\(next)号"
                // A 台帳外 number typed earlier can never equal a series number (refused above),
                // so this only fires on a store bug; say so rather than answer 500 later.
                if try Bool.fetchOne(db, sql: "SELECT 1 FROM ledger WHERE municipality = ? AND fiscal_year = ? AND number = ?",
                                     arguments: [request.municipality, request.fiscalYear, number]) == true {
                    throw LedgerRefusal.numberTaken(number)
                }
            }

            let pdf = try render(Allocation(number: number, sequence: sequence, recommendation: cited))
            try db.execute(sql: """
                INSERT INTO ledger (number, municipality, fiscal_year, series, sequence, kind, case_id, date, child_key, pdf,
                                    sha256, pre_ledger, cites_id, cites_number, cites_pre_ledger, approval_id, issued_at, account)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, request.municipality, request.fiscalYear, request.series, sequence,
                                 request.kind.rawValue, request.caseID, request.date, request.childKey, Data(pdf),
                                 Self.sha256Hex(pdf), typedNumber != nil, cited?.ledgerID, cited?.number,
                                 cited != nil && cited?.ledgerID == nil, approvalID, Self.timestamp(), request.account])
            let id = db.lastInsertedRowID
            if let approvalID {
                try db.execute(sql: "UPDATE approvals SET status = 'used', ledger_id = ?, used_at = ? WHERE id = ?",
                               arguments: [id, Self.timestamp(), approvalID])
            }
            try Self.insertAudit(db, AuditRecord(account: request.account, action: "notice.issue.\(request.kind.rawValue)",
                                                 caseID: request.caseID, ledgerID: id, approvalID: approvalID, detail: number))
            return IssueOutcome(entry: try Self.fetchEntry(db, id: id)!, isReprint: false)
        }
    }

    /// A 措置 cites a standing 勧奨 of the same case and child, dated before it — or a 勧奨
    /// number the ledger never held, when the case marks it 台帳外.
    static func resolveCitation(_ citation: IssueRequest.Citation, for request: IssueRequest, _ db: Database) throws -> CitedRecommendation {
        let found: LedgerEntry
        switch citation {
        case .latestOfCase:
            guard let latest = try Row.fetchOne(db, sql: """
                SELECT \(entryColumns) \(entryFrom) WHERE l.municipality = ? AND l.case_id = ? AND l.kind = 'recommendation'
                  AND l.status = 'issued' ORDER BY l.date DESC, l.id DESC LIMIT 1
                """, arguments: [request.municipality, request.caseID]).map(entry) else {
                throw LedgerRefusal.noRecommendation
            }
            found = latest
        case .number(let number, let preLedger, let date):
            let rows = try Row.fetchAll(db, sql: "SELECT \(entryColumns) \(entryFrom) WHERE l.municipality = ? AND l.number = ? ORDER BY l.id DESC",
                                        arguments: [request.municipality, number]).map(entry)
            if rows.isEmpty {
                guard preLedger else { throw LedgerRefusal.citesUnknown(number) }
                // The ledger keeps dates as yyyy-mm-dd text; the case's date is written the same way.
                let date = date?.description
                if let date, date >= request.date { throw LedgerRefusal.citesLater(number) }
                return CitedRecommendation(number: number, date: date ?? "", ledgerID: nil)
            }
            guard let own = rows.first(where: { $0.caseID == request.caseID }) else { throw LedgerRefusal.citesOtherCase(number) }
            found = own
        }
        guard found.kind == .recommendation else { throw LedgerRefusal.citesNotRecommendation(found.number) }
        guard found.status == .issued else { throw LedgerRefusal.citesVoided(found.number) }
        let childKey = try String.fetchOne(db, sql: "SELECT child_key FROM ledger WHERE id = ?", arguments: [found.id]) ?? ""
        guard childKey == request.childKey else { throw LedgerRefusal.citesOtherChild(found.number) }
        guard found.date < request.date else { throw LedgerRefusal.citesLater(found.number) }
        return CitedRecommendation(number: found.number, date: found.date, ledgerID: found.id)
    }

    public func entries(_ filter: LedgerFilter) async throws -> [LedgerEntry] {
        try await writer.read { db in
            var sql = "SELECT \(Self.entryColumns) \(Self.entryFrom) WHERE 1 = 1"
            var arguments: StatementArguments = []
            if let municipality = filter.municipality { sql += " AND l.municipality = ?"; arguments += [municipality] }
            if let fiscalYear = filter.fiscalYear { sql += " AND l.fiscal_year = ?"; arguments += [fiscalYear] }
            if let kind = filter.kind { sql += " AND l.kind = ?"; arguments += [kind.rawValue] }
            if let status = filter.status { sql += " AND l.status = ?"; arguments += [status.rawValue] }
            if let caseID = filter.caseID { sql += " AND l.case_id = ?"; arguments += [caseID] }
            return try Row.fetchAll(db, sql: sql + " ORDER BY l.id", arguments: arguments).map(Self.entry)
        }
    }

    public func entry(id: Int64) async throws -> LedgerEntry? {
        try await writer.read { db in try Self.fetchEntry(db, id: id) }
    }

    public func pdf(id: Int64) async throws -> [UInt8]? {
        try await writer.read { db in
            try Data.fetchOne(db, sql: "SELECT pdf FROM ledger WHERE id = ?", arguments: [id]).map { [UInt8]($0) }
        }
    }

    public func void(id: Int64, reason: String, account: String, withCitingMeasures: Bool) async throws -> [LedgerEntry] {
        try await writer.write { db in
            guard let target = try Self.fetchEntry(db, id: id) else { throw LedgerRefusal.notFound }
            guard target.status == .issued else { throw LedgerRefusal.alreadyVoided }
            let citing = try Row.fetchAll(db, sql: "SELECT \(Self.entryColumns) \(Self.entryFrom) WHERE l.cites_id = ? AND l.status = 'issued' ORDER BY l.id",
                                          arguments: [id]).map(Self.entry)
            if !citing.isEmpty && !withCitingMeasures {
                throw LedgerRefusal.recommendationCited(citing.map(\.number))
            }
            let now = Self.timestamp()
            var voided: [LedgerEntry] = []
            for row in [target] + citing {
                try db.execute(sql: "UPDATE ledger SET status = 'voided', void_reason = ?, voided_at = ?, voided_by = ? WHERE id = ?",
                               arguments: [reason, now, account, row.id])
                try Self.insertAudit(db, AuditRecord(account: account, action: "ledger.void", caseID: row.caseID,
                                                     ledgerID: row.id, detail: reason))
                voided.append(try Self.fetchEntry(db, id: row.id)!)
            }
            return voided
        }
    }
}
