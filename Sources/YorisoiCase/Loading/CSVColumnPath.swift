/// A CSV column's place in the case: a dotted path (`plan.issues.0.text`) checked against
/// `CaseShape`, with the shape of the value it holds (which says whether the cell is a number,
/// a yes/no, a date or text).
public struct CSVColumnPath: Sendable {
    public enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public let steps: [Step]
    public let leaf: FieldShape
    public let dotted: String

    /// The most list entries one column may address (`issues.0` … `issues.99`).
    public static let maxIndex = 99

    /// Why a dotted path names no value of the case file.
    public enum Problem: Error, Sendable, Hashable {
        /// A segment is not a key of the case file at that place (the known keys follow).
        case unknownKey(segment: String, known: [String])
        /// A list needs an entry number here (`issues.0.text`, not `issues.text`).
        case indexExpected(after: String)
        /// The path stops at a group (`plan`, `plan.issues.0`), not a value.
        case notAValue
        /// The path goes on past a value (`child.name.kana`).
        case pastAValue
        case empty
    }

    /// Resolves `dotted` against the case file's shape.
    public init(_ dotted: String) throws(Problem) {
        let segments = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !dotted.isEmpty, !segments.contains(where: \.isEmpty) else { throw .empty }
        var shape = CaseShape.root
        var steps: [Step] = []
        var previous = ""
        for segment in segments {
            switch shape {
            case .object(let specs), .textOrObject(let specs):
                guard let spec = specs.first(where: { $0.key == segment }) else {
                    throw .unknownKey(segment: segment, known: specs.map(\.key))
                }
                steps.append(.key(segment))
                shape = spec.shape
            case .list(let element):
                guard let index = Int(segment), (0...Self.maxIndex).contains(index),
                      segment.allSatisfy(\.isASCII) else {
                    throw .indexExpected(after: previous)
                }
                steps.append(.index(index))
                shape = element
            case .text, .code, .integer, .boolean, .date, .choice:
                throw .pastAValue
            }
            previous = segment
        }
        switch shape {
        case .object: throw .notAValue
        case .list: throw .indexExpected(after: previous)
        default: break
        }
        self.steps = steps
        self.leaf = shape
        self.dotted = dotted
    }

    /// The JSON Pointer of the cell's value as written (before empty list entries are closed up).
    public var pointer: String {
        steps.map { step in
            switch step {
            case .key(let key): "/" + key.jsonPointerEscaped
            case .index(let index): "/\(index)"
            }
        }.joined()
    }
}

extension CSVColumnPath.Problem {
    /// Japanese and English explanations; they name known keys only, never the heading's own
    /// unknown text or cell contents.
    var explanation: (ja: String, en: String) {
        switch self {
        case .unknownKey(_, let known):
            // The unknown text itself is not repeated: a heading can be anything pasted there.
            let list = known.prefix(12).joined(separator: ", ")
            return ("ケースファイルの項目にない名前を含んでいます（この位置で使える項目: \(list)）",
                    "names a key the case file does not have (known here: \(list))")
        case .indexExpected(let after):
            return ("「\(KeyText.printable(after))」はリストです。番号を付けてください（例: \(KeyText.printable(after)).0）",
                    "'\(KeyText.printable(after))' is a list: add an entry number (e.g. \(KeyText.printable(after)).0)")
        case .notAValue:
            return ("項目のまとまりを指しています。値の項目まで書いてください（例: plan.issues.0.text）",
                    "names a group, not a value (e.g. plan.issues.0.text)")
        case .pastAValue:
            return ("値の項目の先にさらに項目が続いています", "goes on past a value")
        case .empty:
            return ("項目の指定が空か、「..」を含んでいます", "empty path or empty segment")
        }
    }
}
