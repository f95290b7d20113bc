import Synchronization

/// The request to stop a batch: set once (by a signal handler or a caller), read by every
/// worker before it starts another case. Cases already started run to the end.
public final class BatchStop: Sendable {
    private let signal = Atomic<Int32>(0)

    public init() {}

    /// Asks the batch to stop; `signalNumber` decides the exit status (128 + signal).
    /// Returns false when a stop had already been asked for.
    @discardableResult
    public func request(signalNumber: Int32) -> Bool {
        signal.compareExchange(expected: 0, desired: signalNumber, ordering: .sequentiallyConsistent).exchanged
    }

    public var isRequested: Bool { signal.load(ordering: .sequentiallyConsistent) != 0 }
    /// The signal that stopped the batch, 0 when none did.
    public var signalNumber: Int32 { signal.load(ordering: .sequentiallyConsistent) }
}
