// The logical structure of a document (PDF/UA-1, ISO 32000-1 §14.7–14.8): a tree of structure
// elements in reading order, built by whoever knows what the content means (layout, from the
// template's blocks), and a reference from each drawn item to the element it belongs to. The
// PDF writer turns the references into marked content (BDC … EMC with MCIDs) and the tree into
// /StructTreeRoot; an item without a reference is page furniture and is written as /Artifact.
//
// As in krilla's tagging API, the tree is collected apart from the drawing and the two meet
// only through identifiers, so layout may move, split and repeat items freely (a table row
// continued on the next page keeps its cell's reference).

/// An element of `StructureTree`, by its index there.
public struct StructureRef: Sendable, Hashable, Comparable {
    public var index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (a: StructureRef, b: StructureRef) -> Bool { a.index < b.index }
}

/// The standard structure types used (ISO 32000-1 §14.8.4), written as their PDF names.
public enum StructureRole: String, Sendable, Hashable, CaseIterable {
    case document = "Document"
    /// A section: one document inside a packet, a block of related content.
    case section = "Sect"
    /// A grouping with no meaning of its own (a layout grid that is not a data table).
    case division = "Div"
    case heading1 = "H1", heading2 = "H2", heading3 = "H3"
    case paragraph = "P"
    case table = "Table", tableRow = "TR", tableHeader = "TH", tableData = "TD"
    case list = "L", listItem = "LI", label = "Lbl", listBody = "LBody"
    case figure = "Figure"
    /// Inline text set apart, e.g. in another language (its /Lang on the element).
    /// (Ruby has no element: its readings are artifacts, `GlyphRun.isRuby`.)
    case span = "Span"

    /// Heading of a given depth (1…3; deeper levels are written as H3).
    public static func heading(level: Int) -> StructureRole {
        switch level {
        case ...1: return .heading1
        case 2: return .heading2
        default: return .heading3
        }
    }
}

/// Which cells a table header cell heads (/Scope of a TH's /Table attributes).
public enum TableHeaderScope: String, Sendable, Hashable {
    case row = "Row", column = "Column", both = "Both"
}

/// One structure element.
public struct StructureNode: Sendable, Hashable {
    public var role: StructureRole
    /// nil only for the root (the Document element).
    public var parent: StructureRef?
    /// Alternative description (Figure: what the drawing shows).
    public var alt: String?
    /// Replacement text (a check box's 「チェックあり」).
    public var actualText: String?
    /// BCP 47 tag when this element's language differs from the document's.
    public var language: String?
    /// TH only.
    public var scope: TableHeaderScope?
    /// TH/TD spanning more than one row or column.
    public var rowSpan: Int
    public var columnSpan: Int

    public init(role: StructureRole, parent: StructureRef?, alt: String? = nil, actualText: String? = nil,
                language: String? = nil, scope: TableHeaderScope? = nil, rowSpan: Int = 1, columnSpan: Int = 1) {
        self.role = role; self.parent = parent; self.alt = alt; self.actualText = actualText
        self.language = language; self.scope = scope; self.rowSpan = rowSpan; self.columnSpan = columnSpan
    }
}

/// The structure elements in reading (pre-)order: every element comes after its parent and
/// before its later siblings, so a parent's children are its nodes in index order. Index 0 is
/// the Document.
public struct StructureTree: Sendable, Hashable {
    public private(set) var nodes: [StructureNode]

    public init() { nodes = [StructureNode(role: .document, parent: nil)] }

    public var root: StructureRef { StructureRef(0) }

    public subscript(ref: StructureRef) -> StructureNode {
        get { nodes[ref.index] }
        set { nodes[ref.index] = newValue }
    }

    /// Appends an element under `parent` (as its last child so far) and returns its reference.
    @discardableResult
    public mutating func add(_ role: StructureRole, under parent: StructureRef, alt: String? = nil,
                             actualText: String? = nil, language: String? = nil, scope: TableHeaderScope? = nil,
                             rowSpan: Int = 1, columnSpan: Int = 1) -> StructureRef {
        nodes.append(StructureNode(role: role, parent: parent, alt: alt, actualText: actualText, language: language,
                                   scope: scope, rowSpan: rowSpan, columnSpan: columnSpan))
        return StructureRef(nodes.count - 1)
    }

    /// Appends `other`'s elements under `parent` (its Document becoming a `role` element), and
    /// returns by how much `other`'s references moved (add it to each item's reference): how a
    /// packet gathers its documents' trees.
    public mutating func graft(_ other: StructureTree, under parent: StructureRef, as role: StructureRole = .section) -> Int {
        let offset = nodes.count
        for (index, node) in other.nodes.enumerated() {
            var copy = node
            if index == 0 {
                copy.role = role
                copy.parent = parent
            } else if let p = node.parent {
                copy.parent = StructureRef(p.index + offset)
            }
            nodes.append(copy)
        }
        return offset
    }
}

extension DrawItem {
    /// The item with its structure reference moved by `offset` (see `StructureTree.graft`).
    public func movingStructure(by offset: Int) -> DrawItem {
        switch self {
        case .glyphRun(var run):
            guard let ref = run.structure else { return self }
            run.structure = StructureRef(ref.index + offset)
            return .glyphRun(run)
        case .path(var path, let stroke, let fill):
            guard let ref = path.structure else { return self }
            path.structure = StructureRef(ref.index + offset)
            return .path(path, stroke: stroke, fill: fill)
        case .line, .rectangle:
            return self
        }
    }

    /// The item stamped as content of `ref`, unless it already belongs to an element (an inner
    /// block stamps first). Lines and rectangles are rules, borders and fills: always artifacts.
    /// Paths are stamped only when `includingDrawings` (a figure's drawing).
    public func stamped(_ ref: StructureRef, includingDrawings: Bool = false) -> DrawItem {
        switch self {
        case .glyphRun(var run) where run.structure == nil:
            run.structure = ref
            return .glyphRun(run)
        case .path(var path, let stroke, let fill) where includingDrawings && path.structure == nil:
            path.structure = ref
            return .path(path, stroke: stroke, fill: fill)
        default:
            return self
        }
    }
}

extension PDFPage {
    /// The page with its items' structure references moved by `offset` (see `StructureTree.graft`):
    /// the items themselves are not copied, only `structureOffset` moves.
    public func movingStructure(by offset: Int) -> PDFPage {
        var copy = self
        copy.structureOffset += offset
        return copy
    }
}
