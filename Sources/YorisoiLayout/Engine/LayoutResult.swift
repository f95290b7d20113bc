public import YorisoiDisplayList
public import YorisoiText

/// What layout hands on: display-list pages for the PDF writer, and what went wrong on the way.
public struct LayoutResult: Sendable {
    public var pages: [PDFPage]
    public var diagnostics: [LayoutDiagnostic]
    /// Characters no font of their chain can draw; left out of the pages.
    public var uncovered: [UncoveredText]
    /// Where every table cell (and header/footer region) ended up, page by page: for tests,
    /// for diagnostics that point at a place, and for a future preview.
    public var boxes: [PlacedBox]
    public var outline: [OutlineItem]
    public var title: String?
    /// The logical structure the pages' items refer to (PDF tags).
    public var structure: StructureTree

    /// True when some text did not fit even at its minimum size (the caller must refuse to print).
    public var hasOverflow: Bool { diagnostics.contains { $0.severity == .error } }

    /// The writer's input, with this layout's pages, title and outline.
    public func pdfDocument(info: DocumentInfo, language: String = "ja-JP") -> PDFDocument {
        var info = info
        if info.title == nil { info.title = title }
        return PDFDocument(pages: pages, info: info, language: language, outline: outline, structure: structure)
    }
}

/// A character that could not be drawn, and the node it came from.
public struct UncoveredText: Sendable, Hashable {
    public var character: UncoveredCharacter
    public var sourcePath: String?
}

/// A placed box (a table cell, a header or footer) in page coordinates.
public struct PlacedBox: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Row and column are the cell's first row and column in the table as written.
        case cell(row: Int, column: Int)
        case header
        case footer
    }

    public var pageIndex: Int
    public var rect: Rect
    public var kind: Kind
    public var sourcePath: String?
}

/// A cell by its first row and column in the table as written (0-based).
public struct CellLocation: Sendable, Hashable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}

public struct LayoutDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: Sendable, Hashable {
        /// The document prints, but someone may want to know (text was shrunk).
        case note
        /// Printed, but not as the template intended (a header that runs into the body).
        case warning
        /// Some text could not be printed: the document must not be issued as is.
        case error
    }

    public enum Kind: Sendable, Hashable {
        /// Text was set smaller to fit its box.
        case shrunk(fromSize: Double, toSize: Double)
        /// Text does not fit its fixed box even at the minimum size: `excessHeight` points are
        /// missing and `hiddenLines` lines were left out (never drawn outside the box).
        case overflow(excessHeight: Double, hiddenLines: Int)
        /// A line that cannot be broken is wider than its box by `excessWidth` points.
        case tooWide(excessWidth: Double)
        /// An unbreakable piece (a fixed row, a nested table) is taller than a page.
        case tallerThanPage(height: Double)
        /// A header or footer runs into the body area.
        case regionOverlapsBody(excess: Double)
        /// A table's cells do not match its columns (spans were cut).
        case tableStructure(String)
        /// Ruby was asked for, but `count` runs of unlearned kanji found no reading (a word the
        /// dictionary does not know): printed without one (docs/ruby.md).
        case unreadKanji(count: Int)
    }

    public var kind: Kind
    public var severity: Severity
    public var sourcePath: String?
    /// The table cell the problem is in, when it is in one.
    public var cell: CellLocation?
    /// The page the problem is on, when it is known (0-based).
    public var pageIndex: Int?

    public var description: String {
        let place = (sourcePath ?? "-")
            + (cell.map { " [行\($0.row + 1) 列\($0.column + 1)]" } ?? "")
            + (pageIndex.map { " (p.\($0 + 1))" } ?? "")
        switch kind {
        case .shrunk(let from, let to):
            return "\(place): 文字を縮小しました \(Self.format(from))pt → \(Self.format(to))pt"
        case .overflow(let excess, let lines):
            return "\(place): 欄に収まりません（\(Self.format(excess))pt 超過、\(lines)行）"
        case .tooWide(let excess):
            return "\(place): 行が欄の幅を超えています（\(Self.format(excess))pt）"
        case .tallerThanPage(let height):
            return "\(place): 1ページに収まらない部分があります（高さ \(Self.format(height))pt）"
        case .regionOverlapsBody(let excess):
            return "\(place): ヘッダー／フッターが本文に重なります（\(Self.format(excess))pt）"
        case .tableStructure(let detail):
            return "\(place): 表の構成が列数と合いません（\(detail)）"
        case .unreadKanji(let count):
            return "\(place): 読みの分からない漢字が \(count) か所あり、ふりがなを付けていません"
        }
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
