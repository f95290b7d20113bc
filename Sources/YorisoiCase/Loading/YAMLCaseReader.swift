import Yams
import YorisoiYAML

/// Reads one YAML document into the raw value tree with Yams' composer (`Node` with a `Mark` for
/// every scalar, key, sequence and mapping).
///
/// Scalars are typed by YAML 1.2 core rules, not Yams' YAML 1.1 resolver: `045012` stays the
/// string "045012" (a municipality code, not octal 18954) and `no` stays the string "no".
/// Dates stay strings for the typed `Case` to read.
///
/// Hostile input: libyaml itself refuses nesting beyond 1000 levels; aliases are counted before
/// composing (an alias used as a key would make Yams hash the expanded tree) and expanded values
/// are counted while converting (the billion-laughs guard).
///
/// The one positioned YAML reader: case files, and the data files of Templates/ (profiles, the
/// item catalogue, the 教示 versions) through YorisoiTemplates' YAMLValueTree, so a value such
/// as `045012` is the same text everywhere.
public struct YAMLCaseReader: Sendable {
    public let limits: LoadLimits

    public init(limits: LoadLimits = LoadLimits()) {
        self.limits = limits
    }

    /// Returns the root (nil for a document with nothing in it) and any duplicate-key findings.
    public func read(_ text: String) throws(ReadFailure) -> (root: CaseNode?, duplicates: [Diagnostic]) {
        try YAMLAliasPrecheck(limits: limits).check(text)
        var working = text
        var marked: [SourcePosition] = []
        // Yams stops at the first duplicated key; rename it and compose again to learn where it
        // sits in the tree and where the other occurrences are.
        for _ in 0...32 {
            do {
                guard let node = try YAMLCompose.node(working) else { return (nil, []) }
                var converter = NodeConverter(limits: limits)
                let root = try converter.convert(node, depth: 0, pointer: "")
                let (cleaned, duplicates) = DuplicateKeyMarker.resolve(root, marked: !marked.isEmpty)
                return (cleaned, duplicates + converter.duplicates)
            } catch let error as YamlError {
                if case .duplicatedKeysInMapping(_, let context) = error,
                   let renamed = DuplicateKeyMarker.mark(in: working, at: context.mark) {
                    working = renamed
                    marked.append(SourcePosition(line: context.mark.line, column: context.mark.column))
                    continue
                }
                throw YAMLErrorTranslation.failure(for: error)
            } catch let failure as ReadFailure {
                throw failure
            } catch {
                throw ReadFailure(code: .e004, position: nil,
                                  message: "YAML を読み取れませんでした", messageEN: "YAML could not be read")
            }
        }
        throw ReadFailure(code: .e008, position: marked.first,
                          message: "重複したキーが多すぎます", messageEN: "too many duplicate keys")
    }
}

/// Turns Yams' `Node` into `CaseNode`, enforcing depth and value-count limits.
private struct NodeConverter {
    let limits: LoadLimits
    var values = 0
    var duplicates: [Diagnostic] = []

    init(limits: LoadLimits) { self.limits = limits }

    mutating func convert(_ node: Node, depth: Int, pointer: String) throws(ReadFailure) -> CaseNode {
        values += 1
        let position = node.mark.map { SourcePosition(line: $0.line, column: $0.column) }
        if values > limits.maxValues { throw .tooManyValues(limits.maxValues, at: position) }
        switch node {
        case .scalar(let scalar):
            return CaseNode(YAMLScalarTyping.value(of: scalar), at: position)
        case .alias:
            // The composer dereferences aliases; an unresolved one would be a Yams change.
            return CaseNode(.null, at: position)
        case .sequence(let sequence):
            if depth >= limits.maxDepth { throw .tooDeep(limits.maxDepth, at: position) }
            var items: [CaseNode] = []
            for item in sequence {
                items.append(try convert(item, depth: depth + 1, pointer: pointer + "/\(items.count)"))
            }
            return CaseNode(.array(items), at: position)
        case .mapping(let mapping):
            if depth >= limits.maxDepth { throw .tooDeep(limits.maxDepth, at: position) }
            var members: [CaseMember] = []
            var seen = Set<String>()
            for (keyNode, valueNode) in mapping {
                let keyPosition = keyNode.mark.map { SourcePosition(line: $0.line, column: $0.column) }
                guard case .scalar(let keyScalar) = keyNode else {
                    throw ReadFailure(code: .e004, position: keyPosition,
                                      message: "YAML の書き方に誤りがあります: キーは文字列で書いてください",
                                      messageEN: "YAML syntax error: a key must be a plain string")
                }
                let key = keyScalar.string
                let memberPointer = pointer + "/" + key.jsonPointerEscaped
                let value = try convert(valueNode, depth: depth + 1, pointer: memberPointer)
                // Yams compares typed keys (1 and "1" differ); the case file compares text.
                if !seen.insert(key).inserted {
                    duplicates.append(CaseNodeDiagnostics.duplicateKey(key, pointer: memberPointer, at: keyPosition))
                    continue
                }
                members.append(CaseMember(key: key, keyPosition: keyPosition, node: value))
            }
            return CaseNode(.object(members), at: position)
        }
    }
}

