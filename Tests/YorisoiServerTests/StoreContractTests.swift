import Foundation
import GRDB
import Testing
import TestSupport
@testable import YorisoiServer

/// One contract, two stores: every test runs against SQLite and — when `scripts/with-postgres`
/// (or `YORISOI_TEST_DATABASE_URL`) gives a database — PostgreSQL.
@Suite("Store contract (SQLite and PostgreSQL)")
struct StoreContractTests {
    static let sodegaura = "122297"
    static let kisarazu = "122068"

    static func request(municipality: String = sodegaura, caseID: String = "C-1", kind: NoticeKind = .recommendation,
                        date: String = "2025-05-12", fiscalYear: Int = 2025, scope: IssueRequest.SequenceScope = .fiscalYear,
                        typed: IssueRequest.TypedNumber? = nil, citation: IssueRequest.Citation? = nil,
                        approvalID: Int64? = nil, sha: String = "sha") -> IssueRequest {
        IssueRequest(municipality: municipality, series: "袖こ家", sequenceScope: scope, fiscalYear: fiscalYear, kind: kind,
                     caseID: caseID, date: date, childKey: "child", account: "tester", typedNumber: typed, citation: citation,
                     needsApproval: kind == .measure, approvalID: approvalID, caseSHA256: sha)
    }

    /// A "PDF" that carries its number, so a test can tell which bytes belong to which row.
    static let render: @Sendable (Allocation) throws -> [UInt8] = { Array("%PDF \($0.number)".utf8) }

    @Test(arguments: StoreKind.available)
    func concurrentIssuesGetConsecutiveNumbersEachWithItsPDFAndAuditRow(kind: StoreKind) async throws {
        let (store, close) = try await kind.make()
        defer { close() }
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<40 {
                group.addTask { try await store.issue(Self.request(caseID: "C-\(index)"), render: Self.render).entry.number }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(numbers) == Set((1...40).map { "袖こ家第\($0)号" }))
        let entries = try await store.entries(LedgerFilter(municipality: Self.sodegaura))
        #expect(entries.count == 40)
        for entry in entries {
            #expect(try await store.pdf(id: entry.id) == Array("%PDF \(entry.number)".utf8))
        }
        // Another 年度 starts at 1 again; another municipality has its own sequence.
        #expect(try await store.issue(Self.request(date: "2026-04-01", fiscalYear: 2026), render: Self.render).entry.number == "袖こ家第1号")
        #expect(try await store.issue(Self.request(municipality: Self.kisarazu), render: Self.render).entry.number == "袖こ家第1号")
        let verification = try await store.verify()
        #expect(verification.ok, "\(verification)")
        #expect(verification.rows == 42)
    }

