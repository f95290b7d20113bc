import Foundation
import Synchronization
import YorisoiText

/// The one way work runs in parallel here (batch cases, packet documents): `count` threads of
/// our own, each with an explicit 8 MiB stack like the main thread's, because layout recurses
/// through the box tree and Dispatch's worker threads have smaller stacks. Threads rather than
/// `concurrentPerform`, which also caps parallelism at the core count whatever `--jobs` says.
enum WorkerPool {
    static let stackSize = 8 << 20

    /// Runs `body(worker)` on `count` threads and waits for all of them.
    static func run(threads count: Int, name: String, _ body: @escaping @Sendable (Int) -> Void) {
        let group = DispatchGroup()
        // The caller's cancellation (a server render over its budget) reaches every thread.
        let cancellation = RenderCancellation.current
        for index in 0..<max(1, count) {
            group.enter()
            let thread = Thread {
                RenderCancellation.$current.withValue(cancellation) { body(index) }
                group.leave()
            }
            thread.name = "\(name).\(index)"
            thread.stackSize = stackSize
            thread.start()
        }
        group.wait()
    }

    /// `body(0..<count)` on up to `threads` threads; the results in index order.
    static func map<T: Sendable>(_ count: Int, threads: Int, name: String,
                                 _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let state = MapState<T>()
        run(threads: min(threads, max(1, count)), name: name) { _ in
            while true {
                let index = state.next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let result = body(index)
                state.results.withLock { $0[index] = result }
            }
        }
        let finished = state.results.withLock { $0 }
        return (0..<count).map { finished[$0]! }
    }

    private final class MapState<T: Sendable>: Sendable {
        let next = Atomic<Int>(0)
        let results = Mutex<[Int: T]>([:])
    }
}
