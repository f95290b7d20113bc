/// Paper, orientation and margins. Every length in the box tree is in points (1/72 in); the
/// binder converts mm and 字 with `Units` before it builds the tree.
public struct PageSetup: Sendable, Hashable {
    public var paper: PaperSize
    public var orientation: Orientation
    public var margins: EdgeInsets

    public init(paper: PaperSize = .a4, orientation: Orientation = .portrait,
                margins: EdgeInsets = EdgeInsets(all: Units.mm(15))) {
        self.paper = paper
        self.orientation = orientation
        self.margins = margins
    }

    /// Nothing is drawn nearer the sheet's edge than this: office printers leave 4–5 mm
    /// unprinted and a form that is copied again loses more. Margins below it are raised to it,
    /// and page regions are kept inside it.
    public static let safeEdge = Units.mm(10)

    /// The margins, each at least `safeEdge`.
    var safeMargins: EdgeInsets {
        EdgeInsets(top: max(margins.top, Self.safeEdge), right: max(margins.right, Self.safeEdge),
                   bottom: max(margins.bottom, Self.safeEdge), left: max(margins.left, Self.safeEdge))
    }

    /// Page width in points, after orientation.
    public var width: Double { orientation == .portrait ? paper.shortSide : paper.longSide }
    /// Page height in points, after orientation.
    public var height: Double { orientation == .portrait ? paper.longSide : paper.shortSide }

    /// The width text and tables are set in.
    public var contentWidth: Double { width - margins.left - margins.right }
    /// The height the body flows in.
    public var contentHeight: Double { height - margins.top - margins.bottom }
}

/// The paper sizes Japanese offices print on. B is JIS B (257 × 364 mm for B4), not ISO B.
public enum PaperSize: Sendable, Hashable {
    case a3, a4, b4, b5
    /// Any other sheet, given portrait (width ≤ height does not matter: sides are sorted).
    case custom(width: Double, height: Double)

    var millimetres: (short: Double, long: Double) {
        switch self {
        case .a3: return (297, 420)
        case .a4: return (210, 297)
        case .b4: return (257, 364)
        case .b5: return (182, 257)
        case .custom(let w, let h): return (Units.points(toMM: min(w, h)), Units.points(toMM: max(w, h)))
        }
    }

    public var shortSide: Double {
        if case .custom(let w, let h) = self { return min(w, h) }
        return Units.mm(millimetres.short)
    }

    public var longSide: Double {
        if case .custom(let w, let h) = self { return max(w, h) }
        return Units.mm(millimetres.long)
    }
}

public enum Orientation: Sendable, Hashable {
    case portrait, landscape
}

/// Four lengths in points, used for margins, padding and indents.
public struct EdgeInsets: Sendable, Hashable {
    public var top: Double
    public var right: Double
    public var bottom: Double
    public var left: Double

    public init(top: Double = 0, right: Double = 0, bottom: Double = 0, left: Double = 0) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    public init(all value: Double) {
        self.init(top: value, right: value, bottom: value, left: value)
    }

    public init(vertical: Double, horizontal: Double) {
        self.init(top: vertical, right: horizontal, bottom: vertical, left: horizontal)
    }

    public static let zero = EdgeInsets()

    public var horizontal: Double { left + right }
    public var vertical: Double { top + bottom }
}

/// Unit conversions the template language needs: mm, and 字 (one em of the text's size),
/// which is how 公文書規程 position things (「1字あける」).
public enum Units {
    public static func mm(_ millimetres: Double) -> Double { millimetres * 72 / 25.4 }
    public static func points(toMM points: Double) -> Double { points * 25.4 / 72 }
    /// `count` 字 at `fontSize` points.
    public static func zw(_ count: Double, fontSize: Double) -> Double { count * fontSize }
}
