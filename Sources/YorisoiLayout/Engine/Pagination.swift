import YorisoiDisplayList

/// What one page holds once the body is flowed.
struct PageContent {
    var items: [DrawItem] = []
    var boxes: [PlacedBox] = []
    var bookmarks: [(block: BookmarkBlock, x: Double, y: Double)] = []
}

/// Flows the body down the pages: strips go where they fit, tables split between and inside
/// rows with their header rows repeated, keep-together groups move whole when that helps.
struct Paginator {
    let setup: PageSetup
    let context: LayoutContext
    private(set) var pages: [PageContent] = [PageContent()]
    private var y: Double
    /// Nothing has been placed on the current page yet.
    private var pageIsEmpty = true

    init(setup: PageSetup, context: LayoutContext) {
        self.setup = setup
        self.context = context
        y = setup.margins.top
    }

    private var top: Double { setup.margins.top }
    private var bottom: Double { setup.height - setup.margins.bottom }
    private var remaining: Double { bottom - y }
    private var pageIndex: Int { pages.count - 1 }

    mutating func newPage() {
        pages.append(PageContent())
        y = top
        pageIsEmpty = true
    }

    /// Puts `strip` at the current position and moves down.
    private mutating func emit(_ strip: Strip) {
        let x = setup.margins.left
        var page = pages[pageIndex]
        page.items += strip.items.map { $0.offset(dx: x, dy: y) }
        page.boxes += strip.boxes.map {
            PlacedBox(pageIndex: pageIndex, rect: $0.offset(dx: x, dy: y).rect, kind: $0.kind, sourcePath: $0.sourcePath)
        }
        page.bookmarks += strip.bookmarks.map { ($0.block, $0.x + x, $0.y + y) }
        pages[pageIndex] = page
        y += strip.height
        if strip.height > 0 || !strip.items.isEmpty { pageIsEmpty = false }
    }

    mutating func place(_ flows: [Flow]) {
        for flow in flows { place(flow) }
    }

    mutating func place(_ flow: Flow) {
        switch flow {
        case .strips(let strips):
            for strip in strips { place(strip) }
        case .group(let keepTogether, let children):
            let height = flow.height
            // Moving is worth it only when the whole group then fits on one page.
            if keepTogether, !pageIsEmpty, height > remaining + 0.01, height <= setup.contentHeight + 0.01 {
                newPage()
            }
            place(children)
        case .table(let table):
            place(table)
        case .pageBreak:
            if !pageIsEmpty { newPage() }
        }
    }

    private mutating func place(_ strip: Strip) {
        if pageIsEmpty, strip.isDiscardableAtPageTop { return }
        if strip.height > remaining + 0.01, !pageIsEmpty { newPage() }
        if pageIsEmpty, strip.height > setup.contentHeight + 0.01 {
            context.report(.tallerThanPage(height: strip.height), .error,
                           sourcePath: strip.boxes.first?.sourcePath, pageIndex: pageIndex)
        }
        emit(strip)
    }

    private mutating func place(_ table: TableFlow) {
        if table.spaceBefore > 0 { place(Strip.space(table.spaceBefore)) }
        let headers = table.headerBands.map { $0.render(columnX: table.columnX) }
        let headerHeight = table.headerHeight
        // Header rows are repeated only if they leave room for the body on a fresh page.
        let repeatsHeaders = headerHeight < setup.contentHeight / 2

        var queue = table.bodyBands
        // Start on the next page unless the header rows and one line of the first row fit here.
        let start = headerHeight + (queue.first.map { table.rowSplitting == .allowed ? $0.smallestHead : $0.height } ?? 0)
        if !pageIsEmpty, start > remaining + 0.01, start <= setup.contentHeight { newPage() }
        for header in headers { emit(header) }

        var bandsOnPage = 0
        var tableStartedPage = pages.count > 0 && y - headerHeight <= top + 0.01
        while !queue.isEmpty {
            let band = queue.removeFirst()
            if band.height <= remaining + 0.01 {
                emit(band.render(columnX: table.columnX))
                bandsOnPage += 1
                continue
            }
            let capacity = setup.contentHeight - (repeatsHeaders ? headerHeight : 0)
            let freshPage = bandsOnPage == 0 && tableStartedPage
            let maySplit = table.rowSplitting == .allowed || band.height > capacity + 0.01
            if maySplit, let (head, tail) = band.split(at: remaining) {
                emit(head.render(columnX: table.columnX))
                queue.insert(tail, at: 0)
            } else if freshPage {
                // Nothing smaller exists and a new page would not help: place it and say so.
                context.report(.tallerThanPage(height: band.height), .error,
                               sourcePath: band.cells.first?.sourcePath ?? table.sourcePath, pageIndex: pageIndex)
                emit(band.render(columnX: table.columnX))
                bandsOnPage += 1
                continue
            } else {
                queue.insert(band, at: 0)
            }
            newPage()
            if repeatsHeaders { for header in headers { emit(header) } }
            bandsOnPage = 0
            tableStartedPage = true
        }
        if table.spaceAfter > 0 { place(Strip(height: table.spaceAfter)) }
    }
}
