/// Options that trade size for speed; they never change what is drawn.
public struct PDFWriteOptions: Sendable, Hashable {
    /// Deflate level (libdeflate, 0–12) for embedded font programs, which dominate both size and
    /// time. Measured with zlib, before libdeflate, on a
    /// one-page notice (218 BIZ UD glyphs + 𠮷 from IPAmj, release build): level 1 writes the
    /// document in ~3.3 ms / 68.6 KB, level 6 in ~4.5 ms / 65.7 KB (deflating the font is ~1.8 vs
    /// ~3 ms of that; best-of-100 times). Batch rendering wants the speed; pass 6–9 for archives.
    public var fontCompressionLevel: Int
    /// Deflate level for page content, object streams (structure elements, page dictionaries)
    /// and CMaps. Measured with libdeflate on the content and object streams of a packet of 200
    /// generated plans (13.4 MB before deflate): level 1 writes them in 52 ms of CPU to 2.77 MB,
    /// level 6 in 176 ms to 2.38 MB. A packet is printed and thrown away, and in a single plan
    /// (three pages) the difference is about a kilobyte beside ~110 KB of fonts: level 1 by
    /// default, like the fonts; pass 6–9 for archives.
    public var contentCompressionLevel: Int

    /// Threads that draw and deflate page content (each page on its own, so the bytes do not
    /// depend on it). 1 for documents written side by side in a batch; a packet of hundreds of
    /// pages, written alone, takes every core.
    public var threads: Int

    public init(fontCompressionLevel: Int = 1, contentCompressionLevel: Int = 1, threads: Int = 1) {
        self.fontCompressionLevel = fontCompressionLevel
        self.contentCompressionLevel = contentCompressionLevel
        self.threads = max(1, threads)
    }
}
