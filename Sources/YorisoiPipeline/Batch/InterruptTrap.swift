import Dispatch
import Foundation

/// SIGINT and SIGTERM turned into a `BatchStop` request instead of an immediate death, so the
/// batch finishes the cases it is writing and still writes its manifest.
///
/// The default action is switched off with `signal(SIG_IGN)` first and the signal delivered to a
/// DispatchSource on its own queue (the workers keep the other threads busy). A second signal
/// means "now": the process exits at once with 128 + signal; a PDF being written then is left as
/// a temporary dot-file, never under its final name, and the next batch into OUTDIR removes it.
public final class InterruptTrap {
    private let sources: [any DispatchSourceSignal]

    public init(stop: BatchStop, onFirstSignal: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "yorisoi.batch.signals")
        var sources: [any DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if stop.request(signalNumber: number) {
                    onFirstSignal(number)
                } else {
                    exit(128 + number)
                }
            }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
    }

    /// Puts the default actions back (the batch is over).
    public func release() {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
