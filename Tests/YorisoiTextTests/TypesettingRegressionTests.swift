import Testing
@testable import YorisoiText

/// The defects reported in issue #11, each reproduced on the line breaker (1 em = 10 pt, Latin ½ em).
@Suite struct TypesettingRegressionTests {
    typealias F = LineBreakingFixture

    /// Largest space added between adjacent set clusters of any line (origin distance − advance),
    /// not counting 和欧間's natural quarter.
    static func maximumAdded(_ lines: [BrokenLine], _ clusters: [TextCluster]) -> Double {
        var worst = 0.0
        var worstPair = ""
        for line in lines {
            let indices = Array(line.clusterRange).filter { F.isSet(clusters[$0]) }
            for (a, b) in zip(indices, indices.dropFirst()) {
                let pa = line.positions[a - line.clusterRange.lowerBound]
                let pb = line.positions[b - line.clusterRange.lowerBound]
                let added = pb - pa - clusters[a].advance
                if added > worst { worst = added; worstPair = clusters[a].text + "|" + clusters[b].text }
            }
        }
        if worst > 5 { print("maximumAdded \(worst) at \(worstPair)") }
        return worst
    }

    @Test func lineBeforeAnUnbreakableRunIsNotSpreadOverTheMeasure() throws {
        // 「ぎりぎりとのこ」 then a 16-em number: the old breaker spread seven characters over thirteen.
        let (clusters, lines) = F.set("ぎりぎりとのこ12345678901234567890123456789012", width: 130)
        try #require(lines.count >= 2)
        #expect(F.text(of: lines[0], in: clusters) == "ぎりぎりとのこ")
        #expect(F.areClose(lines[0].positions, [0, 10, 20, 30, 40, 50, 60]), "spread: \(lines[0].positions)")
        #expect(Self.maximumAdded(lines, clusters) <= 5 + 1e-9)
    }

    @Test func phoneNumberBeforeALongURLIsNotLetterSpaced() throws {
        let text = "0438-00-0000またはhttps://www.example.jp/kosodate/shien/moushikomi.html"
        let (clusters, lines) = F.set(text, width: 200)
        try #require(lines.count >= 2)
        let phone = F.occurrences(of: "0438-00-0000", in: clusters)[0]
        let line = try #require(lines.first { $0.clusterRange.contains(phone.lowerBound) })
        #expect(line.clusterRange.contains(phone.upperBound - 1), "phone number split")
        let offsets = phone.map { line.positions[$0 - line.clusterRange.lowerBound] }
        #expect(F.areClose(zip(offsets, offsets.dropFirst()).map { $1 - $0 }, Array(repeating: 5, count: 11)))
        // The URL starts on the phone number's line and breaks after a slash, never inside https://.
        #expect(F.text(of: lines[0], in: clusters).contains("https://"))
        for l in lines.dropLast() {
            let t = F.text(of: l, in: clusters)
            #expect(["/", ".", "?", "&", "=", "-"].contains(String(t.last!)) || !t.contains("/"), "\(t)")
        }
    }

    @Test func mixedScriptSpaceStretchesAtMostAQuarter() throws {
        // One 和欧間 pair in a line that needs 3 pt: it may not take all of it.
        let (clusters, lines) = F.set("起算して6か月以内にああ", width: 98)
        try #require(lines.count >= 2)
        let six = F.occurrences(of: "6", in: clusters)[0].lowerBound
        let p = lines[0].positions
        #expect(p[six] - p[six - 1] - 10 <= 5 + 1e-9)
        #expect(p[six + 1] - p[six] - 5 <= 5 + 1e-9)
        // and it stays near the spacing of its neighbours: no 「　6　」 hole.
        #expect(p[six] - p[six - 1] - 10 < 2.5 + (p[1] - p[0] - 10) + 1e-9)
    }

