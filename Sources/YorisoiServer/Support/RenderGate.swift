import Dispatch
import Foundation
import Synchronization
import Yorisoi

/// Bounds the CPU-heavy work (renders, issues, packets): at most `limit` run at once on their
/// own threads (never the server's event loops); up to `queueLimit` more wait; beyond that the
/// request is refused 503 at once. A job that outlives `timeout` is answered 503 and cancelled:
/// its `RenderCancellation` is set, the layout loop stops at its next paragraph or block, and the
/// slot and the document's memory are freed then — not after the whole render ran on for an
/// answer nobody waits for.
public final class RenderGate: Sendable {
    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    public let limit: Int
    public let queueLimit: Int
    public let timeout: TimeInterval
    /// Trims the allocator after a job that failed or was cancelled (and, through
    /// `ErrorMiddleware`, after any refused request).
    public let memory: MemoryReturn
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "yorisoi.render", attributes: .concurrent)
    /// The timeouts' own serial queue. On the render queue a timer waited for a free worker
    /// thread, and with every one of them held by a packet (its thread waiting for the packet's
    /// own workers) a 1 s timeout fired after 2–4 s, or never before the packet ended.
    private let timers = DispatchQueue(label: "yorisoi.render.timeouts")

    public init(limit: Int, queueLimit: Int, timeout: TimeInterval, memory: MemoryReturn = MemoryReturn()) {
        self.memory = memory
        self.limit = max(1, limit)
        self.queueLimit = max(0, queueLimit)
        self.timeout = timeout
    }

    static let busy: APIError = {
        var error = APIError(.serviceUnavailable, "busy", "混み合っています。しばらくしてからもう一度お試しください",
                             "too many documents in progress; retry later")
        error.headers[.retryAfter] = "5"
        return error
    }()

    static let timedOut = APIError(.serviceUnavailable, "timeout", "時間内に作成できませんでした", "the document took too long")

    /// Runs `work` on a worker thread once a slot is free.
    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await acquire()
        let result = ResultBox<T>()
        let cancellation = RenderCancellation()
        return try await withCheckedThrowingContinuation { continuation in
            result.install(continuation)
            queue.async {
                let outcome = Result { try RenderCancellation.$current.withValue(cancellation) { try work() } }
                self.release()
                // A job that failed, or that outran its time (answered 503 already, even if it
                // got to its end before it saw the cancellation), built its document for nobody.
                let failed = if case .failure = outcome { true } else { false }
                if failed || cancellation.isCancelled { self.memory.afterFailure() }
                result.finish(outcome)
            }
            // Weak: the timer must not keep the box (and once it kept the finished document in
            // it) alive for the rest of the timeout — at 75 renders/s and a 60 s timeout that was
            // 500 MB of PDFs already sent. The cancellation is a flag, kept alive by the job.
            timers.asyncAfter(deadline: .now() + timeout) { [weak result, weak cancellation] in
                cancellation?.cancel()
                result?.finish(.failure(Self.timedOut))
            }
        }
    }

    /// Runs async `work` (a store call that renders inside its transaction) under a slot.
    public func runAsync<T: Sendable>(_ work: @Sendable () async throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        do {
            return try await work()
        } catch {
            memory.afterFailure()
            throw error
        }
    }

    private func acquire() async throws {
        enum Admission { case now, wait, refuse }
        let admission: Admission = state.withLock { state in
            if state.running < limit { state.running += 1; return .now }
            return state.waiting.count < queueLimit ? .wait : .refuse
        }
        switch admission {
        case .now: return
        case .refuse: throw Self.busy
        case .wait:
            await withCheckedContinuation { continuation in
                let admitted: Bool = state.withLock { state in
                    if state.running < limit { state.running += 1; return true }
                    state.waiting.append(continuation)
                    return false
                }
                if admitted { continuation.resume() }
            }
        }
    }

    private func release() {
        let next: CheckedContinuation<Void, Never>? = state.withLock { state in
            // A waiter inherits the slot directly, so `running` stays the same.
            if !state.waiting.isEmpty { return state.waiting.removeFirst() }
            state.running -= 1
            return nil
        }
        next?.resume()
    }
}

/// Resumes a continuation once, with whichever comes first: the result or the timeout.
private final class ResultBox<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        /// A result that came before the continuation was installed; handed over, then dropped.
        var early: Result<T, any Error>?
        var finished = false
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = state.withLock { state in
            if let early = state.early {
                state.early = nil
                return early
            }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    /// The first call wins; the box keeps no result once it has been delivered.
    func finish(_ result: Result<T, any Error>) {
        let continuation: CheckedContinuation<T, any Error>? = state.withLock { state in
            guard !state.finished else { return nil }
            state.finished = true
            guard let continuation = state.continuation else {
                state.early = result
                return nil
            }
            state.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
    }
}
