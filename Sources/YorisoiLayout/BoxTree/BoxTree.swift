public import YorisoiText

// The box tree: what the template binder produces and the layout engine consumes. Plain values
// only (no closures, no references to the case), so a bound document can be built, inspected and
// compared in tests, and handed across threads.
//
// Template vocabulary → box tree (lengths: mm via `Units.mm`, 字 via `Units.zw`, pt as is):
//   page / margins        → LayoutDocument.page (PageSetup)       header / footer → PageRegion
//   block                 → Block.group (keepTogether as the template says)
//   paragraph             → Block.paragraph; a 均等割り label → ParagraphBlock.label(_:style:asWideAs:)
//   table / col / row / cell → TableBlock / ColumnWidth (.points, .fraction for `2*`) / TableRow / TableCell
//   checklist / checkbox  → Block.checkList / Block.checkBox     signature-line → Block.signatureLine
//   date-blank            → Block.dateBlank                      scale → Block.scale
//   spacer                → Block.spacer                         repeat / if → expanded by the binder
// Page numbers in headers and footers: Inline.pageNumber / Inline.pageCount.
// Not in the template language: Block.columns and Block.framed (free compositions such as the
// specimen) and PageFurniture (the packet's line drawn over pages laid out elsewhere).

/// One document to lay out: page setup, running header and footer, and the body.
public struct LayoutDocument: Sendable {
    public var page: PageSetup
    /// Used by blocks that carry no style of their own (check lists, date blanks, …).
    public var defaultStyle: TextStyle
    public var header: PageRegion?
    public var footer: PageRegion?
    public var body: [Block]
    /// Document title (PDF /Title); bookmarks come from `Block.bookmark` in the body.
    public var title: String?
    /// Whether the header and footer show the document's own page numbers.
    public var pageNumbers: PageNumbering
    /// A form that spills a few lines or rows onto an otherwise empty last page is set up to 9 %
    /// smaller when that takes them back (a one-page 様式 stays one page). Off: pages as they fall.
    public var takesBackSpillOver: Bool
    /// A band at the top of every sheet kept free for furniture drawn over the pages afterwards
    /// (a packet's 取扱注意 line): the body and the header start below it. 0: none.
    public var reservedTop: Double = 0

    public init(page: PageSetup = PageSetup(), defaultStyle: TextStyle, header: PageRegion? = nil,
                footer: PageRegion? = nil, body: [Block], title: String? = nil, pageNumbers: PageNumbering = .shown,
                takesBackSpillOver: Bool = false) {
        self.takesBackSpillOver = takesBackSpillOver
        self.page = page
        self.defaultStyle = defaultStyle
        self.header = header
        self.footer = footer
        self.body = body
        self.title = title
        self.pageNumbers = pageNumbers
    }
}

/// A document printed inside a packet is numbered by the packet: its own numbers are hidden,
/// so a page never shows two.
public enum PageNumbering: Sendable, Hashable {
    case shown
    /// Page-number inlines are left out of headers and footers, with the 「/」 or 「ページ」 around
    /// them; a region paragraph left with nothing else is dropped.
    case hidden
}

/// Content repeated on every page, outside the body: the header sits `offset` below the top
/// edge of the sheet, the footer's bottom sits `offset` above the bottom edge — never nearer an
/// edge than `PageSetup.safeEdge`, which printers with a 5 mm unprintable margin would clip.
/// Both must fit in the margins; layout reports a region that runs into the body.
public struct PageRegion: Sendable {
    public var blocks: [Block]
    public var offset: Double
    /// false: printed only when the document runs to more than one page (a notice numbers its
    /// pages only when it has several).
    public var shownOnSinglePage: Bool

    public init(blocks: [Block], offset: Double = Units.mm(8), shownOnSinglePage: Bool = true) {
        self.blocks = blocks
        self.offset = offset
        self.shownOnSinglePage = shownOnSinglePage
    }

