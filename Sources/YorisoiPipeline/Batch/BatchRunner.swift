import Foundation
import Synchronization
import YorisoiCase
import YorisoiText

/// Runs a batch: every case of the input rendered on `jobs` threads with one shared `Renderer`
/// (fonts and templates loaded once), each PDF written atomically into OUTDIR, then
/// `manifest.json`. Only the cases being rendered are in memory, never the whole input or the
/// finished PDFs; what is kept per case is its manifest entry.
public struct BatchRunner: Sendable {
    public let renderer: Renderer
    public let options: BatchOptions

    public init(renderer: Renderer, options: BatchOptions) {
        self.renderer = renderer
        self.options = options
    }

    /// - Parameters:
    ///   - stop: checked before each case is started; set by signals or by the caller.
    ///   - started: called once with the number of cases, before the first is rendered.
    ///   - finished: called after each case (from the worker threads).
    public func run(_ given: BatchInput, stop: BatchStop = BatchStop(),
                    started: @Sendable (Int) -> Void = { _ in },
                    finished: @escaping @Sendable (BatchEntry) -> Void = { _ in }) throws -> BatchManifest {
        do {
            try FileManager.default.createDirectory(at: options.output, withIntermediateDirectories: true)
        } catch {
            throw PipelineError.configuration("\(options.output.path): 出力フォルダを作れません (cannot create OUTDIR)")
        }
        TemporaryFileSweeper.sweep(options.output)
        let manifestFile = options.output.appendingPathComponent("manifest.json")
        // With OUTDIR = the input folder, the last run's manifest.json is not a case.
        let input = given.excluding(manifestFile)
        // Until this run finishes, the manifest says so and claims nothing: a run killed with
        // -9 must not leave the previous run's manifest listing PDFs this run has replaced or
        // removed.
        var unstarted: [BatchEntry] = []
        var cursor = input.cursor()
        while let item = cursor.next(loading: false) {
            unstarted.append(BatchEntry(id: nil, source: item.source, status: .notDone))
        }
        let total = unstarted.count
        if total > FontFace.plainSubsetsBeforePreparing { renderer.fonts.expectManyDocuments() }
        try AtomicFile.write(Array(BatchManifest(kind: options.kind.rawValue, input: input.displayName, interrupted: true,
                                                 entries: unstarted).json().utf8), to: manifestFile)
        unstarted = []
        started(total)

        let feeder = BatchFeeder(cursor: input.cursor(), stop: stop)
        let results = Mutex<[Int: BatchEntry]>([:])
        let writer = BatchCaseWriter(renderer: renderer, options: options)
        let work: @Sendable () -> Void = {
            while let next = feeder.next() {
                let entry = writer.process(next.item, duplicateOf: next.duplicateOf)
                results.withLock { $0[next.index] = entry }
                finished(entry)
            }
        }
        // No more threads than cases: the rest would only start and stop.
        WorkerPool.run(threads: min(options.jobs, max(1, total)), name: "yorisoi.batch") { _ in work() }

        var entries = results.withLock { $0 }
        for (index, source) in feeder.remaining() {
            entries[index] = BatchEntry(id: nil, source: source, status: .notDone)
        }
        let manifest = BatchManifest(kind: options.kind.rawValue, input: input.displayName, interrupted: stop.isRequested,
                                     entries: entries.keys.sorted().compactMap { entries[$0] })
        try AtomicFile.write(Array(manifest.json().utf8), to: manifestFile)
        return manifest
    }
}
