/// 学年別漢字配当表: the kanji a child learns in each grade of 小学校 (Templates/ruby/kanji-grades.txt).
public struct KanjiGrades: Sendable {
    /// `grades[g - 1]`: the kanji of grade g, in the file's order.
    public let grades: [[Unicode.Scalar]]
    /// `cumulative[g]`: the kanji of grades 1 through g, made once — every case rendered with
    /// ruby asks for one, and a set of a thousand kanji built anew per case (growing as it went)
    /// was 0.4% of a 40-case packet's instructions.
    private let cumulative: [Set<Unicode.Scalar>]

    public struct FormatError: Error, CustomStringConvertible, Sendable {
        public let line: Int
        public let reason: String
        public var description: String { "kanji-grades.txt line \(line): \(reason)" }
    }

    /// Reads the file's text: `#` comments, then one line per grade, "N 漢字漢字…", grades 1…6 in order.
    public init(parsing text: String) throws(FormatError) {
        var grades: [[Unicode.Scalar]] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: " \r\t")
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let grade = Int(parts[0]), grade == grades.count + 1 else {
                throw FormatError(line: index + 1, reason: "expected grade \(grades.count + 1), a space and its kanji")
            }
            let kanji = Array(parts[1].unicodeScalars)
            guard kanji.allSatisfy(RubyText.isKanji) else {
                throw FormatError(line: index + 1, reason: "grade \(grade) holds a character that is not a kanji")
            }
            grades.append(kanji)
        }
        guard grades.count == 6 else { throw FormatError(line: 0, reason: "expected grades 1 to 6, found \(grades.count)") }
        self.grades = grades
        var known = Set<Unicode.Scalar>(minimumCapacity: grades.reduce(0) { $0 + $1.count })
        var cumulative = [known]
        for grade in grades {
            known.formUnion(grade)
            cumulative.append(known)
        }
        self.cumulative = cumulative
    }

    /// The kanji a reader who has finished grade `grade` knows (0: none; 6 or more: all 1,026).
    public func known(throughGrade grade: Int) -> Set<Unicode.Scalar> {
        cumulative[min(max(0, grade), cumulative.count - 1)]
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result.removeFirst() }
        while let last = result.last, set.contains(last) { result.removeLast() }
        return result
    }
}
