import Foundation
import YorisoiCase
import YorisoiText

/// A time budget for one piece of rendering work (a batch case, `render`, `packet`): once it has
/// passed, the work's `RenderCancellation` is set, so the layout stops at its next paragraph or
/// block and throws `RenderCancelled` — the thread and the document's memory are freed then,
/// not after the work ran to an end nobody waits for.
public enum RenderBudget {
    public static let defaultSeconds = 60.0

    /// The timers' own serial queue, which Dispatch gives a thread of its own when it needs one:
    /// on a global queue a timer waited for a free worker while the writer's pages held them all.
    private static let timers = DispatchQueue(label: "yorisoi.render-budget")

    /// Runs `work` with a cancellation that a timer sets after `budget`. Worker threads the work
    /// starts (`WorkerPool`) see the same cancellation.
    public static func run<T>(_ budget: Duration, _ work: () throws -> T) throws -> T {
        let cancellation = RenderCancellation()
        let timer = DispatchWorkItem { cancellation.cancel() }
        timers.asyncAfter(deadline: .now() + budget.timeInterval, execute: timer)
        defer { timer.cancel() }
        return try RenderCancellation.$current.withValue(cancellation) { try work() }
    }

    /// The one diagnostic for work stopped by its budget (E037).
    public static func overBudget(_ budget: Duration) -> Diagnostic {
        let seconds = secondsText(budget.timeInterval)
        return Diagnostic(.e037, path: "", at: nil, message: "時間内に作成できなかったため中止しました（上限 \(seconds) 秒）",
                          messageEN: "rendering took longer than \(seconds) s and was stopped")
    }

    static func secondsText(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.3g", seconds)
    }

    /// A budget given in seconds on the command line; nil when it is not a positive finite number.
    public static func duration(seconds: Double) -> Duration? {
        guard seconds > 0, seconds.isFinite, seconds <= 86_400 * 365 else { return nil }
        return .milliseconds(Int64((seconds * 1000).rounded(.up)))
    }
}
