import YorisoiLayout
import YorisoiPDF
import YorisoiText

/// What every page of a packet carries on top of its own content: the confidentiality line
/// (取扱注意 and the legal basis of the duty of secrecy) at the top left, and the packet page
/// number — with the distribution number when copies are numbered — at the top right.
///
/// Drawn in the top margin, above whatever the page's own template put there: every template
/// keeps at least 10 mm of top margin, and the overlay stays within the top 8 mm.
struct PacketOverlay {
    let labelStyle: TextStyle
    let textStyle: TextStyle
    let basis: String

    /// The line's baseline, 7.5 mm from the top edge.
    static let baseline = Units.mm(7.5)
    static let sideInset = Units.mm(10)

    init(fonts: FontLibrary, basis: String) throws {
        labelStyle = TextStyle(chain: try fonts.chain(family: "gothic-bold"), size: 8)
        textStyle = TextStyle(chain: try fonts.chain(family: "mincho"), size: 7)
        self.basis = basis
    }

    /// The items for page `number` of `count`, of copy `copy` of `copies` (nil: copies are not numbered).
    func items(pageSize: Size, number: Int, count: Int, copy: (number: Int, of: Int)?) throws -> [DrawItem] {
        let width = pageSize.width - 2 * Self.sideInset
        var items: [DrawItem] = []

        // 取扱注意 in a ruled box, then the basis.
        let label = try line([TextSpan("取扱注意", style: labelStyle)], width: width, alignment: .start)
        let labelWidth = try ParagraphLayout.naturalWidth([TextSpan("取扱注意", style: labelStyle)])
        let pad = 2.0
        items += DrawItem.glyphRuns(for: label, x: Self.sideInset + pad, baseline: Self.baseline)
        items.append(.rectangle(Rect(x: Self.sideInset, y: Self.baseline - 8.5, width: labelWidth + 2 * pad, height: 11),
                                stroke: StrokeStyle(lineWidth: 0.6), fill: nil))
        let basisX = Self.sideInset + labelWidth + 2 * pad + 4
        items += DrawItem.glyphRuns(for: try line([TextSpan(basis, style: textStyle)], width: width - basisX, alignment: .start),
                                    x: basisX, baseline: Self.baseline)

        var right = "\(number) / \(count)"
        if let copy { right = "配布番号 \(copy.number) / \(copy.of)　" + right }
        items += DrawItem.glyphRuns(for: try line([TextSpan(right, style: labelStyle)], width: width, alignment: .end),
                                    x: Self.sideInset, baseline: Self.baseline)
        return items
    }

    private func line(_ spans: [TextSpan], width: Double, alignment: TextAlignment) throws -> LaidOutLine {
        let laid = try ParagraphLayout.layout(spans, settings: ParagraphSettings(width: width, alignment: alignment))
        guard laid.lines.count == 1, let first = laid.lines.first else {
            throw PipelineError.internalFailure("the packet header line does not fit on one line")
        }
        return first
    }
}
