import YorisoiCase
import YorisoiText

/// The case's own readings (`furigana`, docs/ruby.md): each must be a word with kanji and a
/// reading in kana, or the ruby printed over the word would be wrong. Messages name the entry,
/// never its text (a word may be a name or a place).
struct FuriganaRules: CaseRule {
    func check(_ value: Case, into findings: inout Findings, context: ValidationContext) {
        for (index, entry) in value.furigana.enumerated() {
            let base = "/furigana/\(index)"
            if !(entry.word?.unicodeScalars.contains(where: RubyText.isKanji) ?? false) {
                findings.add(.e209, base + "/word", "ふりがな（furigana）\(index + 1) 番目の語に漢字がありません",
                             "furigana entry \(index + 1): the word has no kanji to set a reading over")
            }
            if !(entry.reading.map(RubyText.isReading) ?? false) {
                findings.add(.e208, base + "/reading", "ふりがな（furigana）\(index + 1) 番目の読みは、ひらがなかカタカナで書いてください",
                             "furigana entry \(index + 1): the reading must be hiragana or katakana")
            }
        }
    }
}
