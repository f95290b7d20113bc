import Testing
@testable import YorisoiText

/// 均等割り of labels (帳票 rule 「氏　　名」 = width of 「生年月日」).
@Suite struct LineBreakingDistributeTests {
    typealias F = LineBreakingFixture

    @Test func nameLabelSpansBirthDateLabel() {
        let target = F.clusters("生年月日").reduce(0) { $0 + $1.advance }
        let result = JapaneseLineBreaker.distribute(F.clusters("氏名"), width: target)
        #expect(F.areClose(result.positions, [0, 30]))
        #expect(result.scale == 1)
    }

    @Test func threeCharactersShareTheSlackEvenly() {
        let result = JapaneseLineBreaker.distribute(F.clusters("現住所"), width: 50)
        #expect(F.areClose(result.positions, [0, 20, 40]))
    }

    @Test func singleCharacterIsCentred() {
        let result = JapaneseLineBreaker.distribute(F.clusters("印"), width: 40)
        #expect(F.areClose(result.positions, [15]))
        #expect(result.scale == 1)
    }

    @Test func tooLongLabelIsCompressedEvenly() {
        let result = JapaneseLineBreaker.distribute(F.clusters("生年月日"), width: 30)
        #expect(F.isClose(result.scale, 0.75))
        #expect(F.areClose(result.positions, [0, 7.5, 15, 22.5]))
    }

    @Test func bracketsAtTheEdgesAreTrimmedSoInkTouchesTheEdges() {
        // （注） natural 20 (both blanks trimmed); spread to 40: ink of （ starts at 0, ink of ） ends at 40.
        let clusters = F.clusters("（注）")
        let result = JapaneseLineBreaker.distribute(clusters, width: 40)
        #expect(F.isClose(F.inkBox(clusters[0], at: result.positions[0]).start, 0))
        #expect(F.isClose(F.inkBox(clusters[2], at: result.positions[2]).end, 40))
        #expect(F.areClose(result.positions, [-5, 15, 35]))
    }

    @Test func emptyLabel() {
        let result = JapaneseLineBreaker.distribute([], width: 40)
        #expect(result.positions.isEmpty)
        #expect(result.scale == 1)
    }
}
