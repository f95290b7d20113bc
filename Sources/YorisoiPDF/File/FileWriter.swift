/// Assembles the file: header, the chunk's objects, then the cross-reference section.
/// A file without object streams gets a classic xref table and trailer, readable by eye; one
/// with them (every tagged document: its structure elements are packed, `ObjectStreams`) needs
/// an xref stream (ISO 32000-1 §7.5.8, PDF 1.5, allowed by PDF/A-2), which also saves the
/// classic table's 20 bytes per object.
enum FileWriter {
    /// `%PDF-1.7` plus a comment of four bytes above 127, which tells transfer tools the file is
    /// binary (and which PDF/A requires).
    static let header: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0x80, 0x81, 0x82, 0x83] + [0x0A]

    struct Trailer {
        var root: Ref
        var info: Ref
        var id: [UInt8]
    }

    static func write(_ chunk: Chunk, trailer: Trailer) throws(PDFError) -> [UInt8] {
        chunk.packed.isEmpty ? writeTable(chunk, trailer: trailer) : try writeStream(chunk, trailer: trailer)
    }

    private static func writeTable(_ chunk: Chunk, trailer: Trailer) -> [UInt8] {
        let out = ByteBuffer(capacity: header.count + chunk.buffer.count + chunk.offsets.count * 20 + 256)
        out.append(header)
        out.append(chunk.buffer)

        // Objects are allocated densely from 1, so the table is one subsection 0…size-1.
        var offsetByNumber: [Int: Int] = [:]
        for entry in chunk.offsets { offsetByNumber[entry.ref.number] = entry.offset + header.count }
        let size = (chunk.offsets.map(\.ref.number).max() ?? 0) + 1

        let xrefOffset = out.count
        out.append("xref\n0 ")
        out.appendInt(size)
        out.append("\n")
        out.append(xrefEntry(offset: 0, generation: 65535, inUse: false))
        for number in 1..<max(size, 1) {
            if let offset = offsetByNumber[number] {
                out.append(xrefEntry(offset: offset, generation: 0, inUse: true))
            } else {
                // A gap would be a writer bug; a free entry keeps the file valid regardless.
                out.append(xrefEntry(offset: 0, generation: 65535, inUse: false))
            }
        }

        out.append("trailer\n")
        Obj(buffer: out, indent: 0).dict { dict in
            dict.int("Size", size)
            dict.ref("Root", trailer.root)
            dict.ref("Info", trailer.info)
            dict.key("ID").array { array in
                array.item().hexString(trailer.id)
                array.item().hexString(trailer.id)
            }
        }
        out.append("\nstartxref\n")
        out.appendInt(xrefOffset)
        out.append("\n%%EOF\n")
        return out.bytes
    }

    /// The xref stream is the last object, numbered after all others. Its rows are `[type,
    /// field 2, field 3]`: 0 for the free object 0, 1 with the byte offset of a plain object, 2
    /// with the object stream and index of a packed one. Rows go through the PNG Up predictor
    /// before deflate: consecutive packed objects' rows then differ in one byte, and a packet's
    /// 36 000 rows shrink to a few kilobytes.
    private static func writeStream(_ chunk: Chunk, trailer: Trailer) throws(PDFError) -> [UInt8] {
        let out = ByteBuffer(capacity: header.count + chunk.buffer.count + 64 * 1024)
        out.append(header)
        out.append(chunk.buffer)
        let xrefOffset = out.count
        let maxNumber = max(chunk.offsets.map(\.ref.number).max() ?? 0, chunk.packed.map(\.ref.number).max() ?? 0)
        let xrefRef = Ref(number: maxNumber + 1)
        let size = xrefRef.number + 1

        // Row per object number; a gap (a writer bug) stays a free entry, as in the table.
        var rows = [(type: UInt8, field2: Int, field3: Int)](repeating: (0, 0, 0), count: size)
        rows[0] = (0, 0, 65535)
        for entry in chunk.offsets { rows[entry.ref.number] = (1, entry.offset + header.count, 0) }
        for entry in chunk.packed { rows[entry.ref.number] = (2, entry.stream.number, entry.index) }
        rows[xrefRef.number] = (1, xrefOffset, 0)
        var largest = 0
        for row in rows { largest = max(largest, row.field2) }
        var width2 = 1
        while largest >> (8 * width2) > 0 { width2 += 1 }
        let width3 = 2  // indices stay below ObjectStreams.objectsPerStream, generations ≤ 65535
        let columns = 1 + width2 + width3

        var data = [UInt8]()
        data.reserveCapacity(size * (columns + 1))
        var previous = [UInt8](repeating: 0, count: columns)
        var row = [UInt8](repeating: 0, count: columns)
        for entry in rows {
            row[0] = entry.type
            for byte in 0..<width2 { row[1 + byte] = UInt8(truncatingIfNeeded: entry.field2 >> (8 * (width2 - 1 - byte))) }
            row[1 + width2] = UInt8(truncatingIfNeeded: entry.field3 >> 8)
            row[2 + width2] = UInt8(truncatingIfNeeded: entry.field3)
            data.append(2)  // PNG filter type Up
            for column in 0..<columns { data.append(row[column] &- previous[column]) }
            swap(&row, &previous)
        }
        let deflated = try Deflate.compress(data, level: 6)

        out.appendInt(xrefRef.number)
        out.append(" 0 obj\n")
        Obj(buffer: out, indent: 0).dict { dict in
            dict.name("Type", "XRef")
            dict.int("Size", size)
            dict.key("W").array { array in array.int(1); array.int(width2); array.int(width3) }
            dict.ref("Root", trailer.root)
            dict.ref("Info", trailer.info)
            dict.key("ID").array { array in
                array.item().hexString(trailer.id)
                array.item().hexString(trailer.id)
            }
            dict.name("Filter", StreamFilter.flate.rawValue)
            dict.key("DecodeParms").dict { parms in
                parms.int("Columns", columns)
                parms.int("Predictor", 12)
            }
            dict.int("Length", deflated.count)
        }
        out.append("\nstream\n")
        out.append(deflated)
        out.append("\nendstream\nendobj\n")
        out.append("startxref\n")
        out.appendInt(xrefOffset)
        out.append("\n%%EOF\n")
        return out.bytes
    }

    /// Exactly 20 bytes: `nnnnnnnnnn ggggg n\r\n`.
    static func xrefEntry(offset: Int, generation: Int, inUse: Bool) -> String {
        pad(offset, 10) + " " + pad(generation, 5) + (inUse ? " n\r\n" : " f\r\n")
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
