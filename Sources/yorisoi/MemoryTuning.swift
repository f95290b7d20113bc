#if canImport(CMalloc)
internal import CMalloc
#endif
#if canImport(CMimalloc)
internal import CMimalloc
#endif

/// The document commands allocate through mimalloc (Debian `libmimalloc-dev`), linked into this
/// executable ahead of libc so that it serves every malloc of the process — the Swift runtime's,
/// HarfBuzz's, libxml2's. A 200-case packet's two workers make millions of small blocks, and
/// glibc's arenas took about 6% of its time (4% of a 50-plan batch on one core); mimalloc keeps
/// freed memory in per-thread pages for the next document, which is also what the settings
/// below ask of glibc where mimalloc is not linked.
///
/// glibc's allocator hands freed memory back to the system as soon as 128 KB lie free at the top
/// of the heap, and serves each block from 128 KB up (a font subset, a page's content, a whole
/// PDF) with a fresh mmap: a batch then faults the same pages in again and again (keeping them
/// took 50 plans on one core from 1.34 to 1.07 s). The server (yorisoi-server) links neither and
/// keeps glibc's defaults, so its memory still shrinks after a burst.
enum MemoryTuning {
    static func keepFreedMemoryForReuse() {
        #if canImport(CMalloc)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        #endif
    }

    /// "mimalloc 2.0.9" when mimalloc serves this process's allocations (`yorisoi bench` says).
    static var allocator: String {
        #if canImport(CMimalloc)
        let version = Int(mi_version())
        return "mimalloc \(version / 100).\(version / 10 % 10).\(version % 10)"
        #else
        return "glibc"
        #endif
    }
}
