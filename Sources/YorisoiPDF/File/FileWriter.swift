/// Assembles the file: header, the chunk's objects, a classic xref table and the trailer.
/// A classic table (not an xref stream) keeps the file readable by every PDF/A validator and by eye.
enum FileWriter {
    /// `%PDF-1.7` plus a comment of four bytes above 127, which tells transfer tools the file is
    /// binary (and which PDF/A requires).
    static let header: [UInt8] = Array("%PDF-1.7\n%".utf8) + [0x80, 0x81, 0x82, 0x83] + [0x0A]

    struct Trailer {
        var root: Ref
        var info: Ref
        var id: [UInt8]
    }

    static func write(_ chunk: Chunk, trailer: Trailer) -> [UInt8] {
        let body = chunk.bytes
        let out = ByteBuffer(capacity: header.count + body.count + chunk.offsets.count * 20 + 256)
        out.append(header)
        out.append(body)

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

    /// Exactly 20 bytes: `nnnnnnnnnn ggggg n\r\n`.
    static func xrefEntry(offset: Int, generation: Int, inUse: Bool) -> String {
        pad(offset, 10) + " " + pad(generation, 5) + (inUse ? " n\r\n" : " f\r\n")
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
