/// Cuts a subset from a TrueType (`glyf`) font for embedding in a PDF as a CIDFontType2 program
/// (docs/fonts.md, "Subsets").
///
/// A PDF viewer reads only a few tables of an embedded TrueType program: the outlines (`glyf`,
/// `loca`), their metrics (`hmtx`, `hhea`) and the header tables (`head`, `maxp`). The PDF maps
/// each CID to a glyph itself (`/CIDToGIDMap /Identity`) and text to Unicode through its own
/// ToUnicode map, so the font's `cmap` and layout tables are not needed, and hinting is dropped
/// as HarfBuzz's `HB_SUBSET_FLAGS_NO_HINTING` did: anti-aliased PDF rendering ignores it and it is
/// a fifth to two fifths of the bytes.
///
/// HarfBuzz's general subsetter cost ~14.5 M instructions per BIZ UD subset (183 M for IPAmj明朝's
/// 61,179 glyphs) or a 25 MB prepared copy of each face; this one copies the kept glyphs' bytes
/// and touches nothing else, so its cost follows the glyphs kept, not the size of the face.
/// Output depends only on the font and the glyph set: the same input gives the same bytes.
struct TrueTypeSubsetter: @unchecked Sendable {
    /// The whole font file; owned by the `FontFace` (its HarfBuzz blob), which outlives this value.
    private let file: UnsafeRawBufferPointer
    private let tables: [UInt32: Range<Int>]
    /// The tables every glyph is read from, found once (`tables` holds them too).
    private let glyf: Range<Int>, loca: Range<Int>, hmtx: Range<Int>
    private let glyphCount: Int
    private let longLoca: Bool
    private let horizontalMetricsCount: Int

    /// A `cmap` that maps no character: OpenType requires the table, and font checkers (OTS)
    /// refuse a font without it, but the PDF never consults it (`/CIDToGIDMap /Identity`,
    /// ToUnicode). One Windows Unicode BMP subtable, format 4, with only the closing segment.
    private static let emptyCharacterMap: [UInt8] = {
        var cmap = BigEndianWriter()
        for value: UInt16 in [0, 1, 3, 1] { cmap.u16(value) }          // version, 1 table: platform 3, encoding 1
        cmap.u32(12)                                                   // its offset
        // format, length, language, segCountX2, searchRange, entrySelector, rangeShift,
        // endCode 0xFFFF, reservedPad, startCode 0xFFFF, idDelta 1, idRangeOffset 0
        for value: UInt16 in [4, 24, 0, 2, 2, 0, 0, 0xFFFF, 0, 0xFFFF, 1, 0] { cmap.u16(value) }
        return cmap.bytes
    }()

    /// The tables a subset keeps unchanged (`OS/2`, `name`) besides the ones it rewrites.
    private static let copiedTables: [UInt32] = [FontTag("OS/2").value, FontTag("name").value]

    /// The tags this subsetter reads or writes.
    private enum Tag {
        static let cmap = FontTag("cmap").value, glyf = FontTag("glyf").value, head = FontTag("head").value
        static let hhea = FontTag("hhea").value, hmtx = FontTag("hmtx").value, loca = FontTag("loca").value
        static let maxp = FontTag("maxp").value, post = FontTag("post").value, trueType = FontTag("true").value
    }

    /// Nil when `file` is not a single TrueType-outline font this subsetter understands (a CFF
    /// font, a collection, a damaged directory): the caller then falls back to HarfBuzz.
    init?(file: UnsafeRawBufferPointer) {
        let reader = BigEndianReader(file)
        guard let version = reader.u32(0), version == 0x0001_0000 || version == Tag.trueType,
              let count = reader.u16(4) else { return nil }
        var tables: [UInt32: Range<Int>] = [:]
        for index in 0..<Int(count) {
            let record = 12 + 16 * index
            guard let tag = reader.u32(record), let offset = reader.u32(record + 8),
                  let length = reader.u32(record + 12),
                  Int(offset) + Int(length) <= file.count else { return nil }
            tables[tag] = Int(offset)..<Int(offset) + Int(length)
        }
        guard let head = tables[Tag.head], let hhea = tables[Tag.hhea], let hmtx = tables[Tag.hmtx],
              let maxp = tables[Tag.maxp], let loca = tables[Tag.loca], let glyf = tables[Tag.glyf] else {
            return nil
        }
        guard head.count >= 54, maxp.count >= 6, hhea.count >= 36,
              let locaFormat = reader.u16(head.lowerBound + 50), locaFormat <= 1,
              let glyphs = reader.u16(maxp.lowerBound + 4), glyphs > 0,
              let metrics = reader.u16(hhea.lowerBound + 34), metrics > 0 else { return nil }
        guard loca.count >= (Int(glyphs) + 1) * (locaFormat == 1 ? 4 : 2),
              hmtx.count >= 4 * Int(metrics) + 2 * max(0, Int(glyphs) - Int(metrics)) else {
            return nil
        }
        self.file = file
        self.tables = tables
        self.glyf = glyf
        self.loca = loca
        self.hmtx = hmtx
        self.glyphCount = Int(glyphs)
        self.longLoca = locaFormat == 1
        self.horizontalMetricsCount = Int(min(metrics, glyphs))
    }

