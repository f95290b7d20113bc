/// Generated support plans for the batch benchmark: a sample case file with its id replaced and
/// its free text varied by index, so line breaking and page filling differ from case to case.
enum BenchmarkCases {
    static let phrases = [
        "週1回の家庭訪問では、朝の支度の様子を一緒に確かめている。",
        "保育園と連絡を取り合い、登園の状況を月に一度共有している。",
        "母は「少し余裕ができた」と話しており、表情が明るくなってきた。",
        "弟の通院（8:30〜17:15の間）が重なる日は、ファミリー・サポートを使う。",
        "SNSやLINEでの相談にも応じ、夜間の不安を聞き取っている。",
    ]

    static func variant(of sample: String, index: Int) -> String {
        var text = sample.replacingOccurrences(of: "id: \"R6-0042\"", with: "id: \"B-\(String(index + 100_000).dropFirst())\"")
        let extra = (0..<(index % 4 + 1)).map { phrases[(index + $0) % phrases.count] }.joined()
        text = text.replacingOccurrences(of: "  situation: ", with: "  situation: \(extra)")
        return text
    }
}
