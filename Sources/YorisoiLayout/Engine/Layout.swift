import YorisoiDisplayList
import YorisoiText

/// The layout engine: box tree in, display-list pages out.
public enum Layout {
    /// Lays out `document`. Two passes: the body is paginated first; headers and footers are set
    /// afterwards, when the page count they may show is known. Deterministic: the same document
    /// gives the same pages.
    /// - Parameter paragraphs: paragraphs laid out by an earlier run of much the same content (a
    ///   packet's 進行管理表, estimated and then set); this run takes what it can from there and
    ///   adds what it lays out. (A document's own run keeps none: within one run few paragraphs
    ///   come again the same — trials set them at other sizes — and keeping every one cost more
    ///   than the repeats saved.)
    public static func run(_ document: LayoutDocument, paragraphs: ParagraphMemo? = nil) throws -> LayoutResult {
        let context = LayoutContext(defaultStyle: document.defaultStyle, paragraphs: paragraphs)
        var setup = document.page
        setup.margins = setup.safeMargins
        setup.margins.top = max(setup.margins.top, document.reservedTop)
        var document = document
        // Structure first, from the template's order; layout only stamps its references.
        let structure: StructureTree
        (document.body, structure) = StructureBuilder.build(document.body, defaultSize: document.defaultStyle.size)
        if var header = document.header {
            header.offset = max(header.offset, document.reservedTop)
            document.header = header
        }
        let regions = PageRegionSetter(setup: setup, context: context, pageNumbers: document.pageNumbers)
        let area = try regions.bodyArea(header: document.header, footer: document.footer)

        let mark = context.diagnosticsMark
        var paginator = try paginate(document.body, scale: 1, setup: setup, area: area, context: context)
        if document.takesBackSpillOver,
           let (scale, tighter) = try tighterPages(for: document.body, after: paginator, since: mark, setup: setup,
                                                   area: area, context: context) {
            paginator = tighter
            if scale < 1 {
                context.report(.shrunk(fromSize: document.defaultStyle.size, toSize: document.defaultStyle.size * scale),
                               .note, sourcePath: nil)
            }
        }
        var contents = paginator.pages

        let count = contents.count
        for index in contents.indices {
            context.pageNumbers = (index + 1, count)
            defer { context.pageNumbers = nil }
            if let header = document.header, header.isShown(pageCount: count) {
                try regions.place(header, isHeader: true, on: &contents[index], pageIndex: index)
            }
            if let footer = document.footer, footer.isShown(pageCount: count) {
                try regions.place(footer, isHeader: false, on: &contents[index], pageIndex: index)
            }
        }

        let size = Size(width: setup.width, height: setup.height)
        return LayoutResult(pages: contents.map { PDFPage(size: size, items: $0.items) },
                            diagnostics: context.diagnostics,
                            uncovered: context.uncovered,
                            boxes: contents.flatMap(\.boxes),
                            outline: Outline.build(contents),
                            title: document.title,
                            structure: structure)
    }

    private static func paginate(_ body: [Block], scale: Double, setup: PageSetup, area: BodyArea,
                                 context: LayoutContext) throws -> Paginator {
        let setter = BlockSetter(context: context, scale: scale)
        var paginator = Paginator(setup: setup, context: context, area: area)
        paginator.place(try body.map { block in
            try RenderCancellation.check()
            return try setter.flow(block, width: setup.contentWidth)
        })
        return paginator
    }

    /// A section's last page holds less than this share of the body's height: a spill-over.
    static let sparseLastPage = 0.35
    /// Text may be set this much smaller, in steps, to take a spill-over back.
    static let spillOverScales: [Double] = [0.97, 0.94, 0.91]

    /// A form that spills a few lines or rows onto an otherwise empty last page is set slightly
    /// smaller when that takes the spill-over back: the scale and its pages, or nil to keep the
    /// pages at full size.
    ///
    /// The first trial in order that takes a page back wins. Without blank rows the trials are
    /// one text size after another, each smaller than the last, so once one takes the page back
    /// every later one does too: the winner is then found by bisection, two layouts for the three
    /// sizes instead of up to three (in 50 generated plans, 64 layouts instead of 77 — most
    /// spill-overs are taken back only at the smallest size). With blank rows the order is not
    /// like that (fewer rows at full size, then all rows at a smaller size), so the trials are
    /// tried one by one.
    ///
    /// Each trial is laid out for real, diagnostics and all, so the winner is kept as it is
    /// instead of being laid out once more; a trial that does not win is rolled back. On success
    /// the full-size run's diagnostics (reported since `mark`) are dropped, which leaves exactly
    /// what laying out at that size alone would have reported. (Uncovered characters depend only
    /// on the text, which every size sets the same.)
    private static func tighterPages(for body: [Block], after paginator: Paginator, since mark: Int, setup: PageSetup,
                                     area: BodyArea, context: LayoutContext) throws -> (Double, Paginator)? {
        let count = paginator.pages.count
        // A section (the pages up to a forced page break, or to the end) that runs onto a
        // further page and leaves little there.
        let spills = paginator.sections.contains {
            $0.lastPage > $0.firstPage && $0.used < (area.bottom - area.top) * sparseLastPage
        }
        guard spills else { return nil }
        // Blank handwriting rows give way before the text is set smaller, and together with it:
        // the form's one sheet (a 涌谷町 plan front and back) is worth more than a spare row.
        // One row at a time, so the form keeps as many as fit.
        let padding = body.paddingRowCount
        var trials: [(scale: Double, body: [Block])] = (0..<padding).map { (1, body.droppingPaddingRows($0 + 1)) }
        for scale in spillOverScales {
            trials.append((scale, body))
            if padding > 0 { trials.append((scale, body.droppingPaddingRows(padding))) }
        }
        var winner: (index: Int, paginator: Paginator, diagnostics: [LayoutDiagnostic])?
        /// Lays out trial `index`; keeps it as the winner when it takes the page back.
        func attempt(_ index: Int) throws -> Bool {
            let trialMark = context.diagnosticsMark
            let trial = try paginate(trials[index].body, scale: trials[index].scale, setup: setup, area: area,
                                     context: context)
            let diagnostics = context.takeDiagnostics(since: trialMark)
            guard trial.pages.count < count else { return false }
            winner = (index, trial, diagnostics)
            return true
        }
        if padding == 0 {
            // Trials before `failing` keep the extra page, trials from `winning` on take it back.
            var failing = 0, winning = trials.count
            while failing < winning {
                let middle = (failing + winning) / 2
                if try attempt(middle) { winning = middle } else { failing = middle + 1 }
            }
        } else {
            for index in trials.indices where try attempt(index) { break }
        }
        guard let winner else { return nil }
        context.forget(mark..<context.diagnosticsMark)
        context.restore(winner.diagnostics)
        return (trials[winner.index].scale, winner.paginator)
    }
}

