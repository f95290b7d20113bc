import Crypto
import Foundation
import Synchronization

/// A signed-in session: who, since when, the CSRF token its page sends back.
public struct Session: Sendable, Hashable {
    public var id: String
    public var account: String
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeen: Date
}

/// Where sessions are kept. In memory for one server on one machine; in the shared database
/// (`PostgresStore`) when several instances serve behind one load balancer, so a session made
/// on one instance works on the others.
public protocol SessionRecords: Sendable {
    func insertSession(_ session: Session) async throws
    func loadSession(id: String) async throws -> Session?
    /// Records a request: the idle clock restarts from `lastSeen`.
    func touchSession(id: String, lastSeen: Date) async throws
    func deleteSession(id: String) async throws
    /// Drops the sessions idle since before `idleBefore` or made before `createdBefore`.
    func pruneSessions(idleBefore: Date, createdBefore: Date) async throws
}

/// Sessions in this process's memory (a restart signs everyone out).
public final class MemorySessionRecords: SessionRecords {
    private let sessions = Mutex<[String: Session]>([:])

    public init() {}

    public func insertSession(_ session: Session) async throws {
        sessions.withLock { $0[session.id] = session }
    }

    public func loadSession(id: String) async throws -> Session? {
        sessions.withLock { $0[id] }
    }

    public func touchSession(id: String, lastSeen: Date) async throws {
        sessions.withLock { all in all[id]?.lastSeen = lastSeen }
    }

    public func deleteSession(id: String) async throws {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    public func pruneSessions(idleBefore: Date, createdBefore: Date) async throws {
        sessions.withLock { all in all = all.filter { $0.value.lastSeen > idleBefore && $0.value.createdAt > createdBefore } }
    }
}

/// Sessions and their limits: a session ends after `idleTimeout` without a request and after
/// `absoluteTimeout` in all, whatever its activity. The records live in `records` (memory by
/// default, the shared database with several instances).
public final class SessionStore: Sendable {
    public let idleTimeout: TimeInterval
    public let absoluteTimeout: TimeInterval
    private let now: @Sendable () -> Date
    let records: any SessionRecords

    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600,
                records: any SessionRecords = MemorySessionRecords(),
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.records = records
        self.now = now
    }

    /// 32 random bytes, hex: a session id or CSRF token nobody can guess.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    public func create(account: String) async throws -> Session {
        let time = now()
        let session = Session(id: Self.randomToken(), account: account, csrfToken: Self.randomToken(),
                              createdAt: time, lastSeen: time)
        try await records.pruneSessions(idleBefore: time.addingTimeInterval(-idleTimeout),
                                        createdBefore: time.addingTimeInterval(-absoluteTimeout))
        try await records.insertSession(session)
        return session
    }

    /// The live session for `id`, its idle clock restarted; nil (and forgotten) when expired.
    public func touch(_ id: String) async throws -> Session? {
        let time = now()
        guard var session = try await records.loadSession(id: id) else { return nil }
        if expired(session, at: time) {
            try await records.deleteSession(id: id)
            return nil
        }
        session.lastSeen = time
        try await records.touchSession(id: id, lastSeen: time)
        return session
    }

    public func end(_ id: String) async throws {
        try await records.deleteSession(id: id)
    }

    func expired(_ session: Session, at time: Date) -> Bool {
        time.timeIntervalSince(session.lastSeen) >= idleTimeout
            || time.timeIntervalSince(session.createdAt) >= absoluteTimeout
    }

    public func idleExpiry(_ session: Session) -> Date {
        min(session.lastSeen.addingTimeInterval(idleTimeout), absoluteExpiry(session))
    }

    public func absoluteExpiry(_ session: Session) -> Date {
        session.createdAt.addingTimeInterval(absoluteTimeout)
    }

    /// Constant-time comparison for tokens.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
