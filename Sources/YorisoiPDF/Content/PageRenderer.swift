/// Draws a page's display list into a content stream, flipping layout's top-left, y-down
/// coordinates into PDF's bottom-left, y-up space (y_pdf = page height − y).
struct PageRenderer {
    let page: PDFPage
    /// Embedded fonts, looked up by the run's face.
    let fontFor: (GlyphRun) -> EmbeddedFont

    func render() -> [UInt8] {
        let content = ContentStream()
        for item in page.items {
            switch item {
            case .glyphRun(let run):
                TextRunEncoder(run: run, font: fontFor(run), pageHeight: page.size.height)
                    .encode(into: content)
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
        return content.bytes
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
