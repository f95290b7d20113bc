import Foundation
import TestSupport

/// Word boxes from `pdftotext -bbox` (XHTML with one <word xMin= yMin= xMax= yMax=> per word).
struct TextBoxes {
    struct Word {
        var page: Int
        var xMin, yMin, xMax, yMax: Double
        /// The word as poppler extracted it (XML entities left as written).
        var text: String
    }

    static func parse(_ xhtml: String) throws -> [Word] {
        var words: [Word] = []
        var page = 0
        for line in xhtml.split(separator: "\n") {
            if line.contains("<page ") { page += 1; continue }
            guard line.contains("<word ") else { continue }
            func value(_ name: String) -> Double {
                guard let range = line.range(of: "\(name)=\"") else { return .nan }
                let rest = line[range.upperBound...]
                return Double(rest.prefix { $0 != "\"" }) ?? .nan
            }
            var text = ""
            if let open = line.range(of: "\">"), let close = line.range(of: "</word>"), open.upperBound <= close.lowerBound {
                text = String(line[open.upperBound..<close.lowerBound])
            }
            words.append(Word(page: page, xMin: value("xMin"), yMin: value("yMin"), xMax: value("xMax"), yMax: value("yMax"),
                              text: text))
        }
        return words
    }
}

/// The printed values of some sections of a sample case: names under `child` and `guardians`,
/// and the free text (`text`, `child`, `guardian`, `service`, `content`) under the named plan
/// sections. Read with a small pattern reader (the samples use `key: value` lines and one-line
/// `{key: value, …}` maps), so the test does not depend on the loader it is testing.
enum BoundValues {
    static func printedValues(of file: URL, sections wanted: [String]) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8)
        let regex = try NSRegularExpression(pattern: #"(?:^|[{,]\s*|-\s*)(name|guardian|child|text|service|content):\s*([^,{}\[\]#]+)"#)
        var values: [String] = []
        var path: [String] = []
        for raw in text.split(separator: "\n") {
            let indent = raw.prefix { $0 == " " }.count / 2
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "- "))
            path = Array(path.prefix(indent)) + [key]
            guard let section = path.first == "plan" ? path.dropFirst().first : path.first,
                  wanted.contains(section), path.count > 1 || line.contains("{") else { continue }
            let isPerson = path.first == "child" || path.first == "guardians"
            for match in regex.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                guard let field = Range(match.range(at: 1), in: line), let range = Range(match.range(at: 2), in: line) else { continue }
                if isPerson && line[field] != "name" { continue }
                let value = line[range].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                if !value.isEmpty, value != "|", value != ">" { values.append(value) }
            }
        }
        return values
    }
}
