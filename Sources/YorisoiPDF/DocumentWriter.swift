import YorisoiDigest

extension PDFDocument {
    /// Writes the whole document as PDF/A-2b bytes. Same document and options → same bytes.
    /// Throws before producing anything if the display list cannot be written faithfully
    /// (e.g. a .notdef glyph), so a caller never gets a half-right file.
    public func write(options: PDFWriteOptions = PDFWriteOptions()) throws(PDFError) -> [UInt8] {
        try DocumentWriter(document: self, options: options).write()
    }

    /// `write(options:)` and the SHA-256 of the bytes, found in the same pass as the file /ID.
    public func writeDigested(options: PDFWriteOptions = PDFWriteOptions()) throws(PDFError)
        -> (bytes: [UInt8], sha256: [UInt8]) {
        try DocumentWriter(document: self, options: options).writeDigested()
    }
}

/// Orchestrates the passes: validate and collect glyphs → subset each face once → allocate object
/// numbers → write pages, fonts, navigation, metadata → hash → XMP → xref/trailer.
struct DocumentWriter {
    let document: PDFDocument
    let options: PDFWriteOptions

    func write() throws(PDFError) -> [UInt8] {
        try writeDigested().bytes
    }

    /// The file and its SHA-256.
    func writeDigested() throws(PDFError) -> (bytes: [UInt8], sha256: [UInt8]) {
        guard !document.pages.isEmpty else { throw PDFError.noPages }
        let (registry, fontsPerPage) = try collectFonts()
        try PageLabels.validate(document.pageLabels, pageCount: document.pages.count)

        // The whole document shares one subset per face, so subsetting waits for the last page.
        // Faces are subset side by side (a packet's faces hold thousands of glyphs each).
        let usages = registry.usages.map(\.gathered)
        let fonts = try Parallel.map(usages.count, threads: options.threads) { index in
            Result { () throws(PDFError) in try EmbeddedFont(usages[index], fontCompressionLevel: options.fontCompressionLevel) }
        }

        var allocator = RefAllocator()
        let catalog = allocator.bump()
        let pageTree = allocator.bump()
        let pageRefs = document.pages.map { _ in (page: allocator.bump(), content: allocator.bump()) }
        let fontRefs = fonts.map { _ in CIDFontObjects(allocator: &allocator) }
        let info = allocator.bump()
        let outputIntent = allocator.bump()
        let iccProfile = allocator.bump()
        let metadata = allocator.bump()

        let chunk = Chunk()
        // Dictionaries nobody needs before finding the object streams — page objects, structure
        // elements, outline items — are packed (`ObjectStreams`); streams and the catalog stay plain.
        let packed = ObjectStreams()

        // Pages.
        chunk.indirect(pageTree) { obj in
            obj.dict { dict in
                dict.name("Type", "Pages")
                dict.key("Kids").array { kids in for refs in pageRefs { kids.ref(refs.page) } }
                dict.int("Count", pageRefs.count)
            }
        }
        // Every document is tagged (PDF/UA-1): one without a structure of its own gets the
        // fallback's (a paragraph per line).
        let (pages, tree) = document.structure.map { (document.pages, $0) } ?? StructureTree.fallback(for: document.pages)
        let contents = try PageContents.deflated(pages, fonts: fonts, registry: registry,
                                                 marking: ContentMarking(tree: tree), options: options)
        for (index, page) in pages.enumerated() {
            let refs = pageRefs[index]
            packed.add(refs.page) { obj in
                obj.dict { dict in
                    dict.name("Type", "Page")
                    dict.ref("Parent", pageTree)
                    dict.key("MediaBox").array { box in
                        box.int(0); box.int(0); box.real(page.size.width); box.real(page.size.height)
                    }
                    dict.key("Resources").dict { resources in
                        let used = fontsPerPage[index]
                        guard !used.isEmpty else { return }
                        resources.key("Font").dict { fontDict in
                            for fontIndex in used {
                                fontDict.ref(fonts[fontIndex].resourceName, fontRefs[fontIndex].type0)
                            }
                        }
                    }
                    dict.ref("Contents", refs.content)
                    dict.int("StructParents", index)
                    // Tab order follows the structure (PDF/UA-1 §7.18.3; needed once a page has
                    // annotations, written always so it holds when one is added).
                    dict.name("Tabs", "S")
                }
            }
            chunk.stream(refs.content, data: contents[index].bytes, filter: .flate)
        }
        let structTreeRoot = try StructureTreeWriter(tree: tree, marked: contents.map(\.marked),
                                                     pageRefs: pageRefs.map(\.page))
            .write(to: packed, allocator: &allocator, threads: options.threads)

        // Fonts.
        let streams = try Parallel.map(fonts.count, threads: options.threads) { index in
            Result { () throws(PDFError) in try CIDFontObjects.Streams(fonts[index], options: options) }
        }
        for (index, refs) in fontRefs.enumerated() {
            refs.write(fonts[index], streams: streams[index], to: chunk)
        }

        // Navigation.
        let outline = try OutlineWriter(items: document.outline, pageRefs: pageRefs.map(\.page),
                                        pageHeights: document.pages.map(\.size.height))
            .write(to: packed, allocator: &allocator)
        try packed.write(to: chunk, allocator: &allocator, options: options)

        // Colour and metadata.
        try OutputIntent.write(intent: outputIntent, profile: iccProfile, to: chunk)
        InfoDictionary.write(document.info, ref: info, to: chunk)

        chunk.indirect(catalog) { obj in
            obj.dict { dict in
                dict.name("Type", "Catalog")
                dict.ref("Pages", pageTree)
                dict.ref("Metadata", metadata)
                dict.key("OutputIntents").array { $0.ref(outputIntent) }
                dict.key("Lang").textString(document.language)
                dict.key("MarkInfo").dict { $0.key("Marked").bool(true) }
                dict.ref("StructTreeRoot", structTreeRoot)
                if !document.pageLabels.isEmpty { PageLabels.write(document.pageLabels, to: dict) }
                if let outline {
                    dict.ref("Outlines", outline)
                    dict.name("PageMode", "UseOutlines")
                }
                if document.info.title != nil {
                    dict.key("ViewerPreferences").dict { $0.key("DisplayDocTitle").bool(true) }
                }
            }
        }

        // The file ID is a digest of everything written so far (the header, all content, fonts
        // and /Info); the XMP packet, which must quote that ID, is the one object written after
        // it. The file's own digest goes on from there over the rest.
        let digest = SHA256Stream()
        digest.update(FileWriter.header)
        let digested = chunk.buffer.count
        chunk.buffer.withUnsafeBytes { digest.update($0) }
        let id = DocumentHash.fileID(digest)
        let packet = XMPMetadata.packet(info: document.info, language: document.language,
                                        documentID: DocumentHash.uuid(id))
        chunk.stream(metadata, data: packet) { dict in
            dict.name("Type", "Metadata")
            dict.name("Subtype", "XML")
        }

        let file = try FileWriter.write(chunk, trailer: .init(root: catalog, info: info, id: id))
        file.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[(FileWriter.header.count + digested)...])) }
        return (file, digest.digestSoFar())
    }

    /// Validates the display list and records every glyph per face.
    /// Returns the registry and, per page, the indices of the faces it uses (in first-use order).
    ///
    /// With more than one thread the pages are scanned in runs side by side and the runs merged
    /// in page order, which gives the same registry (faces in order of first use, the first
    /// ToUnicode text per glyph) and throws the same first error as one pass over the pages.
    private func collectFonts() throws(PDFError) -> (FontRegistry, [[Int]]) {
        let pages = document.pages
        let runs = options.threads > 1 ? min(pages.count, options.threads * 4) : 1
        let bounds = (0...runs).map { $0 * pages.count / runs }
        let scans = try Parallel.map(runs, threads: options.threads) { run in
            Result { () throws(PDFError) in try PageScan(pages: pages, range: bounds[run]..<bounds[run + 1]) }
        }
        var registry = FontRegistry()
        var fontsPerPage: [[Int]] = []
        fontsPerPage.reserveCapacity(pages.count)
        for scan in scans {
            let index = scan.faces.map { registry.absorb($0) }
            fontsPerPage += scan.fontsPerPage.map { $0.map { index[$0] } }
        }
        return (registry, fontsPerPage)
    }
}

