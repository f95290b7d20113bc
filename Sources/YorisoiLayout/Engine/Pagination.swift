import YorisoiDisplayList

/// Where the body may go on a page, from the top edge of the sheet.
struct BodyArea {
    var top: Double
    var bottom: Double
}

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
    /// The body's band on every page: the margins, narrowed where a header or footer reaches
    /// into them, so the body never runs into the running regions.
    let area: BodyArea
    private(set) var pages: [PageContent] = [PageContent()]
    private var y: Double
    /// Nothing has been placed on the current page yet.
    private var pageIsEmpty = true

    init(setup: PageSetup, context: LayoutContext, area: BodyArea? = nil) {
        self.setup = setup
        self.context = context
        self.area = area ?? BodyArea(top: setup.margins.top, bottom: setup.height - setup.margins.bottom)
        y = self.area.top
    }

    /// Where the last strip with something printed went: the end of the flow placed last.
    private var lastPrinted: (page: Int, top: Double)?
    /// A lower bottom for one page: set while a block is placed again so that its end moves on
    /// to the next page together with a block that must not open a page alone.
    private var shortenedPage: (page: Int, bottom: Double)?

    private var top: Double { area.top }
    private var bottom: Double {
        if let shortenedPage, shortenedPage.page == pageIndex { return shortenedPage.bottom }
        return area.bottom
    }
    /// Where each section (pages between forced page breaks) started, and how far down its
    /// last page the body reached, from the body's top.
    private var finishedSections: [(firstPage: Int, lastPage: Int, used: Double)] = []
    private var sectionStart = 0

    /// The sections, the one still open included.
    var sections: [(firstPage: Int, lastPage: Int, used: Double)] {
        finishedSections + [(sectionStart, pageIndex, y - top)]
    }
    private var contentHeight: Double { area.bottom - area.top }
    private var remaining: Double { bottom - y }
    private var pageIndex: Int { pages.count - 1 }

    /// The state before a flow, to go back to when the flow after it has to take its end along.
    /// Placing only appends — pages, and items, boxes and bookmarks to the last page — so the
    /// counts restore it. (A copy of the whole paginator did too, but made the next strip on the
    /// page copy every item already there: the copy shared the page's arrays.)
    private struct Checkpoint {
        let pageCount: Int
        let items: Int, boxes: Int, bookmarks: Int
        let y: Double
        let pageIsEmpty: Bool
        let lastPrinted: (page: Int, top: Double)?
        let shortenedPage: (page: Int, bottom: Double)?
        let finishedSections: Int
        let sectionStart: Int
    }

    private var checkpoint: Checkpoint {
        let last = pages[pageIndex]
        return Checkpoint(pageCount: pages.count, items: last.items.count, boxes: last.boxes.count,
                          bookmarks: last.bookmarks.count, y: y, pageIsEmpty: pageIsEmpty,
                          lastPrinted: lastPrinted, shortenedPage: shortenedPage,
                          finishedSections: finishedSections.count, sectionStart: sectionStart)
    }

    /// This paginator as it was at `checkpoint`, taken since.
    private func restored(to checkpoint: Checkpoint) -> Paginator {
        var state = self
        state.pages.removeLast(state.pages.count - checkpoint.pageCount)
        let last = checkpoint.pageCount - 1
        state.pages[last].items.removeLast(state.pages[last].items.count - checkpoint.items)
        state.pages[last].boxes.removeLast(state.pages[last].boxes.count - checkpoint.boxes)
        state.pages[last].bookmarks.removeLast(state.pages[last].bookmarks.count - checkpoint.bookmarks)
        state.y = checkpoint.y
        state.pageIsEmpty = checkpoint.pageIsEmpty
        state.lastPrinted = checkpoint.lastPrinted
        state.shortenedPage = checkpoint.shortenedPage
        state.finishedSections.removeLast(state.finishedSections.count - checkpoint.finishedSections)
        state.sectionStart = checkpoint.sectionStart
        return state
    }

    mutating func newPage() {
        // Room for as many items as the page before held: a form's pages are alike, and an
        // array grown from nothing moves its items about ten times on the way to a full page.
        var page = PageContent()
        page.items.reserveCapacity(pages.last?.items.count ?? 0)
        pages.append(page)
        y = top
        pageIsEmpty = true
    }

    /// Puts `strip` at the current position and moves down.
    private mutating func emit(_ strip: Strip) {
        let x = setup.margins.left, top = y, index = pageIndex
        // In place: a copy of the page would share its item array, and appending to a shared
        // array copies every item already on the page. Item by item: a mapped array appended
        // copied (and retained) every moved item once more, and then released the map's copies.
        for item in strip.items { pages[index].items.append(item.offset(dx: x, dy: top)) }
        pages[index].boxes += strip.boxes.map {
            PlacedBox(pageIndex: index, rect: $0.offset(dx: x, dy: top).rect, kind: $0.kind, sourcePath: $0.sourcePath)
        }
        pages[index].bookmarks += strip.bookmarks.map { ($0.block, $0.x + x, $0.y + top) }
        if !strip.items.isEmpty { lastPrinted = (pageIndex, y) }
        y += strip.height
        if strip.height > 0 || !strip.items.isEmpty { pageIsEmpty = false }
    }

    mutating func place(_ flows: [Flow]) {
        // The state before the last flow that printed something, that flow's index, and how
        // many diagnostics there were then.
        var beforePrevious: (state: Checkpoint, index: Int, mark: Int)?
        for (index, flow) in flows.enumerated() {
            // It would open a page: it does not fit here, or nothing is printed on this page yet.
            if case .group(_, true, _) = flow, let before = beforePrevious,
               flow.height > remaining + 0.01 || lastPrinted?.page != pageIndex,
               let moved = restored(to: before.state).placing(flows[before.index..<index], withEndMovedAlongWith: flow,
                                                               diagnosticsMark: before.mark) {
                self = moved
                beforePrevious = nil
                continue
            }
            if !flow.isOnlySpace { beforePrevious = (checkpoint, index, context.diagnosticsMark) }
            if !pageIsEmpty, endsPageAsHeading(flow, before: flows[(index + 1)...]) { newPage() }
            place(flow)
        }
    }

    /// A heading never ends a page: a one-line paragraph directly before a table or a group (「次回
    /// 連絡時期」, 「一緒に解決を目指していくこと」, a 記 item's title) would be the last line of this page
    /// while all of what it heads starts on the next. Tried on a copy (diagnostics not kept).
    private func endsPageAsHeading(_ flow: Flow, before following: ArraySlice<Flow>) -> Bool {
        guard case .strips(let strips) = flow, strips.filter({ !$0.items.isEmpty }).count == 1,
              let next = following.first(where: { !$0.isOnlySpace }) else { return false }
        switch next {
        case .table, .group: break
        default: return false
        }
        let rest = Array(following.prefix { $0.isOnlySpace }) + [next]
        return context.measuring { () -> Bool in
            var trial = self
            trial.place(flow)
            let page = trial.pageIndex, printed = trial.pages[page].items.count
            trial.place(rest)
            return trial.pageIndex > page && trial.pages[page].items.count == printed
        }.value
    }

    /// `previous` placed from this state with its end moved to a new page, then `next` after it
    /// on that page; nil when that does not work (the end is already alone on its page, or
    /// `next` still does not fit).
    private func placing(_ previous: ArraySlice<Flow>, withEndMovedAlongWith next: Flow,
                         diagnosticsMark: Int) -> Paginator? {
        func placed(shortening end: (page: Int, top: Double)?) -> Paginator {
            var trial = self
            trial.lastPrinted = nil
            trial.shortenedPage = end.map { ($0.page, $0.top) }
            for flow in previous { trial.place(flow) }
            trial.shortenedPage = nil
            return trial
        }
        let first = context.measuring { placed(shortening: nil) }.value
        // The end must leave something before it on its page, or moving it would only move the gap.
        guard let end = first.lastPrinted, end.top > top + 0.01 else { return nil }
        let retry = context.measuring { placed(shortening: end) }.value
        guard retry.pageIndex > end.page, next.height <= retry.remaining + 0.01 else { return nil }
        // Now for real: what the first placement reported is replaced by what this one reports.
        context.rollBack(to: diagnosticsMark)
        var final = placed(shortening: end)
        final.place(next)
        return final
    }

    mutating func place(_ flow: Flow) {
        switch flow {
        case .strips(let strips):
            for strip in strips { place(strip) }
        case .group(let keepTogether, _, let children):
            let height = flow.height
            // Moving is worth it only when the whole group then fits on one page.
            if keepTogether, !pageIsEmpty, height > remaining + 0.01, height <= contentHeight + 0.01 {
                newPage()
            }
            place(children)
        case .table(let table):
            place(table)
        case .pageBreak:
            if !pageIsEmpty {
                finishedSections.append((sectionStart, pageIndex, y - top))
                newPage()
                sectionStart = pageIndex
            }
        }
    }

    private mutating func place(_ strip: Strip) {
        if pageIsEmpty, strip.isDiscardableAtPageTop { return }
        if strip.height > remaining + 0.01, !pageIsEmpty { newPage() }
        if pageIsEmpty, strip.height > contentHeight + 0.01 {
            context.report(.tallerThanPage(height: strip.height), .error,
                           sourcePath: strip.boxes.first?.sourcePath, pageIndex: pageIndex)
        }
        emit(strip)
    }

    private mutating func place(_ table: TableFlow) {
        if table.spaceBefore > 0 { place(Strip.space(table.spaceBefore)) }
        let headers = table.headerBands.map { $0.render(columnX: table.columnX) }
        // Repeated on a later page, the header rows are furniture: read once, where the table starts.
        let repeatedHeaders = headers.map(\.unstamped)
        let headerHeight = table.headerHeight
        // Header rows are repeated only if they leave room for the body on a fresh page.
        let repeatsHeaders = headerHeight < contentHeight / 2

        var queue = table.bodyBands
        // Start on the next page unless the header rows and the first row, or a first part of it
        // that the splitting rules allow, fit here: header rows never end a page alone.
        if !pageIsEmpty, let first = queue.first, headerHeight + first.height > remaining + 0.01,
           headerHeight + first.smallestHead <= contentHeight {
            let room = remaining - headerHeight
            let isItem = first.rows.count > 1 && first.height <= contentHeight / 2
            let splits = table.rowSplitting == .allowed && !isItem && room > 0 && first.split(at: room) != nil
            if !splits { newPage() }
        }
        for header in headers { emit(header) }

        var bandsOnPage = 0
        var tableStartedPage = pages.count > 0 && y - headerHeight <= top + 0.01
        while !queue.isEmpty {
            let band = queue.removeFirst()
            let capacity = contentHeight - (repeatsHeaders ? headerHeight : 0)
            // A group heading (one label cell across the table) starts its group on the next
            // page when the group does not fit here but is small: a few rows are read together.
            if isGroupHeading(band, columns: table.columnX.count - 1), bandsOnPage >= 1 {
                let group = band.height + queue.prefix { !isGroupHeading($0, columns: table.columnX.count - 1) }
                    .reduce(0) { $0 + $1.height }
                if group > remaining + 0.01, group <= contentHeight * Self.smallGroup {
                    queue.insert(band, at: 0)
                    newPage()
                    if repeatsHeaders { for header in repeatedHeaders { emit(header) } }
                    bandsOnPage = 0
                    tableStartedPage = true
                    continue
                }
            }
            if band.height <= remaining + 0.01 {
                // The table's last row would stand alone under the repeated header on the next
                // page: the row before it goes along.
                if queue.count == 1, bandsOnPage >= 2, let last = queue.first,
                   band.height + last.height > remaining + 0.01, band.height + last.height <= capacity + 0.01,
                   !(table.rowSplitting == .allowed && last.rows.count == 1 && last.split(at: remaining - band.height) != nil) {
                    queue.insert(band, at: 0)
                    newPage()
                    if repeatsHeaders { for header in repeatedHeaders { emit(header) } }
                    bandsOnPage = 0
                    tableStartedPage = true
                    continue
                }
                emit(band.render(columnX: table.columnX))
                bandsOnPage += 1
                continue
            }
            let freshPage = bandsOnPage == 0 && tableStartedPage
            let fitsOnAPage = band.height <= capacity + 0.01
            // Rows tied by a spanning cell are one item (a numbered service and its lines): they
            // move together when they take at most half a page; a longer group splits, its
            // spanning cell continued beside it.
            let isItem = band.rows.count > 1 && band.height <= contentHeight / 2
            let maySplit = !fitsOnAPage || (table.rowSplitting == .allowed && !isItem)
            let split = maySplit ? band.split(at: remaining) ?? (freshPage ? band.split(at: remaining, strict: false) : nil) : nil
            if let (head, tail) = split {
                emit(head.render(columnX: table.columnX))
                if let tail { queue.insert(tail, at: 0) } else { continue }
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
            if repeatsHeaders { for header in repeatedHeaders { emit(header) } }
            bandsOnPage = 0
            tableStartedPage = true
        }
        if table.spaceAfter > 0 { place(Strip(height: table.spaceAfter)) }
    }

    /// A group no taller than this share of the body moves whole to the next page with its heading.
    static let smallGroup = 0.25

    /// A row that is a single label cell across the whole table: the heading of the rows after it
    /// (an assessment's 「こどもの安全と日々の世話」).
    private func isGroupHeading(_ band: Band, columns: Int) -> Bool {
        band.rows.count == 1 && band.cells.count == 1 && band.cells[0].colspan == columns && band.cells[0].keepsWhole
    }
}
