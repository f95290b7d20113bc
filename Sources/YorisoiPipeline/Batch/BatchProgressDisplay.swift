import Foundation
import Synchronization

/// Progress of a batch on stderr: counts, rate and time left — never an id or a name.
///
/// On a terminal one line is redrawn in place (at most ten times a second); into a file or a
/// pipe (CI logs, cron mail) a plain line is written every tenth of the batch, so logs stay short.
public final class BatchProgressDisplay: Sendable {
    private struct State: Sendable {
        var total = 0
        var done = 0
        var problems = 0
        var started = ContinuousClock.now
        var lastDrawn = ContinuousClock.now
        var nextMilestone = 0
    }

    private let state = Mutex(State())
    private let live: Bool
    private let write: @Sendable (String) -> Void

    /// - Parameter live: redraw in place; by default when stderr is a terminal.
    public init(live: Bool = isatty(STDERR_FILENO) == 1,
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.live = live
        self.write = write
    }

    public func start(total: Int) {
        state.withLock {
            $0.total = total
            $0.started = .now
            $0.nextMilestone = Self.step(total)
        }
    }

    public func caseFinished(_ entry: BatchEntry) {
        let line: String? = state.withLock { state in
            state.done += 1
            if entry.status != .ok { state.problems += 1 }
            let now = ContinuousClock.now
            if live {
                guard state.done == state.total || now - state.lastDrawn >= .milliseconds(100) else { return nil }
                state.lastDrawn = now
                return "\r" + Self.bar(state, now: now) + "\u{1B}[K"
            }
            guard state.done >= state.nextMilestone || state.done == state.total else { return nil }
            state.nextMilestone = state.done + Self.step(state.total)
            return "batch: " + Self.summary(state, now: now) + "\n"
        }
        if let line { write(line) }
    }

    /// Ends the live line so what follows starts on a fresh one.
    public func finish() {
        if live { write("\n") }
    }

    private static func step(_ total: Int) -> Int { max(1, (total + 9) / 10) }

    private static func summary(_ state: State, now: ContinuousClock.Instant) -> String {
        let seconds = max((now - state.started).seconds, 0.001)
        let rate = Double(state.done) / seconds
        let left = rate > 0 ? Double(state.total - state.done) / rate : 0
        let percent = state.total > 0 ? state.done * 100 / state.total : 100
        return String(format: "%d/%d (%d%%) %.1f docs/s, ETA %@, %d not ok",
                      state.done, state.total, percent, rate, clock(left), state.problems)
    }

    private static func bar(_ state: State, now: ContinuousClock.Instant) -> String {
        let width = 24
        let filled = state.total > 0 ? width * state.done / state.total : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + summary(state, now: now)
    }

    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
}
