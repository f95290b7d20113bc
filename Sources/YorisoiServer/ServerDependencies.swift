import Foundation
import Logging

/// Everything a route group needs, passed in (no globals): tests build one over a temporary
/// folder, `yorisoi serve` over `--data`. A route group added later (the web page's) takes the
/// same value.
public struct ServerDependencies: Sendable {
    public let configuration: ServerConfiguration
    public let engine: DocumentEngine
    public let ledger: any LedgerStore
    /// 決裁 before a notice (CONTRACT §4).
    public let approvals: any ApprovalStore
    public let cases: any CaseStore
    /// The page's autosaved work in progress, per account and case.
    public let drafts: any DraftStore
    /// Append one row per request that reads or produces personal data: `append(account:action:caseID:)`.
    public let audit: any AuditLog
    public let sessions: SessionStore
    public let gate: RenderGate
    public let logger: Logger
    /// The committed OpenAPI document, served at /openapi.yaml.
    public let openAPIDocument: [UInt8]
    /// Without accounts: the local user's token (`DATA/local-token`); nil with accounts.
    public let localToken: LocalToken?
    /// Where accounts are looked up: `--accounts FILE`, else the database when it holds accounts;
    /// nil runs with the local token.
    public let accounts: (any AccountDirectory)?
    /// Failed sign-ins per account and address (back-off, lockout).
    public let loginThrottle: LoginThrottle
    /// The port the socket really has (`--port 0` is known only once bound).
    public let listening: ListeningPort

    public init(configuration: ServerConfiguration, engine: DocumentEngine, ledger: any LedgerStore,
                approvals: any ApprovalStore, cases: any CaseStore, drafts: any DraftStore, audit: any AuditLog, sessions: SessionStore, gate: RenderGate,
                logger: Logger, openAPIDocument: [UInt8], localToken: LocalToken? = nil,
                loginThrottle: LoginThrottle? = nil, accounts: (any AccountDirectory)? = nil) {
        self.accounts = accounts ?? configuration.accounts
        self.configuration = configuration
        self.engine = engine
        self.ledger = ledger
        self.approvals = approvals
        self.cases = cases
        self.drafts = drafts
        self.audit = audit
        self.sessions = sessions
        self.gate = gate
        self.logger = logger
        self.openAPIDocument = openAPIDocument
        self.localToken = localToken
        self.loginThrottle = loginThrottle ?? LoginThrottle(limits: configuration.loginLimits)
        self.listening = ListeningPort(configuration.port)
    }

    /// The usual wiring: the SQLite store in `configuration.dataDirectory`, fonts and templates
    /// from `configuration.resourceRoot`; without accounts a new local token in the data folder.
    public static func standard(_ configuration: ServerConfiguration, logger: Logger) throws -> ServerDependencies {
        try DataDirectory.prepare(configuration.dataDirectory)
        let store: SQLiteStore
        do {
            store = try SQLiteStore(directory: configuration.dataDirectory)
        } catch {
            throw DataDirectory.Problem(path: configuration.dataDirectory.path, reason: "データベースを開けません", reasonEN: "cannot open the database")
        }
        let accounts: (any AccountDirectory)? = try configuration.accounts ?? (store.hasAccounts() ? store : nil)
        let localToken = accounts == nil ? try LocalToken.issue(in: configuration.dataDirectory) : nil
        let engine = try DocumentEngine(root: configuration.resourceRoot)
        let document = try [UInt8](Data(contentsOf: configuration.resourceRoot.appendingPathComponent("openapi.yaml")))
        return ServerDependencies(
            configuration: configuration, engine: engine, ledger: store, approvals: store, cases: store, drafts: store, audit: store,
            sessions: SessionStore(idleTimeout: configuration.sessionIdleTimeout,
                                   absoluteTimeout: configuration.sessionAbsoluteTimeout),
            gate: RenderGate(limit: configuration.maxRendersInFlight, queueLimit: configuration.maxQueuedRenders,
                             timeout: configuration.renderTimeout),
            logger: logger, openAPIDocument: document, localToken: localToken, accounts: accounts)
    }
}

