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
    /// Append one row per request that reads or produces personal data: `append(account:action:caseID:)`.
    public let audit: any AuditLog
    public let sessions: SessionStore
    public let gate: RenderGate
    public let logger: Logger
    /// The committed OpenAPI document, served at /openapi.yaml.
    public let openAPIDocument: [UInt8]

    public init(configuration: ServerConfiguration, engine: DocumentEngine, ledger: any LedgerStore,
                approvals: any ApprovalStore, cases: any CaseStore, audit: any AuditLog, sessions: SessionStore, gate: RenderGate,
                logger: Logger, openAPIDocument: [UInt8]) {
        self.configuration = configuration
        self.engine = engine
        self.ledger = ledger
        self.approvals = approvals
        self.cases = cases
        self.audit = audit
        self.sessions = sessions
        self.gate = gate
        self.logger = logger
        self.openAPIDocument = openAPIDocument
    }

    /// The usual wiring: the SQLite store in `configuration.dataDirectory`, fonts and templates
    /// from `configuration.resourceRoot`.
    public static func standard(_ configuration: ServerConfiguration, logger: Logger) throws -> ServerDependencies {
        let store = try SQLiteStore(directory: configuration.dataDirectory)
        let engine = try DocumentEngine(root: configuration.resourceRoot)
        let document = try [UInt8](Data(contentsOf: configuration.resourceRoot.appendingPathComponent("openapi.yaml")))
        return ServerDependencies(
            configuration: configuration, engine: engine, ledger: store, approvals: store, cases: store, audit: store,
            sessions: SessionStore(idleTimeout: configuration.sessionIdleTimeout,
                                   absoluteTimeout: configuration.sessionAbsoluteTimeout),
            gate: RenderGate(limit: configuration.maxRendersInFlight, queueLimit: configuration.maxQueuedRenders,
                             timeout: configuration.renderTimeout),
            logger: logger, openAPIDocument: document)
    }
}
