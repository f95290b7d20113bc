import Testing
import YorisoiLayout
import YorisoiPDF
import YorisoiText

@Suite struct FormBlockTests {
    @Test func checkListDrawsVectorBoxesAndTicksOnlyCheckedItems() throws {
        let list = CheckListBlock(items: [
            CheckItem("こども食堂", checked: true), CheckItem("保育所"), CheckItem("学童保育", checked: true),
            CheckItem("その他", writeIn: WriteIn(text: "祖母の送迎")), CheckItem("その他", writeIn: WriteIn()),
        ], arrangement: .columns(2))
        let result = try Layout.run(Fixtures.document([.checkList(list)]))
        let page = result.pages[0]
        let boxes = page.rectangles.filter { $0.1 != nil && abs($0.0.size.width - $0.0.size.height) < 0.001 }
        #expect(boxes.count == 5)
        #expect(page.paths.count == 2, "one tick per checked item")
        // Two columns: boxes at two x positions, three rows.
        #expect(Set(boxes.map { ($0.0.origin.x * 100).rounded() }).count == 2)
        #expect(Set(boxes.map { ($0.0.origin.y * 100).rounded() }).count == 3)
        #expect(page.text.contains("その他（祖母の送迎）"))
        #expect(page.text.contains("その他（　　　　　　）"))
        // Each box sits beside its label: vertically within the label's em box.
        let first = boxes.min { ($0.0.origin.y, $0.0.origin.x) < ($1.0.origin.y, $1.0.origin.x) }!.0
        let label = page.glyphs.first { $0.text == "こ" }!
        #expect(first.origin.y >= label.box.origin.y - 0.01 && first.maxY <= label.box.maxY + 0.01)
        #expect(first.maxX < label.x)
    }

    /// Items side by side share their first baseline: with ruby over one label (料理) and none
    /// over the other (こども), the row still reads as one line, boxes level (the ruby edition
    /// of a two-column check list had its items step down and up across the row).
    @Test func itemsInARowShareTheirBaselineWhenOnlyOneHasRuby() throws {
        var style = Fixtures.style()
        style.ruby = RubyRequest(known: [], grade: 0)
        let list = CheckListBlock(items: [CheckItem("料理"), CheckItem("こども"), CheckItem("こども"), CheckItem("料理")],
                                  arrangement: .columns(2), style: style)
        let result = try Layout.run(Fixtures.document([.checkList(list)]))
        let page = result.pages[0]
        let ruby = page.glyphs.filter { $0.text == "りょう" || $0.text == "り" || $0.text == "ょ" || $0.text == "う" }
        #expect(!ruby.isEmpty, "料理 takes a reading")
        let bases = page.glyphs.filter { $0.text == "料" || $0.text == "こ" }
        #expect(bases.count == 4)
        let rows = Dictionary(grouping: bases, by: { ($0.baseline * 100).rounded() })
        #expect(rows.count == 2, "two rows, each on one baseline: \(bases.map { ($0.text, $0.baseline) })")
        let boxes = page.rectangles.filter { $0.1 != nil && abs($0.0.size.width - $0.0.size.height) < 0.001 }
        #expect(Set(boxes.map { ($0.0.origin.y * 100).rounded() }).count == 2, "the boxes of a row are level")
        // The label moved down takes from the leading under it: the rows are as far apart as in a
        // list where every label has ruby (a ruby edition runs onto no further page for this).
        func rowTops(_ labels: [String]) throws -> [Double] {
            let list = CheckListBlock(items: labels.map { CheckItem($0) }, arrangement: .columns(2), style: style)
            let page = try Layout.run(Fixtures.document([.checkList(list)])).pages[0]
            let boxes = page.rectangles.filter { $0.1 != nil && abs($0.0.size.width - $0.0.size.height) < 0.001 }
            return Set(boxes.map(\.0.origin.y)).sorted()
        }
        let mixed = try rowTops(["料理", "こども", "こども", "料理"])
        let allRuby = try rowTops(["料理", "献立", "献立", "料理"])
        #expect(mixed.count == 2 && allRuby.count == 2)
        #expect(abs((mixed[1] - mixed[0]) - (allRuby[1] - allRuby[0])) < 0.001)
    }

