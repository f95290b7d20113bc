import YorisoiDisplayList
import YorisoiText

/// The layout engine: box tree in, display-list pages out.
public enum Layout {
    /// Lays out `document`. Two passes: the body is paginated first; headers and footers are set
    /// afterwards, when the page count they may show is known. Deterministic: the same document
    /// gives the same pages.
    public static func run(_ document: LayoutDocument) throws -> LayoutResult {
        let context = LayoutContext(defaultStyle: document.defaultStyle)
        let setup = document.page
        let setter = BlockSetter(context: context)

        var paginator = Paginator(setup: setup, context: context)
        let flows = try document.body.map { try setter.flow($0, width: setup.contentWidth) }
        paginator.place(flows)
        var contents = paginator.pages

        let regions = PageRegionSetter(setup: setup, context: context)
        let count = contents.count
        for index in contents.indices {
            context.pageNumbers = (index + 1, count)
            defer { context.pageNumbers = nil }
            if let header = document.header {
                try regions.place(header, isHeader: true, on: &contents[index], pageIndex: index)
            }
            if let footer = document.footer {
                try regions.place(footer, isHeader: false, on: &contents[index], pageIndex: index)
            }
        }

        let size = Size(width: setup.width, height: setup.height)
        return LayoutResult(pages: contents.map { PDFPage(size: size, items: $0.items) },
                            diagnostics: context.diagnostics,
                            uncovered: context.uncovered,
                            boxes: contents.flatMap(\.boxes),
                            outline: Outline.build(contents),
                            title: document.title)
    }
}

/// Headers and footers: set per page (their text may hold the page number) and placed in the margins.
struct PageRegionSetter {
    let setup: PageSetup
    let context: LayoutContext

    func place(_ region: PageRegion, isHeader: Bool, on page: inout PageContent, pageIndex: Int) throws {
        let strip = Strip.stacked(try BlockSetter(context: context).strips(region.blocks, width: setup.contentWidth))
        let y = isHeader ? region.offset : setup.height - region.offset - strip.height
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
