import Synchronization

/// A render's "stop now", set from outside (the server's time budget) and checked by the work
/// itself between paragraphs and blocks: a render past its budget ends within one paragraph's
/// time and frees its slot and memory, instead of running on after its answer was given up.
///
/// The flag travels as a task-local value (bound on the thread that runs the render, outside any
/// task too), so no signature between the server and the layout loop changes; the pipeline's
/// worker threads bind it again for the documents they lay out.
public final class RenderCancellation: Sendable {
    @TaskLocal public static var current: RenderCancellation?

    private let cancelled = Atomic<Bool>(false)

    public init() {}

    public func cancel() { cancelled.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Throws `RenderCancelled` when the current render has been cancelled.
    public static func check() throws(RenderCancelled) {
        if let current, current.isCancelled { throw RenderCancelled() }
    }
}

/// A render stopped by `RenderCancellation`: its result is no longer wanted.
public struct RenderCancelled: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "render cancelled (over its time budget)" }
}
