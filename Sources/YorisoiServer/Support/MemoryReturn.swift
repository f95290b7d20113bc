#if canImport(CMalloc)
internal import CMalloc
#endif
import Dispatch
import Synchronization

/// Gives the memory a refused or failed request leaves free back to the system.
///
/// A body refused over the limit (a chunked one is read up to 8 MB first, in a buffer that
/// doubles), a case refused after parsing, or a render cancelled at its timeout frees all it
/// allocated, yet the server stayed about 15 % larger than before (issue #24,
/// `scripts/measure-server-rss`). Two things in glibc's allocator held it:
///
/// - Its thresholds move by themselves: freeing a block it had mapped (the 16 MB body buffer)
///   raises the size below which blocks come from the arenas to that block's size, and the
///   free space an arena keeps at its top to twice that. A worker thread's arena then kept
///   8–10 MB it never used again, and `malloc_trim` does not shrink a thread arena's top.
///   `fixThresholds()` pins both, which also stops them moving.
/// - Freed blocks inside the arenas: `afterFailure()` has `malloc_trim(0)` release their pages.
///
/// A trim walks every arena, so it runs once, shortly after the last failure of a burst, on its
/// own queue: never on an event loop and never in a render's way. Ordinary successful work
/// asks for none; its memory is about to be used again.
public final class MemoryReturn: Sendable {
    /// Time for the failed request's buffers to be released (the connection closing, the
    /// cancelled render unwinding) before the trim looks at the arenas.
    let delay: DispatchTimeInterval
    private let trim: @Sendable () -> Void
    private let scheduled = Mutex(false)
    private let queue = DispatchQueue(label: "yorisoi.memory-return")

    /// - Parameter trim: what a trim does (`malloc_trim(0)`; tests count the calls instead).
    public init(delay: DispatchTimeInterval = .milliseconds(200), trim: @escaping @Sendable () -> Void = MemoryReturn.trim) {
        self.delay = delay
        self.trim = trim
    }

    /// A request or a job has ended in failure: trim soon, once for however many end together.
    /// Returns whether this call scheduled the trim (false: one is already on its way).
    @discardableResult
    public func afterFailure() -> Bool {
        let first = scheduled.withLock { pending -> Bool in
            defer { pending = true }
            return !pending
        }
        guard first else { return false }
        queue.asyncAfter(deadline: .now() + delay) { [self] in
            scheduled.withLock { $0 = false }
            trim()
        }
        return true
    }

    /// Blocks from `mmapThreshold` up (a large body, a packet's PDF) get pages of their own, given
    /// back when freed; an arena gives back free space at its top beyond `trimThreshold`. A plan's
    /// PDF, its font subsets and pages stay below: the renders keep reusing arena memory.
    public static let mmapThreshold: Int32 = 1 << 20
    public static let trimThreshold: Int32 = 1 << 20

    /// Called once by the server's process before it serves (the document commands tune the
    /// allocator the other way: they keep memory for their next document).
    public static func fixThresholds() {
        #if canImport(CMalloc)
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_TRIM_THRESHOLD, trimThreshold)
        #endif
    }

    @Sendable public static func trim() {
        #if canImport(CMalloc)
        _ = malloc_trim(0)
        #endif
    }
}