/// YAML 1.2 core-schema typing of a scalar.
enum YAMLScalarTyping {
    static func value(of scalar: Node.Scalar) -> CaseValue {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
        let tag = scalar.tag.rawValue
        if tag == "tag:yaml.org,2002:str" || tag == "!!str" { return .string(text) }
        if YAMLCoreScalar.isNull(text) { return .null }
        if let flag = YAMLCoreScalar.bool(text) { return .bool(flag) }
        if isDecimalInteger(text), let value = Int(text) { return .integer(value) }
        if isDecimalFloat(text), let value = Double(text), value.isFinite { return .double(value) }
        return .string(text)
    }

    /// "0", "12", "-3"; not "012" (kept as text: codes and phone numbers keep their zeros).
    private static func isDecimalInteger(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return body == "0" || body.first != "0"
    }

    /// "1.5", "-0.25", ".5"; not "01.5" and no exponents (nothing in a case file needs them).
    private static func isDecimalFloat(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        let whole = parts[0], fraction = parts[1]
        guard !(whole.isEmpty && fraction.isEmpty),
              whole.allSatisfy({ $0.isASCII && $0.isNumber }),
              fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return whole.count <= 1 || whole.first != "0"
    }
}

/// Maps libyaml's errors to a diagnostic. Only libyaml's fixed problem phrases and the position
/// are used: Yams' own description quotes the offending line, which may hold family data.
enum YAMLErrorTranslation {
    static func failure(for error: YamlError) -> ReadFailure {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            let position = SourcePosition(line: mark.line, column: mark.column)
            if problem.contains("Maximum nesting level") || problem.lowercased().contains("nest") {
                return ReadFailure(code: .e005, position: position,
                                   message: "入れ子が深すぎます", messageEN: "nesting is too deep")
            }
            return syntax(problem, at: position)
        case .composer(_, let problem, let mark, _):
            let position = SourcePosition(line: mark.line, column: mark.column)
            if problem.contains("another document") {
                return ReadFailure(code: .e010, position: position,
                                   message: "1つのファイルには1件のケースだけを書いてください（「---」で区切られた2つ目の文書があります）",
                                   messageEN: "more than one YAML document in the file")
            }
            return syntax(problem, at: position)
        case .reader(let problem, _, _, _):
            return ReadFailure(code: .e003, position: nil,
                               message: "文字コードが UTF-8 でないか、使えない制御文字が含まれています",
                               messageEN: "not valid UTF-8 text (\(problem))")
        case .memory:
            return ReadFailure(code: .e006, position: nil, message: "ファイルが大きすぎて読み取れません",
                               messageEN: "out of memory while reading YAML")
        default:
            return ReadFailure(code: .e004, position: nil, message: "YAML を読み取れませんでした",
                               messageEN: "YAML could not be read")
        }
    }

    private static func syntax(_ problem: String, at position: SourcePosition) -> ReadFailure {
        let safeProblem = String(problem.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 }.prefix(120).map(Character.init))
        return ReadFailure(code: .e004, position: position,
                           message: "YAML の書き方に誤りがあります（インデントや「:」「-」の位置を確認してください）",
                           messageEN: "YAML syntax error: \(safeProblem)")
    }
}
