import Foundation

/// The file formats a case can come in.
public enum CaseFormat: String, Sendable, Hashable {
    case yaml
    case json
    /// One JSON case per line (for batches).
    case jsonLines

    /// From a file name's extension; nil for an extension we do not read.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonLines
        default: return nil
        }
    }

    /// For standard input and unknown extensions: JSON when the first visible character opens an
    /// object or array, YAML otherwise (YAML is a superset for this purpose anyway).
    public static func sniff(_ data: Data) -> CaseFormat {
        for byte in data.prefix(4096) {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF: continue  // whitespace and a UTF-8 BOM
            case UInt8(ascii: "{"), UInt8(ascii: "["): return .json
            default: return .yaml
            }
        }
        return .yaml
    }
}
