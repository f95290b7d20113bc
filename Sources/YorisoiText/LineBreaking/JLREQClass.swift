/// JLREQ (W3C "Requirements for Japanese Text Layout", Appendix A) character classes.
///
/// The raw value is the class number (`cl-01` = 1). Classes that only exist in context we do not
/// model (cl-20…cl-23 ruby groups, cl-25 unit symbols, cl-28…cl-30 warichu / tate-chu-yoko) are absent.
public enum JLREQClass: Int, Sendable, Hashable, CaseIterable, BitwiseCopyable {
    case openingBracket = 1          // 始め括弧類
    case closingBracket = 2          // 終わり括弧類
    case hyphen = 3                  // ハイフン類
    case dividingPunctuation = 4     // 区切り約物
    case middleDot = 5               // 中点類
    case fullStop = 6                // 句点類
    case comma = 7                   // 読点類
    case inseparable = 8             // 分離禁止文字
    case iterationMark = 9           // 繰返し記号
    case prolongedSoundMark = 10     // 長音記号
    case smallKana = 11              // 小書きの仮名
    case prefixedAbbreviation = 12   // 前置省略記号
    case postfixedAbbreviation = 13  // 後置省略記号
    case ideographicSpace = 14       // 和字間隔
    case hiragana = 15               // 平仮名
    case katakana = 16               // 片仮名
    case mathematicalRelation = 17   // 等号類
    case mathematicalOperator = 18   // 演算記号
    case ideographic = 19            // 漢字等
    case groupedNumeral = 24         // 連数字中の文字
    case westernSpace = 26           // 欧文間スペース
    case westernCharacter = 27       // 欧文間文字

    /// "cl-01" … "cl-27".
    public var label: String {
        rawValue < 10 ? "cl-0\(rawValue)" : "cl-\(rawValue)"
    }

    /// 行頭禁則 at the "strict" level as this project uses it: closing brackets and quotes, hyphens,
    /// dividing punctuation, middle dots, full stops, commas, iteration marks, ー and small kana.
    public var mayStartLine: Bool {
        switch self {
        case .closingBracket, .hyphen, .dividingPunctuation, .middleDot, .fullStop, .comma,
             .iterationMark, .prolongedSoundMark, .smallKana:
            return false
        default:
            return true
        }
    }

    /// 行末禁則: an opening bracket may not end a line.
    public var mayEndLine: Bool { self != .openingBracket }

    /// Kana and kanji: the "Japanese" side of 和欧間 spacing.
    var isJapaneseLetter: Bool {
        switch self {
        case .hiragana, .katakana, .ideographic, .iterationMark, .prolongedSoundMark, .smallKana:
            return true
        default:
            return false
        }
    }

    /// The class of `text` (one cluster) without context. A comma or full stop between digits is a
    /// grouped numeral only in context: use `classify(_:before:after:)` for that.
    public init(cluster text: String) {
        guard let scalar = text.unicodeScalars.first else {
            self = .westernSpace
            return
        }
        self = JLREQClass.classOf(scalar)
    }

    /// The class of a cluster of one scalar, without context.
    init(scalar: Unicode.Scalar) {
        self = JLREQClass.classOf(scalar)
    }

    /// The class of `text` in context: "," and "." between two digits belong to the number (cl-24).
    public static func classify(_ text: String, before: String?, after: String?) -> JLREQClass {
        let base = JLREQClass(cluster: text)
        if (text == "," || text == "."), let before, let after,
           isASCIIDigit(before.unicodeScalars.last), isASCIIDigit(after.unicodeScalars.first) {
            return .groupedNumeral
        }
        return base
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return ("0"..."9").contains(scalar)
    }