    @Test(arguments: StoreKind.available)
    func aFailedRenderUsesNoNumberAndAReprintAllocatesNone(kind: StoreKind) async throws {
        let (store, close) = try await kind.make()
        defer { close() }
        struct RenderFailed: Error {}
        await #expect(throws: RenderFailed.self) {
            try await store.issue(Self.request(), render: { _ in throw RenderFailed() })
        }
        let first = try await store.issue(Self.request(), render: Self.render)
        #expect(first.entry.number == "袖こ家第1号")
        let again = try await store.issue(Self.request(typed: .init(number: "袖こ家第1号", preLedger: false)), render: Self.render)
        #expect(again.isReprint && again.entry.id == first.entry.id)
        await #expect(throws: LedgerRefusal.numberTaken("袖こ家第1号")) {
            try await store.issue(Self.request(caseID: "OTHER", typed: .init(number: "袖こ家第1号", preLedger: false)), render: Self.render)
        }
        #expect(try await store.verify().ok)
    }

    @Test(arguments: StoreKind.available)
    func aMeasureNeedsAnApprovalUsedOnceAndVoidingTheRecommendationTakesItsMeasures(kind: StoreKind) async throws {
        let (store, close) = try await kind.make()
        defer { close() }
        let recommendation = try await store.issue(Self.request(), render: Self.render).entry
        await #expect(throws: LedgerRefusal.approvalRequired(.measure)) {
            try await store.issue(Self.request(kind: .measure, date: "2025-06-23", citation: .latestOfCase), render: Self.render)
        }
        let asked = try await store.requestApproval(ApprovalRequest(municipality: Self.sodegaura, kind: .measure, caseID: "C-1",
                                                                    caseVersion: nil, body: Array("draft".utf8), format: "yaml",
                                                                    account: "tester"))
        #expect(asked.status == .pending)
        await #expect(throws: LedgerRefusal.selfApproval) {
            try await store.decide(id: asked.id, approve: true, decidedBy: "tester", note: nil, account: "tester", distinctFromRequester: true)
        }
        let approved = try await store.decide(id: asked.id, approve: true, decidedBy: "boss", note: nil, account: "boss",
                                              distinctFromRequester: true)
        #expect(approved.status == .approved)
        let sha = SQLiteStore.sha256Hex(Array("draft".utf8))
        let measure = try await store.issue(Self.request(kind: .measure, date: "2025-06-23", citation: .latestOfCase,
                                                         approvalID: asked.id, sha: sha), render: Self.render).entry
        #expect(measure.citesID == recommendation.id && measure.approvedBy == "boss")
        #expect(try await store.approval(id: asked.id)?.status == .used)
        await #expect(throws: LedgerRefusal.approvalUsed) {
            try await store.issue(Self.request(kind: .measure, date: "2025-06-24", citation: .latestOfCase,
                                               approvalID: asked.id, sha: sha), render: Self.render)
        }
        await #expect(throws: LedgerRefusal.recommendationCited([measure.number])) {
            try await store.void(id: recommendation.id, reason: "誤り", account: "tester", withCitingMeasures: false)
        }
        let voided = try await store.void(id: recommendation.id, reason: "誤り", account: "tester", withCitingMeasures: true)
        #expect(voided.map(\.id) == [recommendation.id, measure.id] && voided.allSatisfy { $0.status == .voided })
        await #expect(throws: LedgerRefusal.alreadyVoided) {
            try await store.void(id: recommendation.id, reason: "再", account: "tester", withCitingMeasures: false)
        }
        let verification = try await store.verify()
        #expect(verification.ok, "\(verification)")
    }

    @Test(arguments: StoreKind.available)
    func casesAreVersionedAndAStaleSaveIsRefused(kind: StoreKind) async throws {
        let (store, close) = try await kind.make()
        defer { close() }
        let fields = SavedCaseFields(municipality: Self.sodegaura, category: nil, review: nil)
        #expect(try await store.create(id: "K-1", fields: fields, body: Array("v1".utf8), format: "yaml", account: "a") == 1)
        await #expect(throws: StoreError.self) {
            try await store.create(id: "K-1", fields: fields, body: Array("again".utf8), format: "yaml", account: "a")
        }
        #expect(try await store.update(id: "K-1", fields: fields, body: Array("v2".utf8), format: "yaml", account: "b", baseVersion: 1) == 2)
        await #expect(throws: StoreError.staleVersion(latest: 2)) {
            try await store.update(id: "K-1", fields: fields, body: Array("late".utf8), format: "yaml", account: "c", baseVersion: 1)
        }
        await #expect(throws: StoreError.notFound) {
            try await store.update(id: "NONE", fields: fields, body: [], format: "yaml", account: "c", baseVersion: nil)
        }
        #expect(try await store.version(id: "K-1", version: nil)?.body == Array("v2".utf8))
        #expect(try await store.version(id: "K-1", version: 1)?.body == Array("v1".utf8))
        #expect(try await store.versions(id: "K-1").map(\.version) == [1, 2])
        #expect(try await store.list().map(\.id) == ["K-1"])
    }

    @Test(arguments: StoreKind.available)
    func draftsAreOnePerAccountAndKey(kind: StoreKind) async throws {
        let (store, close) = try await kind.make()
        defer { close() }
        _ = try await store.saveDraft(Draft(key: "K-1", account: "a", municipality: Self.sodegaura, kind: .supportPlan,
                                            baseVersion: 1, body: Array("{}".utf8)))
        _ = try await store.saveDraft(Draft(key: "K-1", account: "a", municipality: Self.sodegaura, kind: .supportPlan,
                                            baseVersion: 2, body: Array("{\"x\":1}".utf8)))
        #expect(try await store.draft(account: "a", key: "K-1")?.body == Array("{\"x\":1}".utf8))
        #expect(try await store.draft(account: "b", key: "K-1") == nil)
        #expect(try await store.drafts(account: "a").map(\.baseVersion) == [2])
        #expect(try await store.deleteDraft(account: "a", key: "K-1"))
        #expect(try await !store.deleteDraft(account: "a", key: "K-1"))
    }

    /// A draft row whose kind this build does not know (a newer build wrote it) is not offered,
    /// and it stays in the table untouched.
    @Test func aDraftOfAnUnknownKindIsNotOfferedAndStays() async throws {
        let store = try SQLiteStore(writer: DatabaseQueue())
        _ = try await store.saveDraft(Draft(key: "K-1", account: "a", municipality: Self.sodegaura, kind: .measure,
                                            baseVersion: nil, body: Array("{}".utf8)))
        try await store.writer.write { db in
            try db.execute(sql: """
                INSERT INTO drafts (account, key, municipality, kind, base_version, body, saved_at)
                VALUES ('a', 'K-2', ?, 'future-kind', NULL, x'7b7d', '2026-12-06T00:00:00Z')
                """, arguments: [Self.sodegaura])
        }
        #expect(try await store.drafts(account: "a").map(\.key) == ["K-1"])
        #expect(try await store.drafts(account: "a").first?.kind == .measure)
        #expect(try await store.draft(account: "a", key: "K-2") == nil)
        #expect(try await store.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM drafts") } == 2)
    }

    @Test(arguments: StoreKind.available)
    func accountsAreAddedOnceDisabledNeverDeletedAndAudited(kind: StoreKind) async throws {
        let (store, close) = try await kind.make()
        defer { close() }
        #expect(try await !store.hasAnyAccount())
        let record = AccountRecord(name: "kato", passwordHash: "$2b$04$x", role: .staff, municipalities: [Self.sodegaura])
        try await store.addAccount(record)
        await #expect(throws: StoreError.self) { try await store.addAccount(record) }
        #expect(try await store.hasAnyAccount())
        #expect(try await store.setDisabled("kato", true))
        #expect(try await !store.setDisabled("nobody", true))
        #expect(try await store.account(named: "kato")?.disabled == true)
        #expect(try await store.allAccounts().map(\.municipalities) == [[Self.sodegaura]])
        try await store.append(account: "kato", action: "case.read", caseID: "K-1", municipality: Self.sodegaura)
        let rows = try await store.auditRows(from: "2000-01-01", to: "9999-12-31")
        #expect(rows.map(\.action) == ["account.add", "account.disable", "case.read"])
        #expect(try await store.verify().ok)
    }
}