    @Test func inlineCheckListWrapsLikeWords() throws {
        let items = ["電話（　月　日）", "面談（　月　日）", "訪問（　月　日）", "その他（　　　）"].map { CheckItem($0) }
        let narrow = PageSetup(paper: .custom(width: 260, height: 400), margins: EdgeInsets(all: 20))
        let result = try Layout.run(Fixtures.document([.checkList(CheckListBlock(items: items, arrangement: .inline))],
                                                      page: narrow))
        let boxes = result.pages[0].rectangles.filter { $0.1 != nil }
        #expect(boxes.count == 4)
        #expect(Set(boxes.map { ($0.0.origin.y * 100).rounded() }).count == 2, "two items per line at this width")
        #expect(boxes.allSatisfy { $0.0.maxX <= 240 })
    }

    @Test func singleCheckBoxHangsItsLabel() throws {
        let box = CheckBoxBlock(checked: true, label: [.text("こどもの生年月日：" + Fixtures.longText(80), style: Fixtures.style())])
        let result = try Layout.run(Fixtures.document([.checkBox(box)]))
        let page = result.pages[0]
        let square = try #require(page.rectangles.first { $0.1 != nil }).0
        let lines = Dictionary(grouping: page.glyphs, by: { ($0.baseline * 100).rounded() }).values
        #expect(lines.count >= 2)
        // Every line starts right of the box (hanging indent), at the same x.
        let starts = Set(lines.map { (($0.map(\.x).min() ?? 0) * 100).rounded() })
        #expect(starts.count == 1)
        #expect(lines.allSatisfy { ($0.map(\.x).min() ?? 0) > square.maxX })
        #expect(page.paths.count == 1)
    }

    /// Each check box says its state in words, invisibly, inside the box on its label's
    /// baseline, as its structure's Lbl; the label is the LBody; the box and tick are furniture.
    @Test func checkBoxesAnnounceTheirStateInTheirLabelElement() throws {
        let list = CheckListBlock(items: [CheckItem("こども食堂", checked: true), CheckItem("保育所")],
                                  arrangement: .columns(2))
        let result = try Layout.run(Fixtures.document([.checkList(list)]))
        let tree = result.structure
        let roles = tree.nodes.map(\.role)
        #expect(roles == [.document, .list, .listItem, .label, .listBody, .listItem, .label, .listBody])
        #expect(tree.nodes[3].actualText == "チェックあり")
        #expect(tree.nodes[6].actualText == "チェックなし")
        let runs = result.pages[0].items.compactMap { item -> GlyphRun? in
            if case .glyphRun(let run) = item { run } else { nil }
        }
        let announced = runs.filter(\.isInvisible)
        #expect(announced.map { $0.glyphs.map(\.text).joined() } == ["チェックあり", "チェックなし"])
        #expect(announced.map(\.structure) == [StructureRef(3), StructureRef(6)])
        let boxes = result.pages[0].rectangles.filter { $0.1 != nil }.map(\.0)
        for (run, box) in zip(announced, boxes) {
            // Squeezed into the box: from its left edge to its right.
            let width = run.glyphs.map { $0.x + Double(run.face.advance(of: $0.glyphID)) / Double(run.face.metrics.unitsPerEm) * run.fontSize }.max()! * run.horizontalScale
            #expect(abs(run.origin.x - box.origin.x) < 0.01 && abs(width - box.size.width) < 0.1)
        }
        let labels = runs.filter { !$0.isInvisible }
        #expect(labels.map(\.structure) == [StructureRef(4), StructureRef(7)])
    }

