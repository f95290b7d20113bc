import Synchronization
import YorisoiCase

/// Hands out the cases of a batch to the workers, one at a time and in input order.
///
/// Reading and parsing happen here, under the lock, so that "the first case with an id wins" is
/// decided in input order whatever the timing of the workers; parsing a case costs a small
/// fraction of rendering it. Once a stop is requested no further case is handed out.
final class BatchFeeder: Sendable {
    struct Work: Sendable {
        var index: Int
        var item: BatchCursor.Item
        /// The earlier case that already claimed this case's id.
        var duplicateOf: BatchSource?
    }

    private struct State: Sendable {
        var cursor: BatchCursor
        var nextIndex = 0
        var claimed: [String: BatchSource] = [:]
    }

    private let state: Mutex<State>
    private let stop: BatchStop

    init(cursor: BatchCursor, stop: BatchStop) {
        self.state = Mutex(State(cursor: cursor))
        self.stop = stop
    }

    /// The next case to render, or nil when there is none or the batch is stopping.
    func next() -> Work? {
        state.withLock { state in
            guard !stop.isRequested, let item = state.cursor.next(loading: true) else { return nil }
            defer { state.nextIndex += 1 }
            var duplicateOf: BatchSource?
            // Ids that differ only in case (or in composed/decomposed kana) would overwrite
            // each other's PDF on macOS and Windows: the first one wins there too.
            if let id = item.loaded?.typed?.id {
                let key = CaseIDRule.collisionKey(id)
                if let earlier = state.claimed[key] { duplicateOf = earlier } else { state.claimed[key] = item.source }
            }
            return Work(index: state.nextIndex, item: item, duplicateOf: duplicateOf)
        }
    }

    /// The cases never handed out (after a stop), with their sources only, one at a time.
    func forEachRemaining(_ body: (Int, BatchSource) -> Void) {
        state.withLock { state in
            while let item = state.cursor.next(loading: false) {
                body(state.nextIndex, item.source)
                state.nextIndex += 1
            }
        }
    }
}
