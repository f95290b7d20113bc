import Foundation
import Synchronization
import Testing
import Yorisoi
@testable import YorisoiServer

@Suite("RenderGate: slots, queue, timeout, and nothing kept once answered")
struct RenderGateTests {
    final class Payload: Sendable {}

    /// A finished job's result (a whole PDF on the server) must go when its request is answered,
    /// not linger in the timeout's timer until the timeout passes: that was 110 KB per render, and
    /// RSS grew from 200 MB to 700 MB over 10,000 requests.
    @Test func aFinishedResultIsNotKeptUntilTheTimeout() async throws {
        let gate = RenderGate(limit: 2, queueLimit: 2, timeout: 3600)
        weak var kept: Payload?
        do {
            let payload = try await gate.run { Payload() }
            kept = payload
        }
        // The worker thread lets go of its copy just after answering; give it a moment.
        for _ in 0..<500 where kept != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(kept == nil)
    }

    @Test func aJobPastItsTimeoutIsAnswered503AndTheSlotComesBack() async throws {
        let gate = RenderGate(limit: 1, queueLimit: 0, timeout: 0.2)
        // The job cannot end before the test has seen the timeout: it waits to be let go, so a
        // loaded machine that fires the timer late still sees the 503 first (once it slept 1 s
        // and, under a parallel build, beat a timer that was due after 0.2 s). Should the timer
        // never fire, the job is let go after a while and the expectation fails instead of hanging.
        let release = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 30) { release.signal() }
        await #expect(throws: APIError.self) {
            try await gate.run { release.wait(); return 1 }
        }
        release.signal()
        // The slow job still holds the only slot until it ends; then a new one runs.
        for _ in 0..<3000 {
            if let value = try? await gate.run({ 2 }) { #expect(value == 2); return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the slot never came back")
    }

    /// The work past its budget is cancelled, not left to run on: a job that would take a
    /// minute but checks `RenderCancellation` (as the layout loop does between paragraphs and
    /// blocks) ends once the 503 is given, and its slot comes back long before its minute.
    @Test func aJobPastItsTimeoutIsCancelledAndEndsItself() async throws {
        let gate = RenderGate(limit: 1, queueLimit: 0, timeout: 0.2)
        let ended = Atomic<Bool>(false)
        await #expect(throws: APIError.self) {
            try await gate.run {
                defer { ended.store(true, ordering: .relaxed) }
                let deadline = Date().addingTimeInterval(60)
                while Date() < deadline {
                    try RenderCancellation.check()
                    usleep(1_000)
                }
                return 1
            }
        }
        for _ in 0..<3000 {
            if let value = try? await gate.run({ 2 }) {
                let jobEnded = ended.load(ordering: .relaxed)
                #expect(value == 2)
                #expect(jobEnded)
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the cancelled job kept its slot")
    }

    /// The timeout is answered even when no worker thread is free to run it: Dispatch's pool
    /// held by busy work (a packet's thread waits for its own workers while they run) once
    /// delayed a 1 s timeout by 2–4 s, because the timer waited in the render queue. Spinning
    /// work fills the pool for a second; the job cannot end before it has; the 503 must come first.
    @Test func theTimeoutIsAnsweredWhileEveryPoolThreadIsBusy() async throws {
        let gate = RenderGate(limit: 1, queueLimit: 0, timeout: 0.1)
        let busyUntil = Date().addingTimeInterval(1)
        for _ in 0..<max(4, 2 * ProcessInfo.processInfo.activeProcessorCount) {
            DispatchQueue.global().async { while Date() < busyUntil {} }
        }
        do {
            _ = try await gate.run { () -> Int in
                while Date() < busyUntil { usleep(1_000) }
                return 1
            }
            Issue.record("the job's result came before its timeout was answered")
        } catch let error as APIError {
            #expect(error.code == "timeout")
        }
    }

    @Test func beyondTheQueueTheGateRefusesAtOnce() async throws {
        let gate = RenderGate(limit: 1, queueLimit: 0, timeout: 60)
        // The slow job says when it holds the slot and waits to be let go, so the test does not
        // depend on how fast a loaded machine starts it.
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        async let slow: Int = gate.run { started.signal(); release.wait(); return 1 }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { started.wait(); done.resume() }
        }
        // Should the gate queue the job instead of refusing it, the slow one is let go after a
        // while, and the expectation below fails instead of hanging.
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) { release.signal() }
        await #expect(throws: APIError.self) { try await gate.run { 2 } }
        release.signal()
        #expect(try await slow == 1)
    }
}