/// One pass over a run of pages: each checked for what PDF cannot hold (non-finite numbers,
/// .notdef, sizes), and every glyph recorded per face.
struct PageScan: Sendable {
    /// The faces in order of first use in the run, with what the run uses of each.
    let faces: [FontUsage.Scanned]
    /// Per page, the indices into `faces` of those it uses, in first-use order.
    let fontsPerPage: [[Int]]

    init(pages: [PDFPage], range: Range<Int>) throws(PDFError) {
        var usages: [FontUsage] = []
        var indexByFace: [ObjectIdentifier: Int] = [:]
        var fontsPerPage: [[Int]] = []
        for pageIndex in range {
            let page = pages[pageIndex]
            guard Self.finite(page.size.width, page.size.height), page.size.width > 0, page.size.height > 0 else {
                throw PDFError.invalidPageSize(pageIndex: pageIndex)
            }
            var used: [Int] = []
            for (itemIndex, item) in page.items.enumerated() {
                let nonFinite = PDFError.nonFiniteNumber(pageIndex: pageIndex, itemIndex: itemIndex)
                switch item {
                case .glyphRun(let run):
                    guard Self.finite(run.fontSize, run.origin.x, run.origin.y), Self.finite(run.color) else { throw nonFinite }
                    guard run.fontSize > 0 else {
                        throw PDFError.invalidFontSize(pageIndex: pageIndex, itemIndex: itemIndex)
                    }
                    guard !run.glyphs.isEmpty else { continue }
                    let index: Int
                    if let known = indexByFace[ObjectIdentifier(run.face)] {
                        index = known
                    } else {
                        index = usages.count
                        indexByFace[ObjectIdentifier(run.face)] = index
                        usages.append(FontUsage(face: run.face, resourceName: ""))
                    }
                    let usage = usages[index]
                    for (glyphIndex, glyph) in run.glyphs.enumerated() {
                        // PDF/A forbids referencing .notdef, and drawing it would silently print a
                        // box (or nothing) where the family's name should be.
                        guard glyph.glyphID != 0 else {
                            throw PDFError.notdefGlyph(pageIndex: pageIndex, itemIndex: itemIndex,
                                                       glyphIndex: glyphIndex, font: run.face.postScriptName)
                        }
                        guard Self.finite(glyph.x, glyph.y) else { throw nonFinite }
                        usage.record(glyph)
                    }
                    if !used.contains(index) { used.append(index) }
                case .line(let from, let to, let stroke):
                    guard Self.finite(from.x, from.y, to.x, to.y), Self.finite(stroke) else { throw nonFinite }
                case .rectangle(let rect, let stroke, let fill):
                    guard Self.finite(rect.origin.x, rect.origin.y, rect.size.width, rect.size.height),
                          stroke.map(Self.finite) ?? true, fill.map(Self.finite) ?? true else { throw nonFinite }
                case .path(let path, let stroke, let fill):
                    for element in path.elements {
                        let ok = switch element {
                        case .move(let p), .line(let p): Self.finite(p.x, p.y)
                        case .curve(let p, let c1, let c2): Self.finite(p.x, p.y, c1.x, c1.y, c2.x, c2.y)
                        case .close: true
                        }
                        guard ok else { throw nonFinite }
                    }
                    guard stroke.map(Self.finite) ?? true, fill.map(Self.finite) ?? true else { throw nonFinite }
                }
            }
            fontsPerPage.append(used)
        }
        faces = usages.map(\.scanned)
        self.fontsPerPage = fontsPerPage
    }

    /// One overload per count of `Double`s the checks pass: a variadic call allocated an array
    /// each time, and a generic parameter pack was not specialised (a witness-table call per
    /// value; this runs for every glyph of the document).
    private static func finite(_ a: Double) -> Bool { a.isFinite }
    private static func finite(_ a: Double, _ b: Double) -> Bool { a.isFinite && b.isFinite }
    private static func finite(_ a: Double, _ b: Double, _ c: Double) -> Bool { a.isFinite && b.isFinite && c.isFinite }
    private static func finite(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Bool {
        a.isFinite && b.isFinite && c.isFinite && d.isFinite
    }
    private static func finite(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) -> Bool {
        finite(a, b, c) && finite(d, e, f)
    }

    private static func finite(_ color: Color) -> Bool {
        switch color {
        case .gray(let g): g.isFinite
        case .rgb(let r, let g, let b): finite(r, g, b)
        }
    }

    private static func finite(_ stroke: StrokeStyle) -> Bool {
        finite(stroke.lineWidth) && finite(stroke.color)
            && (stroke.dash.map { $0.lengths.allSatisfy(\.isFinite) && $0.phase.isFinite } ?? true)
    }
}
