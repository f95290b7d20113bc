/// Unicode → the byte forms PDF wants in text strings, ToUnicode CMaps and /ActualText.
enum TextEncoding {
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// UTF-16BE code units; supplementary characters become surrogate pairs
    /// (𠮷 U+20BB7 → D842 DFB7, the IVS selector U+E0100 → DB40 DD00).
    static func utf16BE(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            out.append(UInt8(unit >> 8))
            out.append(UInt8(unit & 0xFF))
        }
        return out
    }

    static func utf16BEWithBOM(_ text: String) -> [UInt8] {
        [0xFE, 0xFF] + utf16BE(text)
    }
}
