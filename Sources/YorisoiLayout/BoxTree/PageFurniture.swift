/// A band of one-line pieces drawn at a fixed place on a page, over whatever the page already
/// holds: the confidentiality line and packet page number a meeting packet prints in the top
/// margin of every page, whichever document the page comes from.
///
/// Unlike a header (`PageRegion`), furniture takes no space from the body and can be laid onto
/// pages laid out elsewhere (`Layout.furniture`). The caller keeps it inside the margins.
public struct PageFurniture: Sendable {
    /// The baseline all pieces sit on, from the top edge of the sheet.
    public var baseline: Double
    /// Distance of the outermost pieces (frames included) from the left and right edges.
    public var inset: Double
    /// Pieces set from the left inset rightwards, each `gapAfter` past the one before.
    public var start: [FurniturePiece]
    /// Pieces set from the right inset leftwards: the last one ends at the inset.
    public var end: [FurniturePiece]
    /// The least clear space between the start pieces and the end pieces; closer is an error.
    public var minimumGap: Double

    public init(baseline: Double, inset: Double, start: [FurniturePiece] = [], end: [FurniturePiece] = [],
                minimumGap: Double = 6) {
        self.baseline = baseline
        self.inset = inset
        self.start = start
        self.end = end
        self.minimumGap = minimumGap
    }
}

/// One line of text at its natural width, optionally in a ruled frame (取扱注意 in its box).
public struct FurniturePiece: Sendable {
    /// Page-number inlines are filled in with the numbers given to `Layout.furniture`.
    public var content: [Inline]
    public var frame: FurnitureFrame?
    /// Space after this piece (frame included) before the next one of its side.
    public var gapAfter: Double

    public init(_ content: [Inline], frame: FurnitureFrame? = nil, gapAfter: Double = 0) {
        self.content = content
        self.frame = frame
        self.gapAfter = gapAfter
    }
}

/// A rectangle around a one-line piece, measured from its baseline (a one-line stamp is drawn
/// around the letters, not around a line box), with `padding` left and right of the text.
public struct FurnitureFrame: Sendable, Hashable {
    public var line: BorderLine
    public var padding: Double
    /// From the top of the frame down to the baseline, and from the baseline down to its bottom.
    public var above: Double
    public var below: Double

    public init(line: BorderLine, padding: Double, above: Double, below: Double) {
        self.line = line
        self.padding = padding
        self.above = above
        self.below = below
    }
}

/// Furniture whose start and end pieces would come closer than its `minimumGap`.
public struct FurnitureDoesNotFit: Error, Sendable, Hashable {
    /// How far the pieces reach into the gap, in points.
    public var excess: Double
}