    /// A font program holding `.notdef`, `glyphs` and the components their composite glyphs use,
    /// renumbered in the order of their old ids (so `.notdef` stays 0).
    func subset(glyphs: Set<UInt32>) throws(SubsetError) -> FontSubset {
        let kept = try closure(of: glyphs)
        var newGlyphID: [UInt32: UInt32] = [:]
        newGlyphID.reserveCapacity(kept.count)
        for (new, old) in kept.enumerated() { newGlyphID[old] = UInt32(new) }

        var glyf = BigEndianWriter()
        var offsets: [Int] = [0]
        offsets.reserveCapacity(kept.count + 1)
        for old in kept {
            try appendGlyph(old, renumbered: newGlyphID, to: &glyf)
            if glyf.bytes.count % 2 == 1 { glyf.bytes.append(0) }
            offsets.append(glyf.bytes.count)
        }
        // The short format stores offset / 2 in 16 bits.
        let shortLoca = glyf.bytes.count / 2 <= Int(UInt16.max)
        var loca = BigEndianWriter()
        for offset in offsets {
            if shortLoca { loca.u16(UInt16(offset / 2)) } else { loca.u32(UInt32(offset)) }
        }

        let reader = BigEndianReader(file)
        var head = Array(bytes(of: Tag.head))
        BigEndianWriter.put(0, u32At: 8, in: &head)                 // checkSumAdjustment, set last
        BigEndianWriter.put(shortLoca ? 0 : 1, u16At: 50, in: &head)
        var maxp = Array(bytes(of: Tag.maxp))
        BigEndianWriter.put(UInt16(kept.count), u16At: 4, in: &maxp)

        // Full metrics up to the last glyph whose advance differs from the final one; the rest
        // repeat that advance and keep only their left side bearings (the table's own shorthand).
        let metrics = kept.map { horizontalMetrics(of: $0, reader) }
        var longMetrics = metrics.count
        while longMetrics > 1, metrics[longMetrics - 2].advance == metrics[longMetrics - 1].advance { longMetrics -= 1 }
        var hmtx = BigEndianWriter()
        for (index, metric) in metrics.enumerated() {
            if index < longMetrics { hmtx.u16(metric.advance) }
            hmtx.u16(metric.leftSideBearing)
        }
        var hhea = Array(bytes(of: Tag.hhea))
        BigEndianWriter.put(UInt16(longMetrics), u16At: 34, in: &hhea)

        var post = BigEndianWriter()                                  // version 3: no glyph names
        post.u32(0x0003_0000)
        if let old = tables[Tag.post], old.count >= 32 {
            post.bytes.append(contentsOf: file[(old.lowerBound + 4)..<(old.lowerBound + 16)])
            post.bytes.append(contentsOf: [UInt8](repeating: 0, count: 16))   // memory hints: unknown
        } else {
            post.bytes.append(contentsOf: [UInt8](repeating: 0, count: 28))
        }

        var out: [(tag: UInt32, data: [UInt8])] = [
            (Tag.cmap, Self.emptyCharacterMap), (Tag.glyf, glyf.bytes), (Tag.head, head), (Tag.hhea, hhea),
            (Tag.hmtx, hmtx.bytes), (Tag.loca, loca.bytes), (Tag.maxp, maxp), (Tag.post, post.bytes),
        ]
        for tag in Self.copiedTables where tables[tag] != nil {
            out.append((tag, Array(file[tables[tag]!])))
        }
        return FontSubset(data: Self.assemble(out), newGlyphID: newGlyphID)
    }

