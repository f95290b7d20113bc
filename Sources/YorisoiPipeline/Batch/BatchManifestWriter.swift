import Foundation
import Synchronization

/// Writes `manifest.json` as a batch goes, so that a batch of any size holds only the cases in
/// flight: each entry is turned into its JSON text as soon as every earlier case is done, and
/// appended to a hidden file in OUTDIR; `finish` writes the head (whose totals are known only
/// then) and copies the cases after it into a second hidden file, renamed onto `manifest.json`.
/// Entries may arrive in any order from the workers; they are written in input order.
final class BatchManifestWriter: Sendable {
    private struct State: Sendable {
        var summary: BatchManifest
        /// Finished entries waiting for an earlier one, by input index.
        var waiting: [Int: BatchEntry] = [:]
        var nextIndex = 0
        var failure: Int32?
    }

    private let state: Mutex<State>
    private let casesFile: URL
    private let descriptor: Int32
    private let destination: URL

    init(destination: URL, kind: String, input: String) throws {
        self.destination = destination
        let folder = destination.deletingLastPathComponent()
        // The sweeper's own name pattern (.<name>.<pid>.<n>.part): a batch killed mid-run leaves
        // a file the next batch removes.
        casesFile = folder.appendingPathComponent(
            ".\(destination.lastPathComponent)-cases.\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max)).part")
        descriptor = open(casesFile.path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw OutputFailure.error(errno, path: folder.path, doing: "manifest.json を書けません", "cannot write manifest.json")
        }
        state = Mutex(State(summary: BatchManifest(kind: kind, input: input, interrupted: false)))
    }

    deinit {
        close(descriptor)
        unlink(casesFile.path)
    }

    /// Records the entry of the case at `index` (0-based, in input order).
    func add(_ entry: BatchEntry, at index: Int) {
        state.withLock { state in
            state.waiting[index] = entry
            var text = ""
            while let next = state.waiting.removeValue(forKey: state.nextIndex) {
                text += BatchManifestJSON.entry(next, first: state.nextIndex == 0)
                state.summary.add(next)
                state.nextIndex += 1
            }
            guard !text.isEmpty, state.failure == nil else { return }
            do { try AtomicFile.writeAll(Array(text.utf8), to: descriptor, path: casesFile.path) } catch {
                state.failure = errno
            }
        }
    }

    /// Writes `manifest.json` (atomically) and returns the summary.
    func finish(interrupted: Bool) throws -> BatchManifest {
        let summary = state.withLock { state in
            state.summary.interrupted = interrupted
            return state.summary
        }
        if let failure = state.withLock({ $0.failure }) {
            throw OutputFailure.error(failure, path: destination.path, doing: "書き込めません", "cannot write")
        }
        try AtomicFile.write(to: destination) { output in
            try AtomicFile.writeAll(Array(BatchManifestJSON.head(summary).utf8), to: output, path: destination.path)
            try copyCases(to: output)
            try AtomicFile.writeAll(Array(BatchManifestJSON.tail(empty: summary.cases == 0).utf8), to: output, path: destination.path)
        }
        // Its entries are in manifest.json now. Removed here, not only in deinit: a worker thread
        // may still hold the writer when the process exits, and Swift runs no deinit at exit (a
        // fresh-clone run found the hidden file left in OUTDIR).
        unlink(casesFile.path)
        return summary
    }

    private func copyCases(to output: Int32) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputFailure.error(errno, path: casesFile.path, doing: "読み取れません", "cannot read")
            }
            if count == 0 { return }
            try AtomicFile.writeAll(Array(buffer[..<count]), to: output, path: destination.path)
            offset += off_t(count)
        }
    }
}
