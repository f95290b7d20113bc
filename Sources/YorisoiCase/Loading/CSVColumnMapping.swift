import Foundation
import Yams
import YorisoiYAML

/// `--mapping FILE`: the column titles of an office's own spreadsheet (児童氏名, 課題1, …) → the
/// case file's dotted paths. A title mapped to nothing (`備考: ~` or `備考: ""`) is a column
/// to leave out.
///
/// ```yaml
/// ケースID: id
/// 児童氏名: child.name
/// 課題1: plan.issues.0.text
/// 備考: ~
/// ```
public struct CSVColumnMapping: Sendable {
    /// Title → path; nil means "ignore this column".
    public let paths: [String: CSVColumnPath?]

    public init(paths: [String: CSVColumnPath?]) {
        self.paths = paths
    }

    /// A broken mapping file is a configuration problem: the message names the title or line.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static func load(contentsOf url: URL) throws(Problem) -> CSVColumnMapping {
        guard let data = FileManager.default.contents(atPath: url.path),
              let text = String(data: data, encoding: .utf8) else {
            throw Problem(description: "\(url.path): 列の対応表を読めません (cannot read the column mapping as UTF-8 text)")
        }
        return try parse(text, name: url.path)
    }

    public static func parse(_ text: String, name: String) throws(Problem) -> CSVColumnMapping {
        let node: Yams.Node?
        do { node = try YAMLCompose.node(text) } catch {
            throw Problem(description: "\(name): 列の対応表が YAML として読めません (mapping is not valid YAML: \(error))")
        }
        guard let mapping = node?.mapping else {
            throw Problem(description: "\(name): 列の対応表は「列の見出し: 項目のパス」の組で書いてください (expected a mapping of column title → dotted path)")
        }
        var paths: [String: CSVColumnPath?] = [:]
        for (key, value) in mapping {
            guard let title = key.scalar?.string.trimmingCharacters(in: .whitespaces), !title.isEmpty else {
                throw Problem(description: "\(name):\(key.mark?.line ?? 0): 列の見出しが空です (empty column title)")
            }
            let target = value.scalar?.string.trimmingCharacters(in: .whitespaces) ?? ""
            let isNull = value.scalar.map { YAMLScalarTyping.value(of: $0) == .null } ?? false
            if isNull || target.isEmpty || target == "~" {
                paths[title] = .some(nil)
                continue
            }
            do {
                paths[title] = try CSVColumnPath(target)
            } catch {
                throw Problem(description: "\(name):\(value.mark?.line ?? 0): 「\(title)」→「\(target)」: \(error.explanation.ja) (\(error.explanation.en))")
            }
        }
        return CSVColumnMapping(paths: paths)
    }
}
