import Testing
@testable import YorisoiPDF

@Suite struct FontObjectTests {
    @Test func toUnicodeCMapExactBytes() {
        let cmap = ToUnicodeCMap.build([(1, "あ"), (2, "𠮷"), (3, "葛\u{E0100}")]).latin1
        #expect(cmap == """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange
            3 beginbfchar
            <0001> <3042>
            <0002> <D842DFB7>
            <0003> <845BDB40DD00>
            endbfchar
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """)
    }

    @Test func toUnicodeBlocksHoldAtMostOneHundred() {
        let entries = (1...250).map { (cid: UInt16($0), text: "a") }
        let cmap = ToUnicodeCMap.build(entries).latin1
        #expect(cmap.components(separatedBy: "100 beginbfchar").count - 1 == 2)
        #expect(cmap.contains("50 beginbfchar"))
        #expect(cmap.components(separatedBy: "endbfchar").count - 1 == 3)
    }

    @Test func widthsGroupConsecutiveCIDsAndSkipTheDefault() {
        let widths: [UInt16: Int] = [1: 1000, 2: 500, 3: 500, 4: 1000, 5: 1000, 7: 250, 8: 1000, 9: 333]
        let dw = CIDWidths.defaultWidth(widths)
        #expect(dw == 1000)
        let runs = CIDWidths.runs(widths, defaultWidth: dw)
        #expect(runs == [.init(first: 2, widths: [500, 500]), .init(first: 7, widths: [250]),
                         .init(first: 9, widths: [333])])
        #expect(CIDWidths.format(runs) == "[2 [500 500] 7 [250] 9 [333]]")
    }

    @Test func subsetTagIsSixUppercaseLettersAndDeterministic() {
        let a = SubsetTag.make(postScriptName: "BIZUDMincho-Regular", cids: [1, 2, 3])
        let b = SubsetTag.make(postScriptName: "BIZUDMincho-Regular", cids: [1, 2, 3])
        let c = SubsetTag.make(postScriptName: "BIZUDMincho-Regular", cids: [1, 2, 4])
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == 6 && a.allSatisfy { $0.isASCII && $0.isUppercase })
    }

    @Test func iccProfileHeaderAndTagTable() {
        let icc = ICCProfile.sRGB
        func be32(_ at: Int) -> Int { icc[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(be32(0) == icc.count)
        #expect(Array(icc[36..<40]).latin1 == "acsp")
        #expect(Array(icc[12..<24]).latin1 == "mntrRGB XYZ ")
        let tagCount = be32(128)
        #expect(tagCount == 9)
        for index in 0..<tagCount {
            let entry = 132 + index * 12
            let offset = be32(entry + 4), size = be32(entry + 8)
            #expect(offset % 4 == 0)
            #expect(offset + size <= icc.count)
        }
        // The tone curve: 0 → 0, 1 → 65535, mid-grey 0.5 → 0.214 linear.
        let trc = (0..<tagCount).map { 132 + $0 * 12 }.first { Array(icc[$0..<$0 + 4]).latin1 == "rTRC" }!
        let curve = be32(trc + 4)
        #expect(Array(icc[curve..<curve + 4]).latin1 == "curv")
        #expect(be32(curve + 8) == 1024)
        func sample(_ i: Int) -> Int { Int(icc[curve + 12 + 2 * i]) << 8 | Int(icc[curve + 13 + 2 * i]) }
        #expect(sample(0) == 0 && sample(1023) == 65535)
        #expect(abs(Double(sample(512)) / 65535 - 0.2147) < 0.002)
    }
}

@Suite struct MetadataTests {
    @Test func xmpEscapesMarkupAndDropsControls() throws {
        let info = DocumentInfo(title: "A&B <c> \"d\"\u{1}", date: Fixtures.date)
        let packet = XMPMetadata.packet(info: info, language: "ja", documentID: "x").latin1
        #expect(packet.contains(">A&amp;B &lt;c&gt; &quot;d&quot;</rdf:li>"))
        #expect(!packet.unicodeScalars.contains("\u{1}"))
    }
}
