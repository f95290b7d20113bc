import Foundation
import Synchronization
import Testing
@testable import YorisoiServer

/// The server gives memory back after refused or failed work (issue #24; the figures come from
/// `scripts/measure-server-rss`, a command): one trim for a burst of failures, none for
/// successful work, and the render gate asks for one when a job fails.
@Suite("MemoryReturn: one trim per burst of failures, none after success")
struct MemoryReturnTests {
    /// Counts trims and lets a test wait for the next one.
    final class Trims: Sendable {
        private let state = Mutex<(count: Int, waiting: [CheckedContinuation<Void, Never>])>((0, []))

        var count: Int { state.withLock { $0.count } }

        func trim() {
            let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.count += 1
                defer { state.waiting = [] }
                return state.waiting
            }
            waiting.forEach { $0.resume() }
        }

        /// Returns once `count` has reached `target`.
        func wait(for target: Int) async {
            while count < target {
                await withCheckedContinuation { continuation in
                    let done = state.withLock { state -> Bool in
                        if state.count >= target { return true }
                        state.waiting.append(continuation)
                        return false
                    }
                    if done { continuation.resume() }
                }
            }
        }
    }

    @Test func aBurstOfFailuresTrimsOnce() async {
        let trims = Trims()
        let memory = MemoryReturn(delay: .milliseconds(50), trim: { trims.trim() })
        #expect(memory.afterFailure())
        for _ in 0..<100 { #expect(!memory.afterFailure()) }        // one trim is already on its way
        await trims.wait(for: 1)
        #expect(trims.count == 1)
        // Once it has run, the next failure schedules a trim of its own.
        #expect(memory.afterFailure())
        await trims.wait(for: 2)
        #expect(trims.count == 2)
    }

    @Test func theGateAsksForATrimWhenAJobFailsAndNotWhenItSucceeds() async throws {
        struct Refused: Error {}
        let trims = Trims()
        let gate = RenderGate(limit: 1, queueLimit: 0, timeout: 3600,
                              memory: MemoryReturn(delay: .milliseconds(10), trim: { trims.trim() }))
        _ = try await gate.run { 42 }
        // No trim was asked for: a failure now is the first of its burst.
        #expect(gate.memory.afterFailure())
        await trims.wait(for: 1)

        await #expect(throws: Refused.self) { try await gate.run { () throws -> Int in throw Refused() } }
        await trims.wait(for: 2)
        #expect(trims.count == 2)
    }

    /// A job answered 503 at its timeout that still gets to its end (it was past its last
    /// cancellation check) has built a whole document for nobody: that, too, asks for a trim.
    /// (A packet of 12 cases × 200 copies left the server at 580 MB instead of 80 MB.)
    @Test func aJobThatEndsAfterItsTimeoutAsksForATrim() async throws {
        let trims = Trims()
        let gate = RenderGate(limit: 1, queueLimit: 0, timeout: 0.1,
                              memory: MemoryReturn(delay: .milliseconds(10), trim: { trims.trim() }))
        let release = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { release.signal() }
        await #expect(throws: APIError.self) { try await gate.run { release.wait(); return 1 } }
        release.signal()                       // the job now ends, successfully, after its 503
        for _ in 0..<1000 where trims.count == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(trims.count == 1)
    }
}
