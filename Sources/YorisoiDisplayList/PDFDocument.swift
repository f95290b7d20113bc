/// The writer's whole input: pages plus document-level metadata and navigation.
public struct PDFDocument: Sendable {
    public var pages: [PDFPage]
    public var info: DocumentInfo
    /// BCP 47 language tag for the catalog's /Lang and XMP dc:language.
    public var language: String
    public var outline: [OutlineItem]
    public var pageLabels: [PageLabelRange]
    /// The logical structure the items' references point into. nil: the writer makes one
    /// paragraph per tagged run… (see `StructureTree.fallback`), so every PDF is tagged.
    public var structure: StructureTree?

    public init(pages: [PDFPage], info: DocumentInfo, language: String = "ja-JP",
                outline: [OutlineItem] = [], pageLabels: [PageLabelRange] = [], structure: StructureTree? = nil) {
        self.pages = pages; self.info = info; self.language = language
        self.outline = outline; self.pageLabels = pageLabels; self.structure = structure
    }
}

/// /Info and XMP metadata (written consistently to both, as PDF/A requires).
public struct DocumentInfo: Sendable, Hashable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var creator: String?
    public var producer: String
    /// Creation = modification date. Given by the caller (case data or SOURCE_DATE_EPOCH),
    /// never read from the clock, so renders are reproducible.
    public var date: PDFDate

    public init(title: String? = nil, author: String? = nil, subject: String? = nil,
                keywords: String? = nil, creator: String? = nil, producer: String = "Yorisoi",
                date: PDFDate) {
        self.title = title; self.author = author; self.subject = subject
        self.keywords = keywords; self.creator = creator; self.producer = producer; self.date = date
    }
}

/// One bookmark. `y` is in top-left page coordinates (the writer flips it).
public struct OutlineItem: Sendable, Hashable {
    public var title: String
    public var pageIndex: Int
    public var x: Double
    public var y: Double
    public var isOpen: Bool
    public var children: [OutlineItem]

    public init(title: String, pageIndex: Int, x: Double = 0, y: Double = 0, isOpen: Bool = true,
                children: [OutlineItem] = []) {
        self.title = title; self.pageIndex = pageIndex; self.x = x; self.y = y
        self.isOpen = isOpen; self.children = children
    }
}

/// From `firstPageIndex` on (until the next range), pages are labelled `prefix` + number.
public struct PageLabelRange: Sendable, Hashable {
    public enum Style: Sendable, Hashable {
        case decimal, upperRoman, lowerRoman, upperAlpha, lowerAlpha
        /// Only the prefix (e.g. "表紙").
        case none
    }

    public var firstPageIndex: Int
    public var style: Style
    public var prefix: String
    public var firstNumber: Int

    public init(firstPageIndex: Int, style: Style = .decimal, prefix: String = "", firstNumber: Int = 1) {
        self.firstPageIndex = firstPageIndex; self.style = style
        self.prefix = prefix; self.firstNumber = firstNumber
    }
}