    /// The kept old glyph ids in ascending order: 0, the asked-for ids the font has, and every
    /// component of a composite among them, however deeply nested.
    private func closure(of glyphs: Set<UInt32>) throws(SubsetError) -> [UInt32] {
        var kept: Set<UInt32> = [0]
        var pending = [UInt32(0)]
        for gid in glyphs where Int(gid) < glyphCount && kept.insert(gid).inserted { pending.append(gid) }
        while let gid = pending.popLast() {
            for component in try components(of: gid) where kept.insert(component).inserted {
                pending.append(component)
            }
        }
        return kept.sorted()
    }

    /// The glyph ids a composite glyph refers to (none for a simple or empty glyph).
    func components(of gid: UInt32) throws(SubsetError) -> [UInt32] {
        let data = try glyphBytes(gid)
        let reader = BigEndianReader(data)
        guard let contours = reader.i16(0), contours < 0 else { return [] }
        var result: [UInt32] = []
        var offset = 10
        while true {
            guard let flags = reader.u16(offset), let component = reader.u16(offset + 2) else {
                throw .malformedGlyph(gid)
            }
            guard Int(component) < glyphCount else { throw .malformedGlyph(gid) }
            result.append(UInt32(component))
            offset += 4 + Self.componentArgumentsLength(flags)
            if flags & Self.moreComponents == 0 { return result }
        }
    }

    /// Appends glyph `old` without its hinting instructions, its components renumbered.
    private func appendGlyph(_ old: UInt32, renumbered: [UInt32: UInt32],
                             to out: inout BigEndianWriter) throws(SubsetError) {
        let data = try glyphBytes(old)
        guard !data.isEmpty else { return }                           // a glyph without outline
        let reader = BigEndianReader(data)
        guard let contours = reader.i16(0), data.count >= 10 else { throw .malformedGlyph(old) }
        if contours >= 0 {
            // Header, end points, then instructionLength and the instructions to leave out.
            let lengthAt = 10 + 2 * Int(contours)
            guard let instructions = reader.u16(lengthAt), lengthAt + 2 + Int(instructions) <= data.count else {
                throw .malformedGlyph(old)
            }
            out.bytes.append(contentsOf: data[0..<lengthAt])
            out.u16(0)
            out.bytes.append(contentsOf: data[(lengthAt + 2 + Int(instructions))...])
            return
        }
        out.bytes.append(contentsOf: data[0..<10])
        var offset = 10
        while true {
            guard let flags = reader.u16(offset), let component = reader.u16(offset + 2),
                  let new = renumbered[UInt32(component)] else { throw .malformedGlyph(old) }
            let end = offset + 4 + Self.componentArgumentsLength(flags)
            guard end <= data.count else { throw .malformedGlyph(old) }
            out.u16(flags & ~Self.weHaveInstructions)
            out.u16(UInt16(new))
            out.bytes.append(contentsOf: data[(offset + 4)..<end])
            offset = end
            if flags & Self.moreComponents == 0 { return }             // instructions, if any, follow: dropped
        }
    }

    private func glyphBytes(_ gid: UInt32) throws(SubsetError) -> UnsafeRawBufferPointer {
        let reader = BigEndianReader(file)
        let index = Int(gid)
        let start: Int, end: Int
        if longLoca {
            start = Int(reader.u32(loca.lowerBound + 4 * index)!)
            end = Int(reader.u32(loca.lowerBound + 4 * index + 4)!)
        } else {
            start = 2 * Int(reader.u16(loca.lowerBound + 2 * index)!)
            end = 2 * Int(reader.u16(loca.lowerBound + 2 * index + 2)!)
        }
        guard start <= end, end <= glyf.count else { throw .malformedGlyph(gid) }
        return UnsafeRawBufferPointer(rebasing: file[(glyf.lowerBound + start)..<(glyf.lowerBound + end)])
    }

    private func horizontalMetrics(of gid: UInt32, _ reader: BigEndianReader) -> (advance: UInt16, leftSideBearing: UInt16) {
        let hmtx = self.hmtx.lowerBound
        let index = Int(gid)
        if index < horizontalMetricsCount {
            return (reader.u16(hmtx + 4 * index)!, reader.u16(hmtx + 4 * index + 2)!)
        }
        let advance = reader.u16(hmtx + 4 * (horizontalMetricsCount - 1))!
        return (advance, reader.u16(hmtx + 4 * horizontalMetricsCount + 2 * (index - horizontalMetricsCount))!)
    }

    private func bytes(of tag: UInt32) -> UnsafeRawBufferPointer.SubSequence {
        file[tables[tag]!]
    }

