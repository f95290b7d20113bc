import Testing
@testable import YorisoiText

/// Test-only clusters with fixed advances, so the line breaker is tested without fonts.
/// (Named *Tests.swift only because this target's line-breaking files share that pattern.)
enum LineBreakingFixture {
    static let em = 10.0

    /// Full-width characters 1 em, ASCII letters/digits/symbols ½ em, an ASCII space ¼ em, "\n" 0.
    static func clusters(_ text: String, em: Double = em) -> [TextCluster] {
        text.map { character in
            let string = String(character)
            let advance: Double
            if string == "\n" {
                advance = 0
            } else if string == " " {
                advance = 0.25 * em
            } else if character.unicodeScalars.allSatisfy(\.isASCII) {
                advance = 0.5 * em
            } else {
                advance = em
            }
            return TextCluster(text: string, advance: advance, fontSize: em)
        }
    }

    // Where the test's full-width punctuation keeps its blank (independent of the breaker's tables).
    static let blankLeftHalf: Set<String> = ["「", "『", "（", "【", "〔", "［", "〈", "《", "“", "‘"]
    static let blankRightHalf: Set<String> = ["」", "』", "）", "】", "〕", "］", "〉", "》", "”", "’",
                                              "、", "。", "，", "．"]
    static let blankQuarterEachSide: Set<String> = ["・", "：", "；"]

    /// 行頭禁則 characters (strict) that the fixture text uses.
    static let mayNotStartLine: Set<String> = Set(("」』）】〕］〉》”’、。，．・：；！？!?)]}ー々ゝゞ"
        + "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ‐〜").map(String.init))
    static let mayNotEndLine: Set<String> = Set("「『（【〔［〈《“‘([{".map(String.init))

    /// The ink box of a cluster whose glyph origin is at `x`.
    static func inkBox(_ cluster: TextCluster, at x: Double) -> (start: Double, end: Double) {
        let e = cluster.fontSize
        if cluster.advance >= 0.75 * e {
            if blankLeftHalf.contains(cluster.text) { return (x + 0.5 * e, x + cluster.advance) }
            if blankRightHalf.contains(cluster.text) { return (x, x + cluster.advance - 0.5 * e) }
            if blankQuarterEachSide.contains(cluster.text) { return (x + 0.25 * e, x + cluster.advance - 0.25 * e) }
        }
        return (x, x + cluster.advance)
    }

    /// Where a line ending in `cluster` ends: its ink, except that ・：； keep their quarter at the
    /// line end (JIS X 4051 sets only 」、。 solid there).
    static func lineEndEdge(_ cluster: TextCluster, at x: Double) -> Double {
        blankQuarterEachSide.contains(cluster.text) ? x + cluster.advance : inkBox(cluster, at: x).end
    }

    static func isSet(_ cluster: TextCluster) -> Bool { cluster.text != "\n" && cluster.text != " " }

    static func text(of line: BrokenLine, in clusters: [TextCluster]) -> String {
        clusters[line.clusterRange].map(\.text).joined()
    }

    /// Every cluster index range where `token` occurs in `text`'s clusters.
    static func occurrences(of token: String, in clusters: [TextCluster]) -> [Range<Int>] {
        let tokenClusters = token.map(String.init)
        let texts = clusters.map(\.text)
        guard texts.count >= tokenClusters.count else { return [] }
        return (0...(texts.count - tokenClusters.count)).compactMap { start in
            Array(texts[start..<(start + tokenClusters.count)]) == tokenClusters
                ? start..<(start + tokenClusters.count) : nil
        }
    }

    static func isClose(_ a: Double, _ b: Double, tolerance: Double = 0.01) -> Bool { abs(a - b) <= tolerance }

    static func areClose(_ a: [Double], _ b: [Double], tolerance: Double = 0.01) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    /// `balancesLastLine: false` for tests of what the breaker does before the last line is
    /// balanced (push-down, squeeze), whose examples end on 「お。」.
    static func set(_ text: String, width: Double, alignment: TextAlignment = .justify,
                    indent: Double = 0, balancesLastLine: Bool = true) -> (clusters: [TextCluster], lines: [BrokenLine]) {
        let clusters = clusters(text)
        var options = LineBreakOptions(width: width, alignment: alignment, firstLineIndent: indent)
        options.avoidsLoneLastCharacter = balancesLastLine
        return (clusters, JapaneseLineBreaker.breakLines(clusters, options: options))
    }
}

@Suite struct LineBreakingFixtureTests {
    @Test func fixtureAdvancesAreFullAndHalfWidth() {
        let clusters = LineBreakingFixture.clusters("あA \n")
        #expect(clusters.map(\.advance) == [10, 5, 2.5, 0])
    }
}
