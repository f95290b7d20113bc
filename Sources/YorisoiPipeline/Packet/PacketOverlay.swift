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
    /// 取扱注意 in its box and the basis: the same on every page, so set once.
    let confidentiality: [DrawItem]
    /// Where the basis ends; the page number must start to the right of it.
    let confidentialityEnd: Double

    /// The line's baseline, 7.5 mm from the top edge.
    static let baseline = Units.mm(7.5)
    static let sideInset = Units.mm(10)

    init(fonts: FontLibrary, basis: String) throws {
        labelStyle = TextStyle(chain: try fonts.chain(family: "gothic-bold"), size: 8)
        let textStyle = TextStyle(chain: try fonts.chain(family: "mincho"), size: 7)
        let labelSpans = [TextSpan("取扱注意", style: labelStyle)]
        let basisSpans = [TextSpan(basis, style: textStyle)]
        let labelWidth = try ParagraphLayout.naturalWidth(labelSpans)
        let basisWidth = try ParagraphLayout.naturalWidth(basisSpans)
        let pad = 2.0
        let basisX = Self.sideInset + labelWidth + 2 * pad + 4
        var items = DrawItem.glyphRuns(for: try Self.line(labelSpans, width: labelWidth, alignment: .start),
                                       x: Self.sideInset + pad, baseline: Self.baseline)
        items.append(.rectangle(Rect(x: Self.sideInset, y: Self.baseline - 8.5, width: labelWidth + 2 * pad, height: 11),
                                stroke: StrokeStyle(lineWidth: 0.6), fill: nil))
        items += DrawItem.glyphRuns(for: try Self.line(basisSpans, width: basisWidth, alignment: .start),
                                    x: basisX, baseline: Self.baseline)
        confidentiality = items
        confidentialityEnd = basisX + basisWidth
    }

    /// The items for page `number` of `count`, of copy `copy` of `copies` (nil: copies are not numbered).
    func items(pageSize: Size, number: Int, count: Int, copy: (number: Int, of: Int)?) throws -> [DrawItem] {
        var right = "\(number) / \(count)"
        if let copy { right = "配布番号 \(copy.number) / \(copy.of)　" + right }
        let spans = [TextSpan(right, style: labelStyle)]
        let rightEdge = pageSize.width - Self.sideInset
        let rightWidth = try ParagraphLayout.naturalWidth(spans)
        guard rightEdge - rightWidth - 6 >= confidentialityEnd else {
            throw PipelineError.internalFailure("the packet header line does not fit on one line")
        }
        return confidentiality + DrawItem.glyphRuns(for: try Self.line(spans, width: rightWidth, alignment: .start),
                                                    x: rightEdge - rightWidth, baseline: Self.baseline)
    }

    private static func line(_ spans: [TextSpan], width: Double, alignment: TextAlignment) throws -> LaidOutLine {
        // A point of slack: the natural width, measured the same way, must not wrap on rounding.
        let laid = try ParagraphLayout.layout(spans, settings: ParagraphSettings(width: width + 1, alignment: alignment))
        guard laid.lines.count == 1, let first = laid.lines.first else {
            throw PipelineError.internalFailure("the packet header line does not fit on one line")
        }
        return first
    }
}