    @Test func narrowCellNeverStartsALineWithClosingPunctuation() throws {
        for text in ["人々、。」）がいます", "ほんと。」）！？でした", "「々」を使う", "だよね。」と言った"] {
            for width in [40.0, 60.0] {
                let (clusters, lines) = F.set(text, width: width)
                for line in lines.dropFirst() {
                    let first = clusters[line.clusterRange.lowerBound].text
                    #expect(!"、。，．）」』】〕！？・：；".contains(first), "\(text) @\(width): \(lines.map { F.text(of: $0, in: clusters) })")
                }
                for line in lines.dropLast() {
                    let t = F.text(of: line, in: clusters)
                    #expect(!"「『（【〔".contains(String(t.last!)), "\(t)")
                }
            }
        }
    }

    @Test func narrowColumnRelaxesSmallKanaBeforeOverflowing() throws {
        // 「しょっちゅう」 in two characters: no legal break, so small kana may start a line.
        let (clusters, lines) = F.set("しょっちゅう", width: 20)
        #expect(lines.allSatisfy { $0.width <= 20 + 1e-6 }, "\(lines.map { F.text(of: $0, in: clusters) })")
    }

    @Test func datesAndWordsAreNotSplit() throws {
        for (text, unit) in [("支援開始は2025年6月15日です。", "15日"), ("見直しは令和7年5月です。", "5月"),
                             ("見直しは令和7年5月です。", "令和7"), ("次のモニタリング時期です。", "6か月")] {
            for width in [60.0, 80.0, 90.0, 100.0, 130.0] {
                let (clusters, lines) = F.set(text, width: width)
                for range in F.occurrences(of: unit, in: clusters) {
                    #expect(lines.contains { $0.clusterRange.contains(range.lowerBound) && $0.clusterRange.contains(range.upperBound - 1) },
                            "\(unit) split @\(width): \(lines.map { F.text(of: $0, in: clusters) })")
                }
            }
        }
        // A whole date moves down when it fits on the next line.
        let (clusters, lines) = F.set("支援開始は2025年6月15日です。", width: 90)
        #expect(lines.map { F.text(of: $0, in: clusters) }.contains { $0.hasPrefix("2025年6月15日") })
    }

    @Test func labelsNeverLeaveOneCharacterAlone() throws {
        for (text, width, expected) in [("心配していること", 70.0, ["心配して", "いること"]),
                                        ("子どもがすること", 70.0, ["子どもが", "すること"]),
                                        ("モニタリング時期", 60.0, ["モニタリング", "時期"]),
                                        ("ご家族がすること", 70.0, ["ご家族が", "すること"]),
                                        ("関する今後の予定", 70.0, ["関する", "今後の予定"])] {
            let (clusters, lines) = F.set(text, width: width)
            #expect(lines.map { F.text(of: $0, in: clusters) } == expected)
        }
    }

    /// Labels and headings keep a katakana word whole: when 「モニタリング」 is wider than the
    /// measure, the line overfills (for the cell to shrink the label) instead of splitting it.
    @Test func labelsKeepKatakanaWordsWholeAndOverfillInstead() throws {
        var options = LineBreakOptions(width: 50, alignment: .center)
        let clusters = F.clusters("モニタリング時期")
        let split = JapaneseLineBreaker.breakLines(clusters, options: options)
        #expect(split.map { F.text(of: $0, in: clusters) }.first != "モニタリング", "body text may break inside the word")
        options.keepsWords = true
        let kept = JapaneseLineBreaker.breakLines(clusters, options: options)
        #expect(kept.map { F.text(of: $0, in: clusters) } == ["モニタリング", "時期"])
        #expect(kept[0].naturalWidth > 50, "the word overfills, for the cell's shrink policy")
        // Wide enough: nothing changes, and the break between the words is still free.
        options.width = 60
        #expect(JapaneseLineBreaker.breakLines(clusters, options: options).map { F.text(of: $0, in: clusters) }
                == ["モニタリング", "時期"])
        // Hiragana, kanji and the 長音 of a hiragana word are untouched by the option.
        let plain = F.clusters("こどもがすること")
        #expect(JapaneseLineBreaker.breakLines(plain, options: LineBreakOptions(width: 70, alignment: .justify)).count == 2)
    }
}
