/// A ruled table: the backbone of every 帳票.
public struct TableBlock: Sendable {
    public var columns: [ColumnWidth]
    public var rows: [TableRow]
    /// Total width; nil = the width of the container.
    public var width: Double?
    public var rowSplitting: RowSplitting
    public var spaceBefore: Double
    public var spaceAfter: Double
    public var sourcePath: String?

    public init(columns: [ColumnWidth], rows: [TableRow], width: Double? = nil,
                rowSplitting: RowSplitting = .allowed, spaceBefore: Double = 0, spaceAfter: Double = 0,
                sourcePath: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.width = width
        self.rowSplitting = rowSplitting
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.sourcePath = sourcePath
    }
}

public enum ColumnWidth: Sendable, Hashable {
    /// A fixed width in points.
    case points(Double)
    /// A share of what the fixed columns leave (`2*` in the template = `.fraction(2)`).
    case fraction(Double)
}

/// What happens to a row that does not fit in the space left on a page.
public enum RowSplitting: Sendable, Hashable {
    /// The row is split between lines of its cells at the page boundary.
    case allowed
    /// The row moves whole to the next page, and is split only when it is taller than a page.
    case avoided
}

public struct TableRow: Sendable {
    public var cells: [TableCell]
    /// Header rows (leading rows only) are repeated at the top of every page the table continues on.
    public var isHeader: Bool
    public var height: RowHeight
    public var sourcePath: String?
    /// A blank row a form keeps for handwriting (a `<repeat min>` beyond the case's items). It
    /// gives way when keeping it would push the form onto one more page (`Layout`'s spill-over
    /// trials): a sheet that fits front and back matters more than a spare empty row.
    public var isPadding: Bool

    public init(cells: [TableCell], isHeader: Bool = false, height: RowHeight = .auto, sourcePath: String? = nil,
                isPadding: Bool = false) {
        self.cells = cells
        self.isHeader = isHeader
        self.height = height
        self.sourcePath = sourcePath
        self.isPadding = isPadding
    }
}

public enum RowHeight: Sendable, Hashable {
    /// As tall as its content.
    case auto
    /// At least this tall; grows with content.
    case minimum(Double)
    /// Exactly this tall: a fixed box on the form. Content that does not fit goes through the
    /// cell's overflow policy and the row is never split across pages.
    case fixed(Double)
}

public struct TableCell: Sendable {
    public var content: [Block]
    public var colspan: Int
    public var rowspan: Int
    public var style: CellStyle
    public var overflow: OverflowPolicy
    /// A label cell (「支援機関がお手伝いできること」, a catalogue's group label): a page break never
    /// falls between its lines; the row moves to the next page instead (unless it is taller than a page).
    public var keepsWhole: Bool
    public var sourcePath: String?

    public init(_ content: [Block] = [], colspan: Int = 1, rowspan: Int = 1, style: CellStyle = CellStyle(),
                overflow: OverflowPolicy = .shrink(), keepsWhole: Bool = false, sourcePath: String? = nil) {
        self.content = content
        self.colspan = max(1, colspan)
        self.rowspan = max(1, rowspan)
        self.style = style
        self.overflow = overflow
        self.keepsWhole = keepsWhole
        self.sourcePath = sourcePath
    }
}

public struct CellStyle: Sendable, Hashable {
    /// Fill gray, 0 = black … 1 = white; nil = no fill. Label cells are usually 0.9.
    public var background: Double?
    public var verticalAlignment: VerticalAlignment
    public var padding: EdgeInsets
    public var borders: CellBorders

    public init(background: Double? = nil, verticalAlignment: VerticalAlignment = .top,
                padding: EdgeInsets = EdgeInsets(vertical: 2, horizontal: 3),
                borders: CellBorders = .all(.thin)) {
        self.background = background
        self.verticalAlignment = verticalAlignment
        self.padding = padding
        self.borders = borders
    }
}

public enum VerticalAlignment: Sendable, Hashable {
    case top, middle, bottom
}

/// Per-side borders of a cell; nil = no line on that side. Neighbouring cells may both draw a
/// shared edge: the lines coincide.
public struct CellBorders: Sendable, Hashable {
    public var top: BorderLine?
    public var right: BorderLine?
    public var bottom: BorderLine?
    public var left: BorderLine?

    public init(top: BorderLine? = nil, right: BorderLine? = nil, bottom: BorderLine? = nil, left: BorderLine? = nil) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    public static func all(_ line: BorderLine) -> CellBorders {
        CellBorders(top: line, right: line, bottom: line, left: line)
    }

    public static let none = CellBorders()
}

/// What to do when a cell's text does not fit its box (a fixed-height row, or a line that cannot
/// be broken within the cell's width).
public enum OverflowPolicy: Sendable, Hashable {
    /// Try smaller font sizes, `step` points at a time, down to `minimumSize` for the largest text
    /// in the cell; if even that does not fit, report the overflow.
    case shrink(minimumSize: Double = 7, step: Double = 0.5)
    /// Report the overflow straight away.
    case report
}
