import Foundation
import GRDB
import Logging
import PostgresNIO
import Testing
import TestSupport
@testable import YorisoiServer

/// The PostgreSQL the suite runs against: `YORISOI_TEST_DATABASE_URL` (set by
/// `scripts/with-postgres`, which `scripts/test` runs the suite under) with `PGPASSWORD`. Each
/// test gets a database of its own, made fresh, so tests never see each other's rows.
enum TestDatabases {
    static var url: String? { ProcessInfo.processInfo.environment["YORISOI_TEST_DATABASE_URL"] }

    /// A new, empty database on the test server, owned by the application role.
    static func fresh() async throws -> PostgresLocation {
        let base = try PostgresLocation(url: try #require(url), password: ProcessInfo.processInfo.environment["PGPASSWORD"])
        let name = "yorisoi_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await withConnection(base) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: quiet)
        }
        var location = base
        location.database = name
        return location
    }

    static func url(of location: PostgresLocation) -> String {
        "postgres://\(location.user)@\(location.host):\(location.port)/\(location.database)"
    }

    static let quiet = Logger(label: "test.postgres") { _ in SwiftLogNoOpLogHandler() }

    /// One plain connection, as the application role, with nothing set: what a query that
    /// forgot the municipality setting would see.
    @discardableResult
    static func withConnection<T: Sendable>(_ location: PostgresLocation, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                             password: location.password, database: location.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: quiet)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// The stores the contract suite runs against: SQLite always (in memory, through the writer the
/// store accepts, and on a file as the server opens it), PostgreSQL when the test database is
/// configured.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqliteInMemory
    case sqlite
    case postgres

    static var available: [StoreKind] { TestDatabases.url == nil ? [.sqliteInMemory, .sqlite] : [.sqliteInMemory, .sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A new, empty store, and what closes it.
    func make() async throws -> (store: any ServerStore, close: @Sendable () -> Void) {
        switch self {
        case .sqliteInMemory:
            return (try SQLiteStore(writer: DatabaseQueue()), {})
        case .sqlite:
            let store = try SQLiteStore(directory: try TestPaths.makeTemporaryDirectory("yorisoi-contract").appendingPathComponent("data"))
            return (store, {})
        case .postgres:
            let store = try await PostgresStore(try await TestDatabases.fresh())
            return (store, { store.close() })
        }
    }
}
