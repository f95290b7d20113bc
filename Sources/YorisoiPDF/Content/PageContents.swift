/// Every page's content stream, drawn and deflated. Pages do not depend on each other, so with
/// `options.threads` > 1 they are made side by side; each page's bytes are the same either way.
enum PageContents {
    /// Per page, the deflated stream and, per MCID, the structure element it marks.
    static func deflated(_ pages: [PDFPage], fonts: [EmbeddedFont], registry: FontRegistry, marking: ContentMarking,
                         options: PDFWriteOptions) throws(PDFError) -> [(bytes: [UInt8], marked: [StructureRef])] {
        let level = options.contentCompressionLevel
        let fontIndex = registry.indices
        return try Parallel.map(pages.count, threads: options.threads) { index in
            let renderer = PageRenderer(page: pages[index], fontFor: { run in fonts[fontIndex[ObjectIdentifier(run.face)]!] },
                                        marking: marking)
            // Deflated from the stream's own buffer: `bytes` would copy every page first.
            let (content, marked) = renderer.draw()
            return Result { () throws(PDFError) in (try Deflate.compress(content.buffer, level: level), marked) }
        }
    }
}
