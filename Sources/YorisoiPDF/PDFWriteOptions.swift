/// Options that trade size for speed; they never change what is drawn.
public struct PDFWriteOptions: Sendable, Hashable {
    /// Deflate level (libdeflate, 0–12) for embedded font programs, which dominate both size and
    /// time. Measured with zlib, before libdeflate, on a
    /// one-page notice (218 BIZ UD glyphs + 𠮷 from IPAmj, release build): level 1 writes the
    /// document in ~3.3 ms / 68.6 KB, level 6 in ~4.5 ms / 65.7 KB (deflating the font is ~1.8 vs
    /// ~3 ms of that; best-of-100 times). Batch rendering wants the speed; pass 6–9 for archives.
    public var fontCompressionLevel: Int
    /// Deflate level for page content, CMaps and the ICC profile (small; compress well).
    public var contentCompressionLevel: Int

    /// Threads that draw and deflate page content (each page on its own, so the bytes do not
    /// depend on it). 1 for documents written side by side in a batch; a packet of hundreds of
    /// pages, written alone, takes every core.
    public var threads: Int

    public init(fontCompressionLevel: Int = 1, contentCompressionLevel: Int = 6, threads: Int = 1) {
        self.fontCompressionLevel = fontCompressionLevel
        self.contentCompressionLevel = contentCompressionLevel
        self.threads = max(1, threads)
    }
}
