import YorisoiText

/// The five objects behind one embedded TrueType face (PDF 1.7 §9.7): Type0 → CIDFontType2 →
/// FontDescriptor → FontFile2, plus the ToUnicode CMap. Identity-H with 2-byte CIDs = new gids.
struct CIDFontObjects {
    let type0: Ref
    let cidFont: Ref
    let descriptor: Ref
    let fontFile: Ref
    let toUnicode: Ref

    init(allocator: inout RefAllocator) {
        type0 = allocator.bump(); cidFont = allocator.bump(); descriptor = allocator.bump()
        fontFile = allocator.bump(); toUnicode = allocator.bump()
    }

    /// The face's ToUnicode CMap, deflated (its program comes deflated with the subset). Made
    /// apart from `write` so that the faces of a document can be compressed side by side.
    struct Streams: Sendable {
        let toUnicode: [UInt8]

        init(_ font: EmbeddedFont, options: PDFWriteOptions) throws(PDFError) {
            toUnicode = try Deflate.compress(ToUnicodeCMap.build(font.toUnicode),
                                             level: options.contentCompressionLevel)
        }
    }

    func write(_ font: EmbeddedFont, streams: Streams, to chunk: Chunk) {
        chunk.indirect(type0) { obj in
            obj.dict { dict in
                dict.name("Type", "Font")
                dict.name("Subtype", "Type0")
                dict.name("BaseFont", font.baseFont)
                dict.name("Encoding", "Identity-H")
                dict.key("DescendantFonts").array { $0.ref(cidFont) }
                dict.ref("ToUnicode", toUnicode)
            }
        }

        let defaultWidth = CIDWidths.defaultWidth(font.widthByCID)
        chunk.indirect(cidFont) { obj in
            obj.dict { dict in
                dict.name("Type", "Font")
                dict.name("Subtype", "CIDFontType2")
                dict.name("BaseFont", font.baseFont)
                dict.key("CIDSystemInfo").dict { info in
                    info.key("Registry").literalString(Array("Adobe".utf8))
                    info.key("Ordering").literalString(Array("Identity".utf8))
                    info.int("Supplement", 0)
                }
                dict.ref("FontDescriptor", descriptor)
                dict.int("DW", defaultWidth)
                let runs = CIDWidths.runs(font.widthByCID, defaultWidth: defaultWidth)
                if !runs.isEmpty { dict.key("W").raw(CIDWidths.format(runs)) }
                dict.name("CIDToGIDMap", "Identity")
            }
        }

        FontDescriptorDict(font: font, fontFile: fontFile).write(to: chunk, ref: descriptor)

        chunk.stream(fontFile, data: font.deflatedProgram, filter: .flate) { dict in
            dict.int("Length1", font.program.count)
        }
        chunk.stream(toUnicode, data: streams.toUnicode, filter: .flate)
    }
}

/// /FontDescriptor: metrics come from the font (scaled to 1/1000 em), as PDF/A requires.
struct FontDescriptorDict {
    let font: EmbeddedFont
    let fontFile: Ref

    /// Flags (PDF 1.7 table 123): FixedPitch 1, Serif 2, Symbolic 4, Italic 64. CJK fonts carry
    /// glyphs outside the standard Latin set, so they are Symbolic, never Nonsymbolic.
    var flags: Int {
        let m = font.metrics
        return (m.isFixedPitch ? 1 : 0) | (m.isSerif ? 2 : 0) | 4 | (m.italicAngle != 0 ? 64 : 0)
    }

    func write(to chunk: Chunk, ref: Ref) {
        let m = font.metrics
        let scale = 1000 / Double(max(m.unitsPerEm, 1))
        func scaled(_ value: Int) -> Int { Int((Double(value) * scale).rounded(.toNearestOrAwayFromZero)) }
        chunk.indirect(ref) { obj in
            obj.dict { dict in
                dict.name("Type", "FontDescriptor")
                dict.name("FontName", font.baseFont)
                dict.int("Flags", flags)
                dict.key("FontBBox").array { a in
                    a.int(scaled(m.bbox.xMin)); a.int(scaled(m.bbox.yMin))
                    a.int(scaled(m.bbox.xMax)); a.int(scaled(m.bbox.yMax))
                }
                dict.real("ItalicAngle", m.italicAngle)
                dict.int("Ascent", scaled(m.ascender))
                dict.int("Descent", scaled(m.descender))
                dict.int("CapHeight", scaled(m.capHeight))
                // Required, but TrueType has no stem width; 80 is the customary value for a
                // regular weight and only affects substitution, which never happens (embedded).
                dict.int("StemV", 80)
                dict.ref("FontFile2", fontFile)
            }
        }
    }
}

/// The /W array: widths of the CIDs that differ from /DW, grouped into runs of consecutive CIDs
/// (`c [w1 w2 …]`), the compact form for a subset whose CIDs are dense.
enum CIDWidths {
    struct Run: Equatable {
        var first: UInt16
        var widths: [Int]
    }

    /// The most common width (ties → the smaller), so most glyphs need no /W entry at all.
    static func defaultWidth(_ widthByCID: [UInt16: Int]) -> Int {
        var counts: [Int: Int] = [:]
        for width in widthByCID.values { counts[width, default: 0] += 1 }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? 1000
    }

    static func runs(_ widthByCID: [UInt16: Int], defaultWidth: Int) -> [Run] {
        var runs: [Run] = []
        for cid in widthByCID.keys.sorted() {
            let width = widthByCID[cid]!
            if width == defaultWidth { continue }
            if var last = runs.last, Int(last.first) + last.widths.count == Int(cid) {
                last.widths.append(width)
                runs[runs.count - 1] = last
            } else {
                runs.append(Run(first: cid, widths: [width]))
            }
        }
        return runs
    }

    static func format(_ runs: [Run]) -> String {
        "[" + runs.map { "\($0.first) [" + $0.widths.map(String.init).joined(separator: " ") + "]" }
            .joined(separator: " ") + "]"
    }
}
