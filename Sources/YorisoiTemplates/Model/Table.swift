/// A ruled table. Column widths are fixed lengths or fractions of the remaining width; rows
/// marked `isHeader` repeat at the top of every page the table continues on.
public struct Table: Sendable, Hashable {
    public var columns: [TableColumn]
    public var rows: [TableRowItem]
    /// Rule width for the grid; `.none` for layout tables without lines.
    public var border: Border
    public var padding: EdgeLengths?
    public var style: TemplateTextStyle
    public var location: TemplateLocation

    public init(columns: [TableColumn], rows: [TableRowItem], border: Border, padding: EdgeLengths?,
                style: TemplateTextStyle, location: TemplateLocation) {
        self.columns = columns
        self.rows = rows
        self.border = border
        self.padding = padding
        self.style = style
        self.location = location
    }
}

public struct TableColumn: Sendable, Hashable {
    public var width: TemplateColumnWidth
    public var location: TemplateLocation

    public init(width: TemplateColumnWidth, location: TemplateLocation) {
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
    case row(TemplateTableRow)
    case repeating(Repeat<TableRowItem>)
    case conditional(Conditional<TableRowItem>)
}

public struct TemplateTableRow: Sendable, Hashable {
    public var isHeader: Bool
    /// A fixed height for every cell of the row (cells may still set their own).
    public var height: Length?
    public var cells: [TemplateTableCell]
    public var location: TemplateLocation

    public init(isHeader: Bool, height: Length?, cells: [TemplateTableCell], location: TemplateLocation) {
        self.isHeader = isHeader
        self.height = height
        self.cells = cells
        self.location = location
    }
}

/// What happens when a cell's content does not fit its fixed height. Never "clip".
public enum TemplateOverflowPolicy: String, Sendable, Hashable, CaseIterable {
    /// The row grows (and may split across pages). The default.
    case grow
    /// The font shrinks step by step down to `minimumSize`; if it still does not fit, layout
    /// reports an overflow diagnostic.
    case shrink
    /// No shrinking: report an overflow diagnostic at once.
    case report
}

public struct TemplateTableCell: Sendable, Hashable {
    public var content: [FlowItem]
    public var colspan: Int
    public var rowspan: Int
    /// A label cell: 均等割り text by default, shaded where the layout shades labels.
    public var isLabel: Bool
    public var alignment: TemplateTextAlignment?
    public var verticalAlignment: TemplateVerticalAlignment?
    public var padding: EdgeLengths?
    public var border: Border?
    public var height: Length?
    public var overflow: TemplateOverflowPolicy
    public var minimumSize: Length?
    public var style: TemplateTextStyle
    public var location: TemplateLocation

    public init(content: [FlowItem], colspan: Int = 1, rowspan: Int = 1, isLabel: Bool = false,
                alignment: TemplateTextAlignment? = nil, verticalAlignment: TemplateVerticalAlignment? = nil,
                padding: EdgeLengths? = nil, border: Border? = nil, height: Length? = nil,
                overflow: TemplateOverflowPolicy = .grow, minimumSize: Length? = nil,
                style: TemplateTextStyle = TemplateTextStyle(), location: TemplateLocation) {
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
