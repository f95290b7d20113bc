/// The ToUnicode CMap of a Type0 font (PDF 1.7 §9.10.3): 2-byte CIDs → UTF-16BE text.
/// One bfchar per CID; blocks of at most 100 entries, the limit PostScript CMap parsers assume.
enum ToUnicodeCMap {
    static let blockLimit = 100

    static func build(_ entries: [(cid: UInt16, text: String)]) -> [UInt8] {
        let out = ByteBuffer(capacity: 512 + entries.count * 24)
        out.append("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """)
        var start = 0
        while start < entries.count {
            let block = entries[start..<min(start + blockLimit, entries.count)]
            out.appendInt(block.count)
            out.append(" beginbfchar\n")
            for entry in block {
                out.append("<"); out.appendHex16(entry.cid); out.append("> <")
                // UTF-16BE, four hex digits per code unit, straight into the buffer.
                for unit in entry.text.utf16 { out.appendHex16(unit) }
                out.append(">\n")
            }
            out.append("endbfchar\n")
            start += blockLimit
        }
        out.append("""
            endcmap
            CMapName currentdict /CMap defineresource pop
            end
            end

            """)
        return out.bytes
    }
}
