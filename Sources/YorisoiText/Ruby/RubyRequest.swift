/// What a text set with ruby needs to know (docs/ruby.md): which kanji the reader knows, and
/// the readings the case gives for its own words (names from their kana fields, and the staff's
/// overrides). Carried by `TextStyle.ruby` to every paragraph the template asks ruby for.
///
/// A class, compared by identity: one request serves a whole document, and the paragraph cache
/// keys on it without hashing its word list for every paragraph.
public final class RubyRequest: Sendable, Hashable {
    /// Kanji that get no ruby (the reader has learned them).
    public let known: Set<Unicode.Scalar>
    /// Readings given by the case, longest word first so 山田太郎 wins over 山田. Each word's
    /// reading is in hiragana.
    public let words: [(word: String, reading: String)]
    /// The grade `known` stands for (0: no kanji known), for the layout dump and the docs.
    public let grade: Int

    public init(known: Set<Unicode.Scalar>, grade: Int, words: [(word: String, reading: String)] = []) {
        self.known = known
        self.grade = grade
        var seen = Set<String>()
        self.words = words
            .map { (RubyText.normalisedWord($0.word), RubyText.hiragana($0.reading)) }
            .filter { !$0.0.isEmpty && !$0.1.isEmpty && seen.insert($0.0).inserted }
            .sorted { $0.0.unicodeScalars.count > $1.0.unicodeScalars.count }
    }

    public static func == (a: RubyRequest, b: RubyRequest) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }

    /// Whether `scalar` is a kanji this reader has not learned.
    func needsReading(_ scalar: Unicode.Scalar) -> Bool {
        RubyText.isKanji(scalar) && !known.contains(scalar)
    }
}

/// One reading over a stretch of a text.
public struct RubyAnnotation: Sendable, Hashable {
    /// The base, in Unicode scalar offsets into the text.
    public var range: Range<Int>
    /// The reading, in hiragana.
    public var reading: String

    public init(range: Range<Int>, reading: String) {
        self.range = range
        self.reading = reading
    }

    /// Mono-ruby (one base character) may end a line on either side; group ruby (several)
    /// is never broken across lines.
    public var isGroup: Bool { range.count > 1 }
}

/// Character classes and kana conversion for ruby.
public enum RubyText {
    /// CJK ideographs (the unified blocks and their extensions, the compatibility block) and
    /// 々 〆 ヶ, which are read like kanji and take ruby with them (人々, 一ヶ月).
    public static func isKanji(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3005, 0x3006, 0x30F6: return true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
        default: return false
        }
    }

    public static func isKana(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3041...0x3096, 0x309D, 0x309E, 0x30A1...0x30FA, 0x30FC...0x30FE: return true
        default: return false
        }
    }

    /// Katakana folded to hiragana (ヴ to ゔ; ー and everything else kept).
    public static func hiragana(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x30A1...0x30F6).contains(scalar.value) || (0x30FD...0x30FE).contains(scalar.value),
               let folded = Unicode.Scalar(scalar.value - 0x60) {
                result.append(folded)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A word as the case writes it, with no spaces around it.
    static func normalisedWord(_ word: String) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.drop { $0.properties.isWhitespace }.reversed()
            .drop { $0.properties.isWhitespace }.reversed()))
    }

    /// Whether a reading is kana only (with ー and spaces between words): what a case's
    /// `furigana` and kana fields must hold.
    public static func isReading(_ text: String) -> Bool {
        !text.unicodeScalars.isEmpty && text.unicodeScalars.allSatisfy {
            isKana($0) || $0 == " " || $0 == "\u{3000}"
        } && text.unicodeScalars.contains(where: isKana)
    }
}
