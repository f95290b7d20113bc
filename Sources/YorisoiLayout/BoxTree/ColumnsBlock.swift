public import YorisoiDisplayList

/// Blocks side by side: each column at its own offset and width from the container's left edge,
/// set on its own; the row is as tall as its tallest column and is never split by a page break.
/// For free compositions such as the typesetting specimen (a 帳票 uses a table).
public struct ColumnsBlock: Sendable {
    public var columns: [ColumnBlock]

    public init(_ columns: [ColumnBlock]) {
        self.columns = columns
    }
}

public struct ColumnBlock: Sendable {
    /// Left edge, from the container's left edge.
    public var x: Double
    /// The measure the column's blocks are set in.
    public var width: Double
    public var blocks: [Block]
    /// Hairlines just outside the left and right edges, as tall as the content.
    public var edgeRules: EdgeRules?

    public init(x: Double, width: Double, blocks: [Block], edgeRules: EdgeRules? = nil) {
        self.x = x
        self.width = width
        self.blocks = blocks
        self.edgeRules = edgeRules
    }
}

/// Rules along both edges of a measure, `outset` points outside it: guides that show where a
/// justified measure ends, so its edges can be checked by eye.
public struct EdgeRules: Sendable, Hashable {
    public var stroke: StrokeStyle
    public var outset: Double

    public init(stroke: StrokeStyle, outset: Double = 1) {
        self.stroke = stroke
        self.outset = outset
    }
}

/// Blocks in a ruled rectangle as wide as the container and as tall as the blocks, set
/// `padding` points in from its left and right sides (a label cell outside a table).
public struct FramedBlock: Sendable {
    public var blocks: [Block]
    public var padding: Double
    public var stroke: StrokeStyle

    public init(_ blocks: [Block], padding: Double, stroke: StrokeStyle = StrokeStyle(lineWidth: 0.5)) {
        self.blocks = blocks
        self.padding = padding
        self.stroke = stroke
    }
}
