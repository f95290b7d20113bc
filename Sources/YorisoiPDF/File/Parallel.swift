import Dispatch
import Synchronization
import YorisoiText

/// The writer's side-by-side work: pages' content streams, faces' subsets and font programs.
/// Each item's bytes depend on that item alone, so the output is the same on any number of threads.
enum Parallel {
    /// `body(0..<count)` on up to `threads` threads, each taking the next index not yet taken
    /// (a fixed share would leave one thread with all the heavy items when they alternate);
    /// the results in index order. With one thread, in order on the caller's.
    static func map<T: Sendable>(_ count: Int, threads: Int,
                                 _ body: @Sendable (Int) -> Result<T, PDFError>) throws(PDFError) -> [T] {
        // Work past its time budget stops at the next item, not after a packet's thousands of
        // pages: the caller's cancellation is read here, as the threads below do not inherit it.
        let cancellation = RenderCancellation.current
        let threads = min(threads, count)
        guard threads > 1 else {
            return try (0..<count).map { index throws(PDFError) in
                if cancellation?.isCancelled == true { throw .cancelled }
                return try body(index).get()
            }
        }
        let results = Mutex([Result<T, PDFError>?](repeating: nil, count: count))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let made = cancellation?.isCancelled == true ? .failure(.cancelled) : body(index)
                results.withLock { $0[index] = made }
            }
        }
        return try results.withLock { $0 }.map { result throws(PDFError) in try result!.get() }
    }
}