    /// The sfnt file: directory sorted by tag, tables 4-byte aligned, checksums, then `head`'s
    /// checkSumAdjustment so the whole file sums to 0xB1B0AFBA. (The file's sum is the
    /// directory's plus the tables': every table starts on a word and is padded with zeros.)
    private static func assemble(_ tables: [(tag: UInt32, data: [UInt8])]) -> [UInt8] {
        let sorted = tables.sorted { $0.tag < $1.tag }
        var power = 1
        while power * 2 <= sorted.count { power *= 2 }
        var out = BigEndianWriter()
        out.bytes.reserveCapacity(12 + 16 * sorted.count + sorted.reduce(0) { $0 + $1.data.count + 3 })
        out.u32(0x0001_0000)
        out.u16(UInt16(sorted.count))
        out.u16(UInt16(power * 16))
        out.u16(UInt16(power.trailingZeroBitCount))
        out.u16(UInt16(sorted.count * 16 - power * 16))
        var offset = 12 + 16 * sorted.count
        var headOffset = 0
        var fileSum: UInt32 = 0
        for table in sorted {
            if table.tag == Tag.head { headOffset = offset }
            let sum = checksum(table.data[...])
            fileSum &+= sum
            out.u32(table.tag)
            out.u32(sum)
            out.u32(UInt32(offset))
            out.u32(UInt32(table.data.count))
            offset += (table.data.count + 3) & ~3
        }
        fileSum &+= checksum(out.bytes[...])
        for table in sorted {
            out.bytes.append(contentsOf: table.data)
            out.bytes.append(contentsOf: repeatElement(0, count: (4 - table.data.count % 4) % 4))
        }
        BigEndianWriter.put(0xB1B0_AFBA &- fileSum, u32At: headOffset + 8, in: &out.bytes)
        return out.bytes
    }

    /// OpenType's table checksum: the sum of big-endian 32-bit words, the last padded with zeros.
    static func checksum(_ data: ArraySlice<UInt8>) -> UInt32 {
        data.withUnsafeBytes { bytes in
            var sum: UInt32 = 0
            let words = bytes.count / 4
            for word in 0..<words {
                sum &+= UInt32(bigEndian: bytes.loadUnaligned(fromByteOffset: 4 * word, as: UInt32.self))
            }
            var last: UInt32 = 0
            for index in (4 * words)..<(4 * words + 4) {
                last = last << 8 | (index < bytes.count ? UInt32(bytes[index]) : 0)
            }
            return words * 4 == bytes.count ? sum : sum &+ last
        }
    }

    /// Bytes after a component's flags and glyph index: its two arguments and its transform.
    private static func componentArgumentsLength(_ flags: UInt16) -> Int {
        var length = flags & 0x0001 != 0 ? 4 : 2                      // ARG_1_AND_2_ARE_WORDS
        if flags & 0x0008 != 0 { length += 2 }                         // WE_HAVE_A_SCALE
        else if flags & 0x0040 != 0 { length += 4 }                    // WE_HAVE_AN_X_AND_Y_SCALE
        else if flags & 0x0080 != 0 { length += 8 }                    // WE_HAVE_A_TWO_BY_TWO
        return length
    }

    private static let moreComponents: UInt16 = 0x0020
    private static let weHaveInstructions: UInt16 = 0x0100

    enum SubsetError: Error {
        case malformedGlyph(UInt32)
    }
}

/// Bounds-checked big-endian reads from a font's bytes: nil past the end, never a trap.
struct BigEndianReader {
    let data: UnsafeRawBufferPointer
    init(_ data: UnsafeRawBufferPointer) { self.data = data }

    func u16(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset + 2 <= data.count else { return nil }
        return UInt16(data[offset]) << 8 | UInt16(data[offset + 1])
    }

    func i16(_ offset: Int) -> Int16? { u16(offset).map { Int16(bitPattern: $0) } }

    func u32(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset + 4 <= data.count else { return nil }
        return (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(data[offset + $1]) }
    }
}

/// Big-endian bytes for the tables a subset writes.
struct BigEndianWriter {
    var bytes: [UInt8] = []

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func u32(_ value: UInt32) {
        u16(UInt16(value >> 16))
        u16(UInt16(value & 0xFFFF))
    }

    static func put(_ value: UInt16, u16At offset: Int, in bytes: inout [UInt8]) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(value & 0xFF)
    }

    static func put(_ value: UInt32, u32At offset: Int, in bytes: inout [UInt8]) {
        put(UInt16(value >> 16), u16At: offset, in: &bytes)
        put(UInt16(value & 0xFFFF), u16At: offset + 2, in: &bytes)
    }
}
