import Dispatch
import Synchronization

/// Every page's content stream, drawn and deflated. Pages do not depend on each other, so with
/// `options.threads` > 1 they are made side by side; each page's bytes are the same either way.
enum PageContents {
    static func deflated(_ pages: [PDFPage], fonts: [EmbeddedFont], registry: FontRegistry,
                         options: PDFWriteOptions) throws(PDFError) -> [[UInt8]] {
        let level = options.contentCompressionLevel
        let fontIndex = registry.indices
        @Sendable func content(_ index: Int) -> Result<[UInt8], PDFError> {
            let renderer = PageRenderer(page: pages[index]) { run in fonts[fontIndex[ObjectIdentifier(run.face)]!] }
            return Result { () throws(PDFError) in try Deflate.compress(renderer.render(), level: level) }
        }
        let threads = min(options.threads, pages.count)
        guard threads > 1 else { return try pages.indices.map { index throws(PDFError) in try content(index).get() } }

        let results = Mutex([Result<[UInt8], PDFError>?](repeating: nil, count: pages.count))
        // Each worker takes the next page not yet taken. A fixed share (pages k, k + threads, …)
        // left one worker with all the heavy first pages of a packet's two-page plans.
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < pages.count else { return }
                let made = content(index)
                results.withLock { $0[index] = made }
            }
        }
        return try results.withLock { $0 }.map { result throws(PDFError) in try result!.get() }
    }
}
