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

/// Sessions in memory (a restart signs everyone out). A session ends after `idleTimeout` without
/// a request and after `absoluteTimeout` in all, whatever its activity.
public final class SessionStore: Sendable {
    public let idleTimeout: TimeInterval
    public let absoluteTimeout: TimeInterval
    private let now: @Sendable () -> Date
    private let sessions = Mutex<[String: Session]>([:])

    public init(idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.now = now
    }

    /// 32 random bytes, hex: a session id or CSRF token nobody can guess.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    public func create(account: String) -> Session {
        let time = now()
        let session = Session(id: Self.randomToken(), account: account, csrfToken: Self.randomToken(),
                              createdAt: time, lastSeen: time)
        sessions.withLock { all in
            all = all.filter { !self.expired($0.value, at: time) }
            all[session.id] = session
        }
        return session
    }

    /// The live session for `id`, its idle clock restarted; nil (and forgotten) when expired.
    public func touch(_ id: String) -> Session? {
        let time = now()
        return sessions.withLock { all in
            guard var session = all[id] else { return nil }
            if expired(session, at: time) {
                all[id] = nil
                return nil
            }
            session.lastSeen = time
            all[id] = session
            return session
        }
    }

    public func end(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
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
