/// Every page's content stream, drawn and deflated. Pages do not depend on each other, so with
/// `options.threads` > 1 they are made side by side; each page's bytes are the same either way.
enum PageContents {
    static func deflated(_ pages: [PDFPage], fonts: [EmbeddedFont], registry: FontRegistry,
                         options: PDFWriteOptions) throws(PDFError) -> [[UInt8]] {
        let level = options.contentCompressionLevel
        let fontIndex = registry.indices
        return try Parallel.map(pages.count, threads: options.threads) { index in
            let renderer = PageRenderer(page: pages[index]) { run in fonts[fontIndex[ObjectIdentifier(run.face)]!] }
            return Result { () throws(PDFError) in try Deflate.compress(renderer.render(), level: level) }
        }
    }
}
