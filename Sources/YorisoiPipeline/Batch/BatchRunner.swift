import Foundation
import Synchronization
import YorisoiCase
import YorisoiText

/// Runs a batch: every case of the input rendered on `jobs` threads with one shared `Renderer`
/// (fonts and templates loaded once), each PDF written atomically into OUTDIR, then
/// `manifest.json`. Only the cases being rendered are in memory, never the whole input or the
/// finished PDFs; each case's manifest entry goes to disk as soon as the cases before it are
/// done (`BatchManifestWriter`), so memory does not grow with the number of cases.
public struct BatchRunner: Sendable {
    public static let manifestName = "manifest.json"

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
        // Held until the manifest is written: a second batch into this folder exits 2.
        let lock = try OutputFolderLock.acquire(options.output)
        defer { lock.release() }
        TemporaryFileSweeper.sweep(options.output)
        let manifestFile = options.output.appendingPathComponent(Self.manifestName)
        // With OUTDIR = the input folder, the last run's manifest.json is not a case.
        let input = given.excluding(manifestFile)
        // Until this run finishes, the manifest says so and claims nothing: a run killed with
        // -9 must not leave the previous run's manifest listing PDFs this run has replaced or
        // removed.
        let unstarted = try BatchManifestWriter(destination: manifestFile, kind: options.kind.rawValue, input: input.displayName)
        var cursor = input.cursor()
        var total = 0
        while let item = cursor.next(loading: false) {
            unstarted.add(BatchEntry(id: nil, source: item.source, status: .notDone), at: total)
            total += 1
        }
        _ = try unstarted.finish(interrupted: true)
        started(total)

        let feeder = BatchFeeder(cursor: input.cursor(), stop: stop)
        let writer = try BatchManifestWriter(destination: manifestFile, kind: options.kind.rawValue, input: input.displayName)
        let caseWriter = BatchCaseWriter(renderer: renderer, options: options)
        let work: @Sendable () -> Void = {
            while let next = feeder.next() {
                let entry = caseWriter.process(next.item, duplicateOf: next.duplicateOf)
                writer.add(entry, at: next.index)
                finished(entry)
            }
        }
        // No more threads than cases: the rest would only start and stop.
        WorkerPool.run(threads: min(options.jobs, max(1, total)), name: "yorisoi.batch") { _ in work() }

        feeder.forEachRemaining { index, source in
            writer.add(BatchEntry(id: nil, source: source, status: .notDone), at: index)
        }
        let manifest = try writer.finish(interrupted: stop.isRequested)
        return manifest
    }
}
