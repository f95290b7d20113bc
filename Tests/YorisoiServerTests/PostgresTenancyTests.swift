import Foundation
import PostgresNIO
import Testing
import TestSupport
@testable import YorisoiServer

/// Row-level security as defence in depth, and numbering shared by instances, on a real
/// PostgreSQL as the application role (no superuser: a superuser would bypass the policies).
@Suite("PostgreSQL: row-level security and instances", .enabled(if: TestDatabases.url != nil, "needs YORISOI_TEST_DATABASE_URL (scripts/with-postgres)"))
struct PostgresTenancyTests {
    static let tables = ["tenants", "ledger", "approvals", "case_versions", "drafts", "audit"]

    static func count(_ table: String, _ connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query(PostgresQuery(unsafeSQL: "SELECT count(*)::int AS n FROM \(table)"), logger: TestDatabases.quiet)
            .collect()
        return try rows.first?.makeRandomAccess()["n"].decode(Int.self) ?? -1
    }

    /// Fills every tenant table with rows of two municipalities.
    static func filled() async throws -> (PostgresStore, PostgresLocation) {
        let location = try await TestDatabases.fresh()
        let store = try await PostgresStore(location)
        for municipality in [StoreContractTests.sodegaura, StoreContractTests.kisarazu] {
            _ = try await store.issue(StoreContractTests.request(municipality: municipality), render: StoreContractTests.render)
            _ = try await store.requestApproval(ApprovalRequest(municipality: municipality, kind: .measure, caseID: "C-1", caseVersion: nil,
                                                                body: [1], format: "yaml", account: "a"))
            _ = try await store.create(id: "K-\(municipality)", fields: SavedCaseFields(municipality: municipality, category: nil, review: nil),
                                       body: [1], format: "yaml", account: "a")
            _ = try await store.saveDraft(Draft(key: "K-\(municipality)", account: "a", municipality: municipality, kind: .supportPlan,
                                                baseVersion: 1, body: [1]))
        }
        return (store, location)
    }

    @Test func aQueryWithoutTheMunicipalitySettingSeesNoRows() async throws {
        let (store, location) = try await Self.filled()
        defer { store.close() }
        try await TestDatabases.withConnection(location) { connection in
            let role = try await connection.query("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user",
                                                  logger: TestDatabases.quiet).collect().first?.makeRandomAccess()
            #expect(try role?["rolsuper"].decode(Bool.self) == false && role?["rolbypassrls"].decode(Bool.self) == false,
                    "the test connects as the application role, which the policies bind")
            for table in Self.tables {
                #expect(try await Self.count(table, connection) == 0, "\(table): nothing without yorisoi.municipalities")
            }
            // With one municipality set, that municipality's rows and no other's.
            try await connection.query("BEGIN", logger: TestDatabases.quiet)
            try await connection.query("SELECT set_config('yorisoi.municipalities', \(StoreContractTests.kisarazu), true)",
                                       logger: TestDatabases.quiet)
            for table in ["ledger", "approvals", "case_versions", "drafts"] {
                #expect(try await Self.count(table, connection) == 1, "\(table): one municipality's row")
            }
            // Writing another municipality's row is refused too (WITH CHECK).
            await #expect(throws: PSQLError.self) {
                try await connection.query("""
                    INSERT INTO drafts (account, key, municipality, kind, body, saved_at)
                    VALUES ('a', 'x', \(StoreContractTests.sodegaura), 'support-plan', '\\x00', 'now')
                    """, logger: TestDatabases.quiet)
            }
            try await connection.query("ROLLBACK", logger: TestDatabases.quiet)
            // The setting lasted only for that transaction.
            #expect(try await Self.count("ledger", connection) == 0)
        }
    }

    @Test func aRequestScopedToOneMunicipalitySeesOnlyItsRowsWhateverTheRouteAsks() async throws {
        let (store, _) = try await Self.filled()
        defer { store.close() }
        try await StoreScope.$current.withValue(.only([StoreContractTests.kisarazu])) {
            let entries = try await store.entries(LedgerFilter())
            #expect(entries.map(\.municipality) == [StoreContractTests.kisarazu], "no filter asked, RLS filtered")
            #expect(try await store.list().map(\.id) == ["K-\(StoreContractTests.kisarazu)"])
            #expect(try await store.approvals(municipality: nil, status: nil, caseID: nil).count == 1)
            let other = try await store.entries(LedgerFilter(municipality: StoreContractTests.sodegaura))
            #expect(other.isEmpty)
            await #expect(throws: (any Error).self, "issuing for a municipality outside the scope is refused by the database") {
                try await store.issue(StoreContractTests.request(municipality: StoreContractTests.sodegaura, caseID: "X"),
                                      render: StoreContractTests.render)
            }
        }
        #expect(try await store.entries(LedgerFilter()).count == 2, "the server's own work sees every municipality")
        #expect(try await store.verify().ok)
    }

    @Test func twoInstancesIssuingAtOnceShareOneSequenceAndOneChainPerMunicipality() async throws {
        let location = try await TestDatabases.fresh()
        let first = try await PostgresStore(location, maximumConnections: 4)
        let second = try await PostgresStore(location, maximumConnections: 4)
        defer { first.close(); second.close() }
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<60 {
                let store = index % 2 == 0 ? first : second
                let municipality = index % 3 == 0 ? StoreContractTests.kisarazu : StoreContractTests.sodegaura
                group.addTask {
                    if index % 5 == 0 {
                        try await store.append(account: "a", action: "case.read", caseID: "C-\(index)", municipality: municipality)
                    }
                    let entry = try await store.issue(StoreContractTests.request(municipality: municipality, caseID: "C-\(index)"),
                                                      render: StoreContractTests.render).entry
                    return "\(entry.municipality) \(entry.number)"
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        let expected = (1...20).map { "\(StoreContractTests.kisarazu) 袖こ家第\($0)号" } + (1...40).map { "\(StoreContractTests.sodegaura) 袖こ家第\($0)号" }
        #expect(numbers.sorted() == expected.sorted())
        let verification = try await second.verify()
        #expect(verification.ok, "\(verification)")
        #expect(verification.rows == 72)
    }

    @Test func theAuditChainNoticesARowCutFromItsEnd() async throws {
        let (store, location) = try await Self.filled()
        defer { store.close() }
        #expect(try await store.verify().ok)
        // The triggers refuse changing audit rows even to the owner; a head that disagrees
        // with its chain (rows lost) is what verify must catch.
        try await TestDatabases.withConnection(location) { connection in
            try await connection.query("BEGIN", logger: TestDatabases.quiet)
            try await connection.query("SELECT set_config('yorisoi.municipalities', '*', true)", logger: TestDatabases.quiet)
            await #expect(throws: PSQLError.self) {
                try await connection.query("DELETE FROM audit", logger: TestDatabases.quiet)
            }
            try await connection.query("ROLLBACK", logger: TestDatabases.quiet)
            try await connection.query("BEGIN", logger: TestDatabases.quiet)
            try await connection.query("SELECT set_config('yorisoi.municipalities', '*', true)", logger: TestDatabases.quiet)
            try await connection.query("UPDATE tenants SET audit_rows = audit_rows + 1 WHERE municipality = \(StoreContractTests.sodegaura)",
                                       logger: TestDatabases.quiet)
            try await connection.query("COMMIT", logger: TestDatabases.quiet)
        }
        #expect(try await store.verify().firstBrokenRow != nil)
    }
}
