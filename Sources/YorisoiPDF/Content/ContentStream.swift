/// Typed content-stream operators (PDF 1.7 §8–9), one operator per line. Operands are formatted
/// by `PDFNumber`, so the same drawing always gives the same bytes.
struct ContentStream {
    let buffer = ByteBuffer(capacity: 4096)

    var bytes: [UInt8] { buffer.bytes }

    // One overload per count of numbers, not a variadic array (every line, move and text run
    // writes operands, and a variadic call allocated an array each time) nor a generic parameter
    // pack (not specialised: each number went through `BinaryFloatingPoint.init` and witness
    // tables, 1.3% of a batch).
    private func operand(_ value: Double) {
        buffer.appendReal(value)
        buffer.append(UInt8(ascii: " "))
    }
    private func operands(_ a: Double) { operand(a) }
    private func operands(_ a: Double, _ b: Double) { operand(a); operand(b) }
    private func operands(_ a: Double, _ b: Double, _ c: Double) { operand(a); operand(b); operand(c) }
    private func operands(_ a: Double, _ b: Double, _ c: Double, _ d: Double) {
        operand(a); operand(b); operand(c); operand(d)
    }
    private func operands(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        operand(a); operand(b); operand(c); operand(d); operand(e); operand(f)
    }
    private func op(_ name: String) { buffer.append(name); buffer.append(UInt8(ascii: "\n")) }

    // MARK: Graphics state
    func save() { op("q") }
    func restore() { op("Q") }
    func lineWidth(_ width: Double) { operands(width); op("w") }
    func lineCap(_ cap: LineCap) { buffer.appendInt(cap.rawValue); op(" J") }
    func lineJoin(_ join: LineJoin) { buffer.appendInt(join.rawValue); op(" j") }
    func dash(_ pattern: DashPattern) {
        buffer.append("[")
        for (i, length) in pattern.lengths.enumerated() {
            if i > 0 { buffer.append(" ") }
            buffer.appendReal(length)
        }
        buffer.append("] ")
        operands(pattern.phase)
        op("d")
    }

    // MARK: Colour (device spaces; calibrated by the document's sRGB OutputIntent)
    func strokeColor(_ color: Color) {
        switch color {
        case .gray(let g): operands(clamp(g)); op("G")
        case .rgb(let r, let g, let b): operands(clamp(r), clamp(g), clamp(b)); op("RG")
        }
    }
    func fillColor(_ color: Color) {
        switch color {
        case .gray(let g): operands(clamp(g)); op("g")
        case .rgb(let r, let g, let b): operands(clamp(r), clamp(g), clamp(b)); op("rg")
        }
    }
    private func clamp(_ v: Double) -> Double { min(max(v, 0), 1) }

    // MARK: Path construction and painting (PDF space: origin bottom-left)
    func move(_ x: Double, _ y: Double) { operands(x, y); op("m") }
    func line(_ x: Double, _ y: Double) { operands(x, y); op("l") }
    func curve(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ x3: Double, _ y3: Double) {
        operands(x1, y1, x2, y2, x3, y3); op("c")
    }
    func closePath() { op("h") }
    func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double) {
        operands(x, y, width, height); op("re")
    }
    func stroke() { op("S") }
    func fill() { op("f") }
    func fillAndStroke() { op("B") }

    // MARK: Text
    func beginText() { op("BT") }
    func endText() { op("ET") }
    func font(_ resourceName: String, size: Double) {
        buffer.append("/"); PDFName.append(resourceName, to: buffer); buffer.append(" ")
        operands(size); op("Tf")
    }
    func textMatrix(_ a: Double, _ b: Double, _ c: Double, _ d: Double, _ e: Double, _ f: Double) {
        operands(a, b, c, d, e, f); op("Tm")
    }
    /// `1 0 0 1 x y Tm`: the text matrix of every run, which only moves the origin.
    func textOrigin(_ x: Double, _ y: Double) {
        buffer.append("1 0 0 1 ")
        operands(x, y); op("Tm")
    }
    func textRise(_ rise: Double) { operands(rise); op("Ts") }
    /// `Tz`: horizontal scaling in percent.
    func horizontalScaling(_ percent: Double) { operands(percent); op("Tz") }
    /// `Tr`: 0 fills the glyphs (every run's default), 2 fills them and strokes their outlines.
    func textRenderingMode(_ mode: Int) { buffer.appendInt(mode); op(" Tr") }

    /// `[<CIDs> adj <CIDs>] TJ`, written as the elements come (a text run has many glyphs, so
    /// no array of them is built): consecutive glyphs share one hex string, an adjustment
    /// (thousandths of text space, subtracted from the pen position) ends it, and nothing at all
    /// is written when no element comes before `flush`.
    ///
    /// Its state is exempt from run-time exclusivity checks for the reason `ByteBuffer.bytes` is.
    final class PositionedText {
        private let buffer: ByteBuffer
        @exclusivity(unchecked) private var isOpen = false
        @exclusivity(unchecked) private var inString = false
        @exclusivity(unchecked) private var count = 0

        init(_ content: ContentStream) { buffer = content.buffer }

        @inline(__always)
        func glyph(_ cid: UInt16) {
            if !inString { startElement(); buffer.append(UInt8(ascii: "<")); inString = true }
            buffer.appendHex16(cid)
        }

        func adjust(_ amount: Double) { adjust(units: PDFNumber.units(amount)) }

        /// An adjustment already rounded to `PDFNumber.units` (a caller that asked whether it
        /// is 0 has them).
        func adjust(units: Int64) {
            closeString()
            startElement()
            buffer.appendUnits(units)
        }

        /// Ends the `TJ`, if one was begun.
        func flush() {
            closeString()
            guard isOpen else { return }
            buffer.append("] TJ\n")
            isOpen = false
            count = 0
        }

        @inline(__always)
        private func startElement() {
            if !isOpen { buffer.append(UInt8(ascii: "[")); isOpen = true }
            if count > 0 { buffer.append(UInt8(ascii: " ")) }
            count += 1
        }

        private func closeString() {
            if inString { buffer.append(UInt8(ascii: ">")); inString = false }
        }
    }

    // MARK: Marked content
    /// `/Span <</ActualText <FEFF…>>> BDC`: text extraction returns `text` for what is inside.
    func beginActualText(_ text: String) {
        buffer.append("/Span <</ActualText <")
        buffer.appendHex(TextEncoding.utf16BEWithBOM(text))
        op(">>> BDC")
    }
    func endMarkedContent() { op("EMC") }
    /// `/Artifact BMC`: page furniture, outside the logical structure.
    func beginArtifact() { op("/Artifact BMC") }
    /// `/P <</MCID n>> BDC` (with `/Lang` when given): content of a structure element.
    func beginMarkedContent(_ role: String, mcid: Int, language: String?) {
        buffer.append("/"); PDFName.append(role, to: buffer)
        buffer.append(" <</MCID "); buffer.appendInt(mcid)
        if let language {
            buffer.append(" /Lang <")
            buffer.appendHex(TextEncoding.utf16BEWithBOM(language))
            buffer.append(">")
        }
        op(">> BDC")
    }
}