/// Headers and footers: set per page (their text may hold the page number) and placed in the margins.
struct PageRegionSetter {
    let setup: PageSetup
    let context: LayoutContext
    let pageNumbers: PageNumbering

    /// Clear space kept between the body and a header or footer.
    static let clearance = Units.mm(1.5)

    /// Where a region sits from its edge: as the template says, but never within `PageSetup.safeEdge`.
    static func offset(of region: PageRegion) -> Double { max(region.offset, PageSetup.safeEdge) }

    /// The body's band: the margins, or less where a region reaches into them (a footer set
    /// 8 mm from the edge in a 10 mm margin), so no body line or rule ever touches a region.
    func bodyArea(header: PageRegion?, footer: PageRegion?) throws -> BodyArea {
        var area = BodyArea(top: setup.margins.top, bottom: setup.height - setup.margins.bottom)
        // Measured with two-digit numbers in place: the widest a page number usually gets.
        context.pageNumbers = (88, 88)
        defer { context.pageNumbers = nil }
        if let header, !header.blocks.isEmpty {
            let height = try strip(header).height
            if height > 0 { area.top = max(area.top, Self.offset(of: header) + height + Self.clearance) }
        }
        if let footer, !footer.blocks.isEmpty {
            let height = try strip(footer).height
            if height > 0 { area.bottom = min(area.bottom, setup.height - Self.offset(of: footer) - height - Self.clearance) }
        }
        return area
    }

    private func strip(_ region: PageRegion) throws -> Strip {
        var blocks = region.blocks
        if pageNumbers == .hidden { blocks = blocks.compactMap(\.withoutPageNumbers) }
        return Strip.stacked(try BlockSetter(context: context).strips(blocks, width: setup.contentWidth))
    }

    func place(_ region: PageRegion, isHeader: Bool, on page: inout PageContent, pageIndex: Int) throws {
        let strip = try strip(region)
        guard strip.height > 0 || !strip.items.isEmpty else { return }
        let y = isHeader ? Self.offset(of: region) : setup.height - Self.offset(of: region) - strip.height
        // Reported once, on the first page: every page has the same region.
        if pageIndex == 0 {
            let overlap = isHeader ? y + strip.height - setup.margins.top
                                   : (setup.height - setup.margins.bottom) - y
            if overlap > 0.01 {
                context.report(.regionOverlapsBody(excess: overlap), .warning, sourcePath: nil, pageIndex: 0)
            }
        }
        let x = setup.margins.left
        page.items += strip.items.map { $0.offset(dx: x, dy: y) }
        page.boxes.append(PlacedBox(pageIndex: pageIndex,
                                    rect: Rect(x: x, y: y, width: setup.contentWidth, height: strip.height),
                                    kind: isHeader ? .header : .footer, sourcePath: nil))
    }
}

/// Bookmarks → the PDF outline, nested by level.
enum Outline {
    static func build(_ pages: [PageContent]) -> [OutlineItem] {
        var flat: [(level: Int, item: OutlineItem)] = []
        for (index, page) in pages.enumerated() {
            for mark in page.bookmarks {
                flat.append((max(0, mark.block.level),
                             OutlineItem(title: mark.block.title, pageIndex: index, x: mark.x, y: mark.y)))
            }
        }
        var position = 0
        return nest(flat, level: 0, position: &position)
    }

    /// Entries from `position` at `level` or deeper; a deeper entry becomes a child of the one before it.
    private static func nest(_ flat: [(level: Int, item: OutlineItem)], level: Int, position: inout Int) -> [OutlineItem] {
        var result: [OutlineItem] = []
        while position < flat.count, flat[position].level >= level {
            if flat[position].level > level, !result.isEmpty {
                result[result.count - 1].children += nest(flat, level: level + 1, position: &position)
                continue
            }
            result.append(flat[position].item)
            position += 1
        }
        return result
    }
}
