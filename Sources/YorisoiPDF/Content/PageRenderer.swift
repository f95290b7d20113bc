/// Draws a page's display list into a content stream, flipping layout's top-left, y-down
/// coordinates into PDF's bottom-left, y-up space (y_pdf = page height − y).
///
/// Every item is inside a marked-content sequence (PDF/UA-1 §7.1): the content of a structure
/// element (`/P <</MCID n>> BDC … EMC`), or `/Artifact BMC … EMC`. Consecutive items of the same
/// element (the runs of a line, the lines of a paragraph) share one sequence.
struct PageRenderer {
    let page: PDFPage
    /// Embedded fonts, looked up by the run's face.
    let fontFor: (GlyphRun) -> EmbeddedFont
    let marking: ContentMarking

    /// The content stream, and per MCID (0, 1, …) the element it marks.
    func render() -> (bytes: [UInt8], marked: [StructureRef]) {
        let content = ContentStream()
        var marked: [StructureRef] = []
        var open: ContentMarking.Mark?
        for item in page.items {
            guard draws(item) else { continue }
            let mark = marking.mark(item)
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
                if run.isRuby { content.beginActualText("") }
                TextRunEncoder(run: run, font: fontFor(run), pageHeight: page.size.height)
                    .encode(into: content)
                if run.isRuby { content.endMarkedContent() }
            case .line(let from, let to, let stroke):
                // Each graphic gets its own q/Q so no width, dash or colour leaks into the next.
                content.save()
                apply(stroke, to: content)
                content.move(from.x, flip(from.y))
                content.line(to.x, flip(to.y))
                content.stroke()
                content.restore()
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
        if open != nil { content.endMarkedContent() }
        return (content.bytes, marked)
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