    @Test func scaleMarksTheValueOnTheBar() throws {
        let scale = ScaleBlock(label: "保護者の現在の満足度", value: 50)
        let result = try Layout.run(Fixtures.document([.scale(scale)]))
        let page = result.pages[0]
        let bar = try #require(page.rectangles.first { $0.1 != nil && $0.2 == nil }).0
        let shaded = try #require(page.rectangles.first { $0.1 == nil && $0.2 != nil }).0
        #expect(abs(shaded.origin.x - bar.origin.x) < 0.01)
        #expect(abs(shaded.size.width - bar.size.width / 2) < 0.01, "shaded up to 50 of 0–100")
        let pointer = try #require(page.paths.first).0
        guard case .move(let tip) = pointer.elements.first else {
            Issue.record("pointer path starts with a move")
            return
        }
        #expect(abs(tip.x - (bar.origin.x + bar.size.width / 2)) < 0.01)
        #expect(tip.y <= bar.origin.y)
        // Five tick numbers centred under their ticks, the label left of the bar.
        for (value, fraction) in [("0", 0.0), ("25", 0.25), ("50", 0.5), ("75", 0.75), ("100", 1.0)] {
            #expect(page.text.contains(value))
            let ticks = page.lines.filter { abs($0.from.x - (bar.origin.x + bar.size.width * fraction)) < 0.01 }
            #expect(!ticks.isEmpty, "tick at \(value)")
        }
        let label = page.glyphs.filter { $0.box.maxX <= bar.origin.x }.map(\.text).joined()
        #expect(label == "保護者の現在の満足度")
        #expect(page.glyphs.allSatisfy { $0.box.maxX <= PageSetup().width - PageSetup().margins.right + 0.01 })
    }

