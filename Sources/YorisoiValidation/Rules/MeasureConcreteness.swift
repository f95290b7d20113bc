import YorisoiCase

/// A 措置 is a disposition (処分): what the family is given must be decided on paper, so the
/// notice can be checked against what is delivered and appealed against if need be. A 頻度 left
/// to later talks (「ご相談のうえ決めます。」, which the notice prints when none is written), or one
/// that names no count, leaves the decision unstated; so does 内容 that only defers. Warned (W303),
/// not refused: staff may have reasons, but they should hear it before it is issued.
struct MeasureConcreteness {
    /// Phrases that put the decision off. Matched after removing spaces, so 「ご相談の上 決めます」
    /// is found too. Kept short and specific: 「相談」 alone is a service's content (相談支援).
    static let deferring = ["相談のうえ", "相談の上", "相談して決め", "協議のうえ", "協議の上", "未定", "調整中",
                            "検討中", "応相談", "後日決め", "追って決め", "追ってお知らせ", "別途決め", "別途定め"]
    /// What makes a frequency a count: a digit, a kanji numeral, or 毎 / 隔 (毎日, 隔週).
    static let countMarks: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百",
                                             "毎", "隔", "半"]

    static func defers(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        return deferring.contains { compact.contains($0) }
    }

    static func namesACount(_ text: String) -> Bool {
        text.contains { $0.isNumber || countMarks.contains($0) }
    }

    func check(_ service: NoticeService, at path: String, into findings: inout Findings) {
        if service.frequency.isBlank {
            // A wrongly typed value has its own type error already.
            if !findings.isWritten(path + "/frequency") {
                findings.add(.w303, path + "/frequency",
                             "措置する事業の頻度（frequency）がありません。通知書には「ご相談のうえ決めます。」と印刷されます",
                             "the measure's frequency is missing; the notice would print that it is decided later")
            }
        } else if let frequency = service.frequency, Self.defers(frequency) || !Self.namesACount(frequency) {
            findings.addAtValue(.w303, path + "/frequency",
                                "措置する事業の頻度が具体的ではありません（「週1回」「月2回」のように回数を書いてください）",
                                "the measure's frequency is not concrete (write a count such as 週1回)")
        }
        if let content = service.content, !service.content.isBlank, Self.defers(content) {
            findings.addAtValue(.w303, path + "/content",
                                "措置する事業の内容が後で決めることになっています。提供する内容を具体的に書いてください",
                                "the measure's content defers the decision; state what is provided")
        }
    }
}
