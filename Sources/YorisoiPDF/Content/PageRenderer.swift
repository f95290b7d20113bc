/// Draws a page's display list into a content stream, flipping layout's top-left, y-down
/// coordinates into PDF's bottom-left, y-up space (y_pdf = page height − y).
///
/// Every item is inside a marked-content sequence (PDF/UA-1 §7.1): the content of a structure
/// element (`/P <</MCID n>> BDC … EMC`), or `/Artifact BMC … EMC`. Consecutive items of the same
/// element (the runs of a line, the lines of a paragraph) share one sequence.
///
/// Rules drawn one after another with one stroke (a table's cell borders) are one path painted
/// once (`RuleBatch`), and a segment already in that path is not added again: the cells of a row
/// each draw their borders, so every inner border came twice. Opaque paint covers the same pixels
/// either way; a plan's page content is about a tenth smaller and quicker to write and deflate.
struct PageRenderer {
    let page: PDFPage
    /// Embedded fonts, looked up by the run's face.
    let fontFor: (GlyphRun) -> EmbeddedFont
    let marking: ContentMarking

    /// The content stream (deflated where it was written), and per MCID (0, 1, …) the element
    /// it marks.
    func draw() -> (content: ContentStream, marked: [StructureRef]) {
        let content = ContentStream()
        var marked: [StructureRef] = []
        var open: ContentMarking.Mark?
        var rules = RuleBatch()
        for item in page.items {
            guard draws(item) else { continue }
            let mark = marking.mark(item, offset: page.structureOffset)
            if case .line(let from, let to, let stroke) = item, mark == open, rules.stroke == stroke {
                rules.add(from: flipped(from), to: flipped(to), into: content)
                continue
            }
            rules.paint(into: content)
            if mark != open {
                if open != nil { content.endMarkedContent() }
                switch mark {
                case .artifact:
                    content.beginArtifact()
                case .content(let ref, let language):
                    content.beginMarkedContent(marking.tag(of: ref), mcid: marked.count, language: language)
                    marked.append(ref)
                }
                open = mark
            }
            switch item {
            case .glyphRun(let run):
                // Ruby: an empty /ActualText inside the artifact, so copying and text extraction
                // give the base text alone (poppler and Acrobat honour it; docs/ruby.md).
                let isRuby = run.isRuby
                if isRuby { content.beginActualText("") }
                TextRunEncoder(run: run, font: fontFor(run), pageHeight: page.size.height)
                    .encode(into: content)
                if isRuby { content.endMarkedContent() }
            case .line(let from, let to, let stroke):
                // Each graphic gets its own q/Q so no width, dash or colour leaks into the next;
                // the rules that follow with the same stroke join this one's path.
                content.save()
                apply(stroke, to: content)
                rules.stroke = stroke
                rules.add(from: flipped(from), to: flipped(to), into: content)
            case .rectangle(let rect, let stroke, let fill):
                guard stroke != nil || fill != nil else { continue }
                content.save()
                prepare(stroke: stroke, fill: fill, content: content)
                content.rectangle(rect.origin.x, flip(rect.origin.y + rect.size.height),
                                  rect.size.width, rect.size.height)
                paint(stroke: stroke, fill: fill, content: content)
                content.restore()
            case .path(let path, let stroke, let fill):
                guard stroke != nil || fill != nil, !path.elements.isEmpty else { continue }
                content.save()
                prepare(stroke: stroke, fill: fill, content: content)
                for element in path.elements {
                    switch element {
                    case .move(let p): content.move(p.x, flip(p.y))
                    case .line(let p): content.line(p.x, flip(p.y))
                    case .curve(let p, let c1, let c2):
                        content.curve(c1.x, flip(c1.y), c2.x, flip(c2.y), p.x, flip(p.y))
                    case .close: content.closePath()
                    }
                }
                paint(stroke: stroke, fill: fill, content: content)
                content.restore()
            }
        }
        rules.paint(into: content)
        if open != nil { content.endMarkedContent() }
        return (content, marked)
    }

    /// The rules of one stroke whose path is open: its segments so far, to leave out repeats.
    private struct RuleBatch {
        struct Segment: Hashable {
            let x0: Double, y0: Double, x1: Double, y1: Double
        }
        /// The open path's stroke; nil when no path is open.
        var stroke: StrokeStyle?
        private var segments = Set<Segment>()

        mutating func add(from: Point, to: Point, into content: ContentStream) {
            guard segments.insert(Segment(x0: from.x, y0: from.y, x1: to.x, y1: to.y)).inserted else { return }
            content.move(from.x, from.y)
            content.line(to.x, to.y)
        }

        /// Strokes the open path, if any, and closes its q.
        mutating func paint(into content: ContentStream) {
            guard stroke != nil else { return }
            content.stroke()
            content.restore()
            stroke = nil
            segments.removeAll(keepingCapacity: true)
        }
    }

    /// Whether the item puts anything on the page (an empty run or an unpainted shape does not,
    /// and gets no marked content).
    private func draws(_ item: DrawItem) -> Bool {
        switch item {
        case .glyphRun(let run): return !run.glyphs.isEmpty
        case .line: return true
        case .rectangle(_, let stroke, let fill): return stroke != nil || fill != nil
        case .path(let path, let stroke, let fill): return (stroke != nil || fill != nil) && !path.elements.isEmpty
        }
    }

    private func flip(_ y: Double) -> Double { page.size.height - y }
    private func flipped(_ point: Point) -> Point { Point(x: point.x, y: flip(point.y)) }

    private func apply(_ stroke: StrokeStyle, to content: ContentStream) {
        content.strokeColor(stroke.color)
        content.lineWidth(stroke.lineWidth)
        if stroke.cap != .butt { content.lineCap(stroke.cap) }
        if stroke.join != .miter { content.lineJoin(stroke.join) }
        if let dash = stroke.dash { content.dash(dash) }
    }

    private func prepare(stroke: StrokeStyle?, fill: Color?, content: ContentStream) {
        if let stroke { apply(stroke, to: content) }
        if let fill { content.fillColor(fill) }
    }

    private func paint(stroke: StrokeStyle?, fill: Color?, content: ContentStream) {
        switch (stroke != nil, fill != nil) {
        case (true, true): content.fillAndStroke()
        case (true, false): content.stroke()
        default: content.fill()
        }
    }
}