    /// A scale is a Figure, and what it draws is the Figure's content: its pointer and faces keep
    /// the structure reference through every move onto the page (they were dropped when a
    /// drawing was moved, so the Figure held only its numbers).
    @Test func aScalesDrawingsStayTheFiguresContentOnThePage() throws {
        let result = try Layout.run(Fixtures.document([.scale(ScaleBlock(label: "いまのきもち", value: 75, faces: true))]))
        let paths = result.pages[0].paths.map(\.0)
        #expect(paths.count > 10)
        let figure = try #require(paths.first?.structure)
        #expect(paths.allSatisfy { $0.structure == figure })
        #expect(result.pages[0].items.contains { item in
            if case .glyphRun(let run) = item { return run.structure == figure }
            return false
        })
    }

    /// With faces (守谷市's こども版): one face above each numbered tick, above the pointer, its
    /// mouth a frown at 0, flat at 50 and a smile at 100; the bar and ticks stay as they were.
    @Test func scaleWithFacesDrawsOneFacePerTickFromSadToSmiling() throws {
        let scale = ScaleBlock(label: "いまのきもち", value: 75, faces: true)
        let result = try Layout.run(Fixtures.document([.scale(scale)]))
        let page = result.pages[0]
        let bar = try #require(page.rectangles.first { $0.1 != nil && $0.2 == nil }).0
        // Outlines: a stroked circle (four curves, closed) per tick, and a stroked mouth (one curve).
        let stroked = page.paths.filter { $0.1 != nil && $0.2 == nil }.map(\.0)
        let circles = stroked.filter { $0.elements.count == 6 }
        let mouths = stroked.filter { $0.elements.count == 2 }
        #expect(circles.count == 5 && mouths.count == 5)
        let eyes = page.paths.filter { $0.1 == nil && $0.2 != nil && $0.0.elements.count == 6 }
        #expect(eyes.count == 10)
        // Each circle starts at its right edge, on its centre line, above the bar and centred on its tick.
        let centres = circles.compactMap { path -> Point? in
            guard case .move(let start) = path.elements.first, case .curve(let bottom, _, _) = path.elements[1] else { return nil }
            return Point(x: bottom.x, y: start.y)
        }.sorted { $0.x < $1.x }
        let sortedMouths = mouths.sorted { a, b in
            guard case .move(let p) = a.elements[0], case .move(let q) = b.elements[0] else { return false }
            return p.x < q.x
        }
        for (index, fraction) in [0.0, 0.25, 0.5, 0.75, 1.0].enumerated() {
            let x = bar.origin.x + bar.size.width * fraction
            #expect(abs(centres[index].x - x) < 0.01, "face \(index) centred on its tick")
            #expect(centres[index].y < bar.origin.y, "face \(index) above the bar")
            // The mouth bends down (a smile) for a high value, up (a frown) for a low one.
            guard case .move(let from) = sortedMouths[index].elements[0],
                  case .curve(_, let control, _) = sortedMouths[index].elements[1] else {
                Issue.record("a mouth is a move and a curve")
                continue
            }
            if fraction < 0.5 { #expect(control.y < from.y) }
            else if fraction > 0.5 { #expect(control.y > from.y) }
            else { #expect(abs(control.y - from.y) < 0.01) }
        }
    }

    @Test func dateBlankCentresValuesInTheirBlanks() throws {
        let blank = DateBlankBlock(prefix: "令和", fields: [DateBlankField(value: "7", unit: "年"),
                                                           DateBlankField(unit: "月"), DateBlankField(unit: "日")],
                                   placement: RowPlacement(alignment: .end, endIndent: 10.5))
        let result = try Layout.run(Fixtures.document([.dateBlank(blank)]))
        let glyphs = result.pages[0].glyphs
        #expect(glyphs.map(\.text).joined() == "令和7年月日")
        let right = PageSetup().width - PageSetup().margins.right - 10.5
        let day = try #require(glyphs.last)
        #expect(abs(day.x + day.advance - right) < 0.01, "right-aligned, one 字 from the edge")
        // 「年」 and 「月」 are one 2字 blank apart (the blank is empty).
        let year = glyphs.first { $0.text == "年" }!, month = glyphs.first { $0.text == "月" }!
        #expect(abs(month.x - (year.x + year.advance) - 21) < 0.01)
        // 「7」 centred in the blank between 「和」 and 「年」.
        let era = glyphs.first { $0.text == "和" }!, seven = glyphs.first { $0.text == "7" }!
        let blankCentre = (era.x + era.advance + year.x) / 2
        #expect(abs(seven.x + seven.advance / 2 - blankCentre) < 0.01)
    }

    @Test func signatureLineRunsToTheEndOfTheLine() throws {
        let signature = SignatureLineBlock(label: "（署名）", suffix: "印")
        let result = try Layout.run(Fixtures.document([.signatureLine(signature)]))
        let page = result.pages[0]
        let rule = try #require(page.lines.first)
        let label = page.glyphs.filter { $0.text != "印" }
        let seal = try #require(page.glyphs.first { $0.text == "印" })
        #expect(rule.from.x > label.last!.x + label.last!.advance)
        #expect(rule.to.x < seal.x)
        #expect(abs(seal.x + seal.advance - (PageSetup().width - PageSetup().margins.right)) < 0.5)
        #expect(rule.from.y > seal.baseline, "the rule runs under the writing")
    }

    @Test func signatureWithValueCentresTheName() throws {
        let signature = SignatureLineBlock(label: "氏名", value: "山田 太郎", suffix: "様", length: 150)
        let result = try Layout.run(Fixtures.document([.signatureLine(signature)]))
        let page = result.pages[0]
        let rule = try #require(page.lines.first)
        let name = page.glyphs.filter { $0.box.origin.x >= rule.from.x && $0.box.maxX <= rule.to.x }
        #expect(name.map(\.text).joined() == "山田 太郎")
        let centre = (name.first!.x + name.last!.x + name.last!.advance) / 2
        #expect(abs(centre - (rule.from.x + rule.to.x) / 2) < 0.01)
    }
}
