import Foundation

/// The text of a CSV file as Excel exports it: UTF-8 with a BOM («CSV UTF-8»), plain UTF-8, or
/// Shift_JIS as Windows writes it (CP932, with the NEC and IBM extensions: ①, ㈱, 髙, 﨑, ～).
///
/// Detection: a BOM means UTF-8; bytes that are valid UTF-8 are UTF-8 (CP932 text of any length
/// is almost never valid UTF-8, since its lead bytes 0x81–0x9F are UTF-8 continuation bytes);
/// anything else is decoded as CP932. Foundation's `.shiftJIS` on Linux is the CP932 table:
/// checked against Python's cp932 codec for all 9,762 mapped characters, NEC/IBM rows included.
public enum CSVTextDecoder {
    public enum Encoding: String, Sendable {
        case utf8BOM = "UTF-8 (BOM)"
        case utf8 = "UTF-8"
        case cp932 = "CP932"
    }

    /// The decoded text and the encoding found, or nil when the bytes are neither.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else { return nil }
            return (text, .utf8BOM)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        if let text = String(data: Data(bytes), encoding: .shiftJIS) { return (text, .cp932) }
        return nil
    }
}
