import Foundation
import Synchronization

/// Counts failed sign-ins per account name (as typed) and per client address, so neither a
/// guessed password list against one account nor one address trying many accounts gets far:
/// after `backoffAfter` failures each attempt must wait an exponential back-off (answered 429
/// without checking the password), after `lockAfter` the key is locked for `lockDuration` and
/// even the right password is refused until then.
public final class LoginThrottle: Sendable {
    public enum Key: Hashable, Sendable {
        case account(String)
        case address(String)
    }

    /// What a sign-in attempt may do now.
    public enum Decision: Sendable, Equatable {
        case allowed
        /// Back-off: try again after this many seconds.
        case wait(TimeInterval)
        /// Locked: refused, whatever the password, for this many more seconds.
        case locked(TimeInterval)
    }

    private struct Record {
        var failures = 0
        var lastFailure: Date
        var nextAttempt: Date
        var lockedUntil: Date?
    }

    static let pruneAbove = 10_000
    public let limits: LoginLimits
    private let now: @Sendable () -> Date
    private let records = Mutex<[Key: Record]>([:])

    public init(limits: LoginLimits = LoginLimits(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.limits = limits
        self.now = now
    }

    /// The strictest decision over `keys` (an account and an address).
    public func decision(for keys: [Key]) -> Decision {
        let time = now()
        return records.withLock { all in
            var decision = Decision.allowed
            for key in keys {
                guard let record = current(all, key, at: time) else { all[key] = nil; continue }
                if let until = record.lockedUntil {
                    return .locked(until.timeIntervalSince(time))
                }
                if record.nextAttempt > time {
                    let wait = record.nextAttempt.timeIntervalSince(time)
                    if case .wait(let longer) = decision, longer >= wait { continue }
                    decision = .wait(wait)
                }
            }
            return decision
        }
    }

    /// A wrong password: counts for every key; returns the keys that became locked just now.
    public func recordFailure(for keys: [Key]) -> [Key] {
        let time = now()
        return records.withLock { all in
            var lockedNow: [Key] = []
            // Every typed account name makes a record: past a bound, drop the ones that ran out,
            // so a flood of made-up names cannot grow memory without limit.
            if all.count > Self.pruneAbove {
                all = all.filter { current([$0.key: $0.value], $0.key, at: time) != nil }
            }
            for key in keys {
                var record = current(all, key, at: time) ?? Record(lastFailure: time, nextAttempt: time)
                record.failures += 1
                record.lastFailure = time
                if record.failures >= limits.lockAfter {
                    if record.lockedUntil == nil { lockedNow.append(key) }
                    record.lockedUntil = time.addingTimeInterval(limits.lockDuration)
                } else if record.failures >= limits.backoffAfter {
                    let exponent = Double(record.failures - limits.backoffAfter)
                    record.nextAttempt = time.addingTimeInterval(min(limits.backoffMax, limits.backoffBase * pow(2, exponent)))
                }
                all[key] = record
            }
            return lockedNow
        }
    }

    /// A right password (outside any lock): the account starts afresh. The address keeps its
    /// count, so one valid account cannot be used to wipe the record of guesses at others.
    public func recordSuccess(account: String) {
        _ = records.withLock { $0.removeValue(forKey: .account(account)) }
    }

    /// The record unless it has run out: a lock that has ended, or failures followed by a
    /// quiet `lockDuration`, are forgotten.
    private func current(_ all: [Key: Record], _ key: Key, at time: Date) -> Record? {
        guard let record = all[key] else { return nil }
        if let until = record.lockedUntil { return until > time ? record : nil }
        return time.timeIntervalSince(record.lastFailure) >= limits.lockDuration ? nil : record
    }
}
