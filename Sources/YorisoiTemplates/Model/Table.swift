/// A ruled table. Column widths are fixed lengths or fractions of the remaining width; rows
/// marked `isHeader` repeat at the top of every page the table continues on.
public struct Table: Sendable, Hashable {
    public var columns: [TableColumn]
    public var rows: [TableRowItem]
    /// Rule width for the grid; `.none` for layout tables without lines.
    public var border: Border
    public var padding: EdgeLengths?
    public var style: TextStyle
    public var location: TemplateLocation

    public init(columns: [TableColumn], rows: [TableRowItem], border: Border, padding: EdgeLengths?,
                style: TextStyle, location: TemplateLocation) {
        self.columns = columns
        self.rows = rows
        self.border = border
        self.padding = padding
        self.style = style
        self.location = location
    }
}

public struct TableColumn: Sendable, Hashable {
    public var width: ColumnWidth
    public var location: TemplateLocation

    public init(width: ColumnWidth, location: TemplateLocation) {
        self.width = width
        self.location = location
    }
}

public enum Border: Sendable, Hashable {
    case none
    case line(Length)

    public init?(parsing text: String) {
        if text.trimmingSpaces == "none" { self = .none; return }
        guard let l = Length(parsing: text) else { return nil }
        self = .line(l)
    }
}

public indirect enum TableRowItem: Sendable, Hashable {
    case row(TableRow)
    case repeating(Repeat<TableRowItem>)
    case conditional(Conditional<TableRowItem>)
}

public struct TableRow: Sendable, Hashable {
    public var isHeader: Bool
    /// A fixed height for every cell of the row (cells may still set their own).
    public var height: Length?
    public var cells: [TableCell]
    public var location: TemplateLocation

    public init(isHeader: Bool, height: Length?, cells: [TableCell], location: TemplateLocation) {
        self.isHeader = isHeader
        self.height = height
        self.cells = cells
        self.location = location
    }
}

/// What happens when a cell's content does not fit its fixed height. Never "clip".
public enum OverflowPolicy: String, Sendable, Hashable, CaseIterable {
    /// The row grows (and may split across pages). The default.
    case grow
    /// The font shrinks step by step down to `minimumSize`; if it still does not fit, layout
    /// reports an overflow diagnostic.
    case shrink
    /// No shrinking: report an overflow diagnostic at once.
    case report
}

public struct TableCell: Sendable, Hashable {
    public var content: [FlowItem]
    public var colspan: Int
    public var rowspan: Int
    /// A label cell: 均等割り text by default, shaded where the layout shades labels.
    public var isLabel: Bool
    public var alignment: TextAlignment?
    public var verticalAlignment: VerticalAlignment?
    public var padding: EdgeLengths?
    public var border: Border?
    public var height: Length?
    public var overflow: OverflowPolicy
    public var minimumSize: Length?
    public var style: TextStyle
    public var location: TemplateLocation

    public init(content: [FlowItem], colspan: Int = 1, rowspan: Int = 1, isLabel: Bool = false,
                alignment: TextAlignment? = nil, verticalAlignment: VerticalAlignment? = nil,
                padding: EdgeLengths? = nil, border: Border? = nil, height: Length? = nil,
                overflow: OverflowPolicy = .grow, minimumSize: Length? = nil,
                style: TextStyle = TextStyle(), location: TemplateLocation) {
        self.content = content
        self.colspan = colspan
        self.rowspan = rowspan
        self.isLabel = isLabel
        self.alignment = alignment
        self.verticalAlignment = verticalAlignment
        self.padding = padding
        self.border = border
        self.height = height
        self.overflow = overflow
        self.minimumSize = minimumSize
        self.style = style
        self.location = location
    }
}
