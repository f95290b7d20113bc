#if canImport(CMalloc)
internal import CMalloc
#endif

/// glibc's allocator hands freed memory back to the system as soon as 128 KB lie free at the top
/// of the heap, and serves each block from 128 KB up (a font subset, a page's content, a whole
/// PDF) with a fresh mmap: a batch then faults the same pages in again and again (keeping them
/// took 50 plans on one core from 1.34 to 1.07 s). Every document command keeps freed memory for its next document instead; the
/// server (yorisoi-server) keeps glibc's defaults, so its memory still shrinks after a burst.
enum MemoryTuning {
    static func keepFreedMemoryForReuse() {
        #if canImport(CMalloc)
        _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
        _ = mallopt(M_MMAP_THRESHOLD, 64 << 20)
        #endif
    }
}