    // Members per JLREQ Appendix A (see docs/domain/anchors-and-typesetting.md §5.1) plus the half-width katakana forms
    // (｢｣､｡･ｰ ｧ…ｯ) and the full-width wave dash ～, which municipal text uses for 〜.
    private static let members: [(JLREQClass, String)] = [
        (.openingBracket, "‘“(〔[{〈《「『【｟〘〖«〝（［｛｢"),
        (.closingBracket, "’”)〕]}〉》」』】｠〙〗»〟）］｝｣"),
        (.hyphen, "‐〜゠–～"),
        (.dividingPunctuation, "!?‼⁇⁈⁉！？"),
        (.middleDot, "・:;：；･"),
        (.fullStop, "。.．｡"),
        (.comma, "、,，､"),
        (.inseparable, "—―…‥〳〴〵"),
        (.iterationMark, "々〻ゝゞヽヾ"),
        (.prolongedSoundMark, "ーｰ"),
        (.smallKana, "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶｧｨｩｪｫｬｭｮｯ"),
        (.prefixedAbbreviation, "¥$£#€№￥＄￡＃"),
        (.postfixedAbbreviation, "°′″℃¢%‰㏋ℓ㌃㌍㌔㌘㌢㌣㌦㌧㌫㌶㌻㍉㍊㍍㍑㍗㎎㎏㎜㎝㎞㎡㏄％￠"),
        (.mathematicalRelation, "=≠<>≒≦≧≪≫≡≈＝＜＞"),
        (.mathematicalOperator, "+−×÷±∓＋－"),
    ]

    /// One table for all enumerated members; the classes are disjoint, so a later entry never
    /// overwrites an earlier one.
    private static let table: [Unicode.Scalar: JLREQClass] = {
        var table: [Unicode.Scalar: JLREQClass] = [:]
        for (cls, list) in members {
            for scalar in list.unicodeScalars { table[scalar] = cls }
        }
        return table
    }()

    /// The class of every character of CJK Symbols and Punctuation, Hiragana and Katakana (U+3000–30FF) and
    /// Halfwidth and Fullwidth Forms (U+FF00–FFEF), worked out once by `classByTable`: the
    /// commonest characters of Japanese text, looked up by index instead of by hashing.
    private static let kanaBlock: [JLREQClass] = (UInt32(0x3000)...0x30FF).map { classByTable(Unicode.Scalar($0)!) }
    private static let fullwidthBlock: [JLREQClass] = (UInt32(0xFF00)...0xFFEF).map { classByTable(Unicode.Scalar($0)!) }

    static func classOf(_ scalar: Unicode.Scalar) -> JLREQClass {
        let v = scalar.value
        switch v {
        case 0x3000...0x30FF: return kanaBlock[Int(v - 0x3000)]
        case 0xFF00...0xFFEF: return fullwidthBlock[Int(v - 0xFF00)]
        // CJK ideographs (URO, Extension A, compatibility, the supplementary planes): no member of
        // the table lies here, so `classByTable` would only come to .ideographic the long way.
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return .ideographic
        default: return classByTable(scalar)
        }
    }

    /// The class by the member table and the block ranges: the definition `classOf` shortcuts.
    static func classByTable(_ scalar: Unicode.Scalar) -> JLREQClass {
        if let cls = table[scalar] { return cls }
        let v = scalar.value
        switch v {
        case 0x3000: return .ideographicSpace
        case 0x31F0...0x31FF: return .smallKana                         // ㇰ…ㇿ
        case 0x3041...0x309F: return .hiragana
        case 0x30A0...0x30FF, 0xFF66...0xFF9F: return .katakana
        case 0x30...0x39: return .groupedNumeral                        // ASCII digits
        default: break
        }
        if scalar.properties.isWhitespace { return .westernSpace }
        return isWestern(scalar) ? .westernCharacter : .ideographic
    }

    /// Letters and symbols from the Western scripts (Latin, Greek, Cyrillic and ASCII punctuation):
    /// everything below the CJK blocks that is not one of the punctuation classes above.
    private static func isWestern(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x2000 { return true }                     // Latin, Greek, Cyrillic, combining marks …
        if (0xFB00...0xFB06).contains(v) { return true }  // Latin ligatures ﬁ ﬂ
        return false
    }
}
