/// What a PDF font descriptor and the layout need to know about a face, in font units.
public struct FontMetrics: Sendable, Hashable {
    public let unitsPerEm: Int
    public let ascender: Int
    /// Negative: below the baseline.
    public let descender: Int
    public let capHeight: Int
    public let xMin: Int
    public let yMin: Int
    public let xMax: Int
    public let yMax: Int
    public let italicAngle: Double
    public let isFixedPitch: Bool
    public let isSerif: Bool

    public var bbox: (xMin: Int, yMin: Int, xMax: Int, yMax: Int) { (xMin, yMin, xMax, yMax) }

    /// `value` font units expressed in thousandths of an em (PDF glyph space).
    public func perMille(_ value: Int) -> Double {
        Double(value) * 1000 / Double(unitsPerEm)
    }
}

/// The OS/2 `fsType` embedding licence of a font.
public enum EmbeddingPermission: Sendable, Hashable {
    case installable
    case editable
    case previewAndPrint
    /// Bit 1: the font must not be embedded at all.
    case restricted
    /// Bit 9: only bitmaps may be embedded — useless for a PDF with outline text.
    case bitmapOnly

    init(fsType: UInt16) {
        if fsType & 0x0200 != 0 { self = .bitmapOnly }
        else if fsType & 0x000F == 0x0002 { self = .restricted }
        else if fsType & 0x0008 != 0 { self = .editable }
        else if fsType & 0x0004 != 0 { self = .previewAndPrint }
        else { self = .installable }
    }

    public var allowsEmbedding: Bool {
        switch self {
        case .installable, .editable, .previewAndPrint: return true
        case .restricted, .bitmapOnly: return false
        }
    }
}

public enum FontError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadable(path: String)
    case embeddingNotPermitted(path: String, fsType: UInt16)
    case subsetFailed(postScriptName: String)

    public var description: String {
        switch self {
        case .unreadable(let path):
            return "フォントを読み込めません (cannot read font): \(path)"
        case .embeddingNotPermitted(let path, let fsType):
            return "フォントの埋め込みが許可されていません (font forbids embedding, OS/2 fsType=0x\(String(fsType, radix: 16))): \(path)"
        case .subsetFailed(let name):
            return "フォントのサブセット化に失敗しました (subsetting failed): \(name)"
        }
    }
}
