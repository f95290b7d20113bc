import YorisoiLayout
import YorisoiPDF
import YorisoiText

/// What every page of a packet carries on top of its own content: the confidentiality line
/// (取扱注意 and the legal basis of the duty of secrecy) at the top left, and the packet page
/// number — with the distribution number when copies are numbered — at the top right.
///
/// Page furniture laid out by Layout, drawn over the top of pages laid out with
/// `reservedTop` kept free for it: like everything else on the sheet it stays at least 10 mm
/// from the edge (`PageSetup.safeEdge`; at 4.9 mm a printer with a 5 mm margin clipped it).
struct PacketOverlay {
    let labelStyle: TextStyle
    /// 取扱注意 in its box, then the basis: the same on every page.
    let confidentiality: [FurniturePiece]
    /// The basis is set once for all pages: it cites a law by number, so the process-wide cache
    /// (which takes no text with digits) does not keep it, and every page of a 200-case packet
    /// laid it out again.
    private let paragraphs = ParagraphMemo()

    /// The line's baseline, 13.5 mm from the top edge: the stamp's box reaches 8.5 pt (3 mm)
    /// above it, so its top is 10.5 mm from the edge.
    static let baseline = Units.mm(13.5)
    /// What the documents under the line keep free at the top: the stamp's box ends 2.5 pt
    /// below the baseline; then a clear gap.
    static let reservedTop = Units.mm(17)
    static let sideInset = Units.mm(10)

    init(fonts: FontLibrary, basis: String) throws {
        labelStyle = TextStyle(chain: try fonts.chain(family: "gothic-bold"), size: 8)
        let textStyle = TextStyle(chain: try fonts.chain(family: "mincho"), size: 7)
        // The box reaches 8.5 pt above the baseline and 2.5 below: round the 8 pt label's letters.
        let stamp = FurnitureFrame(line: BorderLine(width: 0.6), padding: 2, above: 8.5, below: 2.5)
        confidentiality = [
            FurniturePiece([.text("取扱注意", style: labelStyle)], frame: stamp, gapAfter: 4),
            FurniturePiece([.text(basis, style: textStyle)]),
        ]
    }

    /// The items for page `number` of `count`, of copy `copy` of `copies` (nil: copies are not numbered).
    func items(pageSize: Size, number: Int, count: Int, copy: (number: Int, of: Int)?) throws -> [DrawItem] {
        var right = "\(number) / \(count)"
        if let copy { right = "配布番号 \(copy.number) / \(copy.of)　" + right }
        let furniture = PageFurniture(baseline: Self.baseline, inset: Self.sideInset, start: confidentiality,
                                      end: [FurniturePiece([.text(right, style: labelStyle)])], minimumGap: 6)
        do {
            return try Layout.furniture(furniture, pageWidth: pageSize.width, page: number, of: count,
                                        paragraphs: paragraphs).items
        } catch is FurnitureDoesNotFit {
            throw PipelineError.internalFailure("the packet header line does not fit on one line")
        }
    }
}
