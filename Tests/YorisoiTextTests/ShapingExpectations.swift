import Testing
@testable import YorisoiText

/// Two shapings of one text are the same: the same uncovered characters, and cluster by cluster
/// the same text, face object, glyphs, lost selector and line break. Failures are reported where
/// this is called.
func expectSameShaping(_ a: ShapedText, _ b: ShapedText, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.uncovered == b.uncovered, sourceLocation: sourceLocation)
    #expect(a.clusters.count == b.clusters.count, sourceLocation: sourceLocation)
    for (x, y) in zip(a.clusters, b.clusters) {
        #expect(x.text == y.text && x.face === y.face && x.glyphs == y.glyphs, sourceLocation: sourceLocation)
        #expect(x.variationLost == y.variationLost && x.isLineBreak == y.isLineBreak, sourceLocation: sourceLocation)
    }
}