    func isShown(pageCount: Int) -> Bool { shownOnSinglePage || pageCount > 1 }
}

/// One node of the body (or of a table cell, or of a header or footer).
public indirect enum Block: Sendable {
    case paragraph(ParagraphBlock)
    case table(TableBlock)
    /// Children that move to the next page together when they do not fit but would fit on one page.
    case group(GroupBlock)
    case spacer(SpacerBlock)
    case checkList(CheckListBlock)
    case checkBox(CheckBoxBlock)
    case signatureLine(SignatureLineBlock)
    case dateBlank(DateBlankBlock)
    case scale(ScaleBlock)
    case rule(RuleBlock)
    /// Blocks side by side, each column set on its own.
    case columns(ColumnsBlock)
    /// Blocks in a ruled rectangle.
    case framed(FramedBlock)
    /// Starts a new page (ignored when the current page is still empty).
    case pageBreak
    /// A PDF outline entry pointing at this place; takes no space.
    case bookmark(BookmarkBlock)
}

/// A piece of paragraph text: styled text, or a page number filled in per page.
/// Page numbers mean something only in headers and footers; in the body they are left out.
public enum Inline: Sendable {
    case text(TextSpan)
    /// The current page's number, 1-based.
    case pageNumber(TextStyle)
    /// The number of pages of the document (known after the body is paginated).
    case pageCount(TextStyle)
    /// Text on a rule: a blank to write in by hand (ideographic spaces as wide as the blank) or
    /// a value printed where the form has one. The rule is drawn under it, line by line.
    case underlined(TextSpan)
}

extension Inline {
    public static func text(_ string: String, style: TextStyle) -> Inline { .text(TextSpan(string, style: style)) }
}

public struct GroupBlock: Sendable {
    public var blocks: [Block]
    public var keepTogether: Bool
    /// The group never opens a page alone: when it has to move to the next page, the end of the
    /// block before it comes along. A consent and signature block is signed for what precedes it.
    /// nil = decided by the content: true for a group that holds a handwriting blank.
    public var keepWithPrevious: Bool?
    public var sourcePath: String?

    public init(blocks: [Block], keepTogether: Bool = true, keepWithPrevious: Bool? = nil, sourcePath: String? = nil) {
        self.blocks = blocks
        self.keepTogether = keepTogether
        self.keepWithPrevious = keepWithPrevious
        self.sourcePath = sourcePath
    }
}

public struct SpacerBlock: Sendable, Hashable {
    public var height: Double
    public init(height: Double) { self.height = height }
}

public struct BookmarkBlock: Sendable, Hashable {
    public var title: String
    /// 0 = top level; a deeper entry nests under the nearest shallower one before it.
    public var level: Int
    public init(title: String, level: Int = 0) {
        self.title = title
        self.level = level
    }
}

/// A ruled line: borders, underlines, horizontal rules.
public struct BorderLine: Sendable, Hashable {
    public enum Pattern: Sendable, Hashable {
        case solid, dashed, dotted
    }

    public var width: Double
    /// 0 = black … 1 = white.
    public var gray: Double
    public var pattern: Pattern

    public init(width: Double = 0.5, gray: Double = 0, pattern: Pattern = .solid) {
        self.width = width
        self.gray = gray
        self.pattern = pattern
    }

    public static let thin = BorderLine(width: 0.5)
    public static let medium = BorderLine(width: 1.0)
    public static let thick = BorderLine(width: 1.5)
}

public struct RuleBlock: Sendable, Hashable {
    public var line: BorderLine
    public var spaceBefore: Double
    public var spaceAfter: Double

    public init(line: BorderLine = .thin, spaceBefore: Double = 4, spaceAfter: Double = 4) {
        self.line = line
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
    }
}

/// Where a block narrower than its container sits.
public enum HorizontalPosition: Sendable, Hashable {
    case start, center, end
}
