import Testing
@testable import YorisoiText

/// A punctuation-dense paragraph set at ten measures: the invariants every line must keep.
@Suite struct LineBreakingParagraphTests {
    typealias F = LineBreakingFixture

    static let paragraph = "令和７年（2025年）４月１日から、「Yorisoi」による通知書の作成を開始しました。"
        + "手数料は1,234.5円です……ただし、ＰＤＦではなくPDF/A形式で保存してください。"
        + "「子ども・子育て支援」の申請っていつまでですか？「はい」「いいえ」のどちらかに○をつけてください。"
        + "ちょっと待ってね、しゃっきり。（注）詳しくは、窓口（市民課・福祉課）へ。"
        + "英語では（Yorisoi renders PDF/A files）と書きます。ファイル名は「通知_2025.pdf」です‥‥以上。"

    /// Units that must never be split across lines.
    static let unbreakable = ["Yorisoi", "PDF/A", "1,234.5", "2025", "……", "‥‥", "renders", "files",
                              "_2025.pdf"]

    static let widthsInEm: [Double] = [5, 6, 7, 8, 10, 13, 17, 22, 29, 40]

    @Test(arguments: widthsInEm)
    func paragraphKeepsEveryRule(widthInEm: Double) {
        let width = widthInEm * F.em
        let (clusters, lines) = F.set(Self.paragraph, width: width)
        #expect(lines.count >= 2)

        // Every cluster once, in order.
        #expect(lines.first?.clusterRange.lowerBound == 0)
        #expect(lines.last?.clusterRange.upperBound == clusters.count)
        for (a, b) in zip(lines, lines.dropFirst()) {
            #expect(a.clusterRange.upperBound == b.clusterRange.lowerBound)
        }
        #expect(lines.dropLast().allSatisfy { !$0.endsParagraph })
        #expect(lines.last?.endsParagraph == true)

        for (index, line) in lines.enumerated() {
            let text = F.text(of: line, in: clusters)
            #expect(line.positions.count == line.clusterRange.count)
            #expect(!line.clusterRange.isEmpty)
            let first = clusters[line.clusterRange.lowerBound].text
            if index > 0 {
                #expect(!F.mayNotStartLine.contains(first), "line \(index) starts with \(first): \(text)")
            }
            let setIndices = line.clusterRange.filter { F.isSet(clusters[$0]) }
            if let last = setIndices.last {
                #expect(!F.mayNotEndLine.contains(clusters[last].text), "line \(index) ends with an opening bracket: \(text)")
            }

            // Ink boxes in order, no overlap, inside the measure.
            var previousEnd = -Double.infinity
            var lastEdge = 0.0
            for i in setIndices {
                let box = F.inkBox(clusters[i], at: line.positions[i - line.clusterRange.lowerBound])
                #expect(box.start >= previousEnd - 0.01, "overlap before \(clusters[i].text) in \(text)")
                #expect(box.start >= -0.01)
                previousEnd = box.end
                lastEdge = F.lineEndEdge(clusters[i], at: line.positions[i - line.clusterRange.lowerBound])
            }
            #expect(lastEdge <= width + 0.01, "line \(index) overflows: \(text)")
            #expect(line.width <= width + 0.01)

            // 両端揃え: every line but the last reaches the right edge exactly, unless filling it would
            // add more than ½ em between two characters: then it is set flush at its natural width.
            if !line.endsParagraph {
                let flush = F.isClose(line.width, line.naturalWidth)
                #expect(F.isClose(lastEdge, width) || flush, "line \(index) ends at \(lastEdge) of \(width): \(text)")
                #expect(F.isClose(line.width, width) || flush)
            }
        }

        #expect(TypesettingRegressionTests.maximumAdded(lines, clusters) <= 0.5 * F.em + 0.01)

        // 分離禁止: each unit lies inside one line.
        for token in Self.unbreakable {
            let found = F.occurrences(of: token, in: clusters)
            #expect(!found.isEmpty, "fixture lacks \(token)")
            for range in found {
                #expect(lines.contains { $0.clusterRange.contains(range.lowerBound)
                    && $0.clusterRange.contains(range.upperBound - 1) }, "\(token) split at \(widthInEm) em")
            }
        }
    }

    @Test(arguments: widthsInEm)
    func nonFinalLinesAreFullUpToOneUnit(widthInEm: Double) {
        // Greedy: a line is never so short that the next cluster and its unbreakable neighbours would
        // have fitted naturally. Loose check: natural width is more than the measure minus 4 em
        // (the longest unit pushed down is "Yorisoi" plus its brackets).
        let width = widthInEm * F.em
        let (_, lines) = F.set(Self.paragraph, width: width)
        for line in lines where !line.endsParagraph {
            #expect(line.naturalWidth > width - 4.5 * F.em)
            #expect(line.naturalWidth <= width + 0.01 || line.naturalWidth - width < 1.5 * F.em)
        }
    }
}