/// Everything the server keeps, behind one value: `SQLiteStore` (one instance, `--data`) or
/// `PostgresStore` (many instances, `--database`). The store contract tests run against both.
public protocol ServerStore: LedgerStore, ApprovalStore, CaseStore, DraftStore, AuditLog, AccountStore {}

extension SQLiteStore: ServerStore {}
extension PostgresStore: ServerStore {}

extension ServerDependencies {
    /// The wiring for `--database`: every instance shares the PostgreSQL store, sessions included,
    /// so any instance answers any request. Without accounts in the database the local token
    /// is written to `--data` as with SQLite (useful only when the instances share that folder).
    public static func connect(_ configuration: ServerConfiguration, logger: Logger) async throws -> ServerDependencies {
        guard let location = configuration.database else { return try standard(configuration, logger: logger) }
        let store: PostgresStore
        do {
            // The pool's own retries and reconnects are not news for the request log.
            var quiet = logger
            quiet.logLevel = .error
            store = try await PostgresStore(location, logger: quiet)
        } catch {
            throw DatabaseProblem(location: location, error: error)
        }
        let storeHasAccounts = try await store.hasAnyAccount()
        let accounts: (any AccountDirectory)? = configuration.accounts ?? (storeHasAccounts ? store : nil)
        var localToken: LocalToken?
        if accounts == nil {
            try DataDirectory.prepare(configuration.dataDirectory)
            localToken = try LocalToken.issue(in: configuration.dataDirectory)
        }
        let engine = try DocumentEngine(root: configuration.resourceRoot)
        let document = try [UInt8](Data(contentsOf: configuration.resourceRoot.appendingPathComponent("openapi.yaml")))
        return ServerDependencies(
            configuration: configuration, engine: engine, ledger: store, approvals: store, cases: store, drafts: store, audit: store,
            sessions: SessionStore(idleTimeout: configuration.sessionIdleTimeout,
                                   absoluteTimeout: configuration.sessionAbsoluteTimeout, records: store),
            gate: RenderGate(limit: configuration.maxRendersInFlight, queueLimit: configuration.maxQueuedRenders,
                             timeout: configuration.renderTimeout),
            logger: logger, openAPIDocument: document, localToken: localToken, accounts: accounts)
    }

    /// The database could not be reached or migrated: a configuration problem (exit 2), named
    /// without the password.
    public struct DatabaseProblem: Error, CustomStringConvertible {
        public let location: PostgresLocation
        public let error: any Error
        public var description: String {
            "データベース \(location) に接続できません / cannot connect to \(location): \(String(reflecting: error))"
        }
    }
}

/// The `--data` folder, checked before the store opens it: a folder the server cannot read and
/// write is a configuration problem (exit 2 with a message), not an internal failure.
public enum DataDirectory {
    public struct Problem: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public let reasonEN: String
        public var description: String {
            "データフォルダ \(path) を使えません（\(reason)）/ the data folder \(path) cannot be used (\(reasonEN))"
        }
    }

    /// Creates the folder (0700) when missing, then proves it can be written by making and
    /// removing a file (file modes alone say nothing to root or on a read-only mount).
    public static func prepare(_ directory: URL) throws {
        let path = directory.path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw Problem(path: path, reason: "フォルダではありません", reasonEN: "not a folder") }
        } else {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw Problem(path: path, reason: "作成できません", reasonEN: "cannot be created")
            }
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw Problem(path: path, reason: "読み取れません", reasonEN: "not readable")
        }
        let probe = directory.appendingPathComponent(".write-check-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: probe.path, contents: Data(), attributes: [.posixPermissions: 0o600]) else {
            throw Problem(path: path, reason: "書き込めません", reasonEN: "not writable")
        }
        try? FileManager.default.removeItem(at: probe)
    }
}