/// Sessions: in memory for one SQLite instance, in the database for PostgreSQL — where a
/// session made through one instance's store works through another's.
@Suite("Sessions across instances")
struct SessionRecordsTests {
    @Test(.enabled(if: TestDatabases.url != nil, "needs YORISOI_TEST_DATABASE_URL (scripts/with-postgres)"))
    func aSessionMadeOnOneInstanceWorksOnAnotherAndEndsEverywhere() async throws {
        let location = try await TestDatabases.fresh()
        let first = try await PostgresStore(location)
        let second = try await PostgresStore(location)
        defer { first.close(); second.close() }
        let clock = TestClock()
        let one = SessionStore(records: first, now: { clock.now })
        let other = SessionStore(records: second, now: { clock.now })
        let session = try await one.create(account: "kato")
        clock.advance(20 * 60)
        #expect(try await other.touch(session.id)?.account == "kato", "made on one instance, valid on the other")
        clock.advance(20 * 60)
        #expect(try await one.touch(session.id) != nil, "the other instance's request restarted the idle clock")
        try await other.end(session.id)
        #expect(try await one.touch(session.id) == nil, "signed out on one instance, gone on every one")
        let stale = try await one.create(account: "sato")
        clock.advance(31 * 60)
        #expect(try await other.touch(stale.id) == nil, "idle too long, on any instance")
    }
}
