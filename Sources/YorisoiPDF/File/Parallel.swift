import Dispatch
import Synchronization

/// The writer's side-by-side work: pages' content streams, faces' subsets and font programs.
/// Each item's bytes depend on that item alone, so the output is the same on any number of threads.
enum Parallel {
    /// `body(0..<count)` on up to `threads` threads, each taking the next index not yet taken
    /// (a fixed share would leave one thread with all the heavy items when they alternate);
    /// the results in index order. With one thread, in order on the caller's.
    static func map<T: Sendable>(_ count: Int, threads: Int,
                                 _ body: @Sendable (Int) -> Result<T, PDFError>) throws(PDFError) -> [T] {
        let threads = min(threads, count)
        guard threads > 1 else { return try (0..<count).map { index throws(PDFError) in try body(index).get() } }
        let results = Mutex([Result<T, PDFError>?](repeating: nil, count: count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let made = body(index)
                results.withLock { $0[index] = made }
            }
        }
        return try results.withLock { $0 }.map { result throws(PDFError) in try result!.get() }
    }
}
