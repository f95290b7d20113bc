internal import CLibDeflate
import Synchronization

/// `/FlateDecode` streams through libdeflate's `libdeflate_zlib_compress`: the RFC 1950 stream the
/// filter expects, written several times faster than zlib's `compress2` at a like ratio. The output
/// depends only on the input, the level and the libdeflate version, so files stay deterministic.
enum Deflate {
    static func compress(_ data: [UInt8], level: Int) throws(PDFError) -> [UInt8] {
        try data.withUnsafeBytes { source in Result { () throws(PDFError) in try compress(source, level: level) } }.get()
    }

    /// The same for the bytes written to `buffer`, without copying them out first.
    static func compress(_ buffer: ByteBuffer, level: Int) throws(PDFError) -> [UInt8] {
        try buffer.withUnsafeBytes { source in Result { () throws(PDFError) in try compress(source, level: level) } }.get()
    }

    private static func compress(_ source: UnsafeRawBufferPointer, level: Int) throws(PDFError) -> [UInt8] {
        let compressor = try DeflateCompressor.take(level: min(max(level, 0), 12))
        defer { DeflateCompressor.give(compressor) }
        return try compressor.compress(source)
    }
}

/// One libdeflate compressor: its state is a few hundred KB, allocated once per level and thread
/// of use rather than per stream (a page's content stream is often smaller than that state).
/// A compressor is not safe to share while it works, so `take` hands it to one caller at a time
/// and `give` puts it back for the next.
final class DeflateCompressor: @unchecked Sendable {
    // Safety: `handle` is used only by the one caller holding the compressor between `take` and
    // `give`; the pool's mutex orders those hand-overs.
    private let handle: OpaquePointer
    let level: Int

    private init(level: Int) throws(PDFError) {
        guard let handle = libdeflate_alloc_compressor(Int32(level)) else {
            throw PDFError.compressionFailed(status: -1)
        }
        self.handle = handle
        self.level = level
    }

    deinit { libdeflate_free_compressor(handle) }

    /// Into an array of libdeflate's bound, left uninitialised past what it writes (zero-filling
    /// the bound first was a pass over memory as large as the input).
    func compress(_ source: UnsafeRawBufferPointer) throws(PDFError) -> [UInt8] {
        let bound = libdeflate_zlib_compress_bound(handle, source.count)
        var written = 0
        let out = [UInt8](unsafeUninitializedCapacity: bound) { target, initialized in
            written = libdeflate_zlib_compress(handle, source.baseAddress, source.count, target.baseAddress, target.count)
            initialized = written
        }
        // 0 means the bound was too small, which libdeflate's own bound rules out.
        guard written > 0 else { throw PDFError.compressionFailed(status: 0) }
        return out
    }

    /// Idle compressors by level; a handful at most (one per thread that deflated at once).
    private static let idle = Mutex<[Int: [DeflateCompressor]]>([:])

    static func take(level: Int) throws(PDFError) -> DeflateCompressor {
        if let ready = idle.withLock({ $0[level]?.popLast() }) { return ready }
        return try DeflateCompressor(level: level)
    }

    static func give(_ compressor: DeflateCompressor) {
        idle.withLock { $0[compressor.level, default: []].append(compressor) }
    }
}
