import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Every piece of server state in one PostgreSQL database, for several stateless instances behind
/// a load balancer (docs/postgres.md): accounts, sessions, drafts, saved cases, the 発番簿 with its
/// PDFs, 決裁 and the audit chains. The same contracts as `SQLiteStore`, plus:
///
/// - **Numbering across instances.** Every write that numbers or audits for a municipality first
///   locks that municipality's row in `tenants` (`FOR UPDATE`); an issue then allocates
///   MAX(sequence)+1 and appends its audit row under the same lock, so two instances never hand
///   out one number twice, leave a gap, or fork the audit chain.
/// - **One audit chain per municipality** (and one for rows of no municipality), its head kept in
///   `tenants.audit_head`, so `verify` also notices rows cut from a chain's end.
/// - **Row-level security.** Every tenant table carries the municipality and a policy that shows a
///   transaction only the municipalities in `yorisoi.municipalities`, which the store sets
///   (`set_config(…, true)`, for that transaction only) from `StoreScope.current`. A connection
///   that sets nothing sees no rows.
public final class PostgresStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    let location: PostgresLocation
    private let runner: Task<Void, Never>
    let auditCommit: AuditGroupCommit

    /// Connects, waits until the database answers, and migrates (`schema_migrations`).
    public init(_ location: PostgresLocation, logger: Logger = Logger(label: "yorisoi.postgres") { _ in SwiftLogNoOpLogHandler() },
                maximumConnections: Int = 16) async throws {
        // One plain connection first: a wrong address or password is reported as the server said
        // it, at once, instead of as a pool that keeps retrying.
        let probe = try await PostgresConnection.connect(
            configuration: .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                 database: location.database, tls: .disable),
            id: 0, logger: logger)
        try await probe.close()
        var configuration = PostgresClient.Configuration(host: location.host, port: location.port, username: location.user,
                                                         password: location.password, database: location.database, tls: .disable)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.minimumConnections = 0
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        self.logger = logger
        self.location = location
        runner = Task { await client.run() }
        let box = WriterBox()
        auditCommit = AuditGroupCommit { entries in try await box.store?.writeAudit(entries) }
        box.store = self
        do {
            try await PostgresMigrations.migrate(self)
        } catch {
            runner.cancel()
            throw error
        }
    }

    /// The audit writer needs the store, which is made after it.
    private final class WriterBox: @unchecked Sendable {
        // Set once in init before any append can run.
        weak var store: PostgresStore?
    }

    /// Stops the connection pool (tests; the server runs until the process ends).
    public func close() {
        runner.cancel()
    }

    /// One transaction on one connection, with the row-level security scope set for it alone.
    /// Errors thrown inside roll back and come out as they were thrown (a `LedgerRefusal` stays
    /// one).
    @discardableResult
    func transaction<T: Sendable>(scope: StoreScope? = nil, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let setting = (scope ?? StoreScope.current).setting
        let logger = self.logger
        return try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("SELECT set_config('yorisoi.municipalities', \(setting), true)", logger: logger)
                let value = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw Self.translated(error)
            }
        }
    }

    /// A unique-constraint violation (two instances racing for one key) becomes a conflict.
    static func translated(_ error: any Error) -> any Error {
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505" {
            return StoreError.conflict("同じキーの行がすでにあります / duplicate key")
        }
        return error
    }

    static func timestamp(_ date: Date = Date()) -> String { SQLiteStore.timestamp(date) }
    static func sha256Hex(_ bytes: some Sequence<UInt8>) -> String { SQLiteStore.sha256Hex(bytes) }
}

// Reading rows by column name.
extension PostgresConnection {
    func rows(_ query: PostgresQuery, _ logger: Logger) async throws -> [PostgresRandomAccessRow] {
        try await self.query(query, logger: logger).collect().map { $0.makeRandomAccess() }
    }

    func row(_ query: PostgresQuery, _ logger: Logger) async throws -> PostgresRandomAccessRow? {
        try await rows(query, logger).first
    }
}

extension PostgresRandomAccessRow {
    func get<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        try self[column].decode(T.self)
    }

    func bytes(_ column: String) throws -> [UInt8] {
        let buffer = try self[column].decode(ByteBuffer.self)
        return Array(buffer.readableBytesView)
    }
}
