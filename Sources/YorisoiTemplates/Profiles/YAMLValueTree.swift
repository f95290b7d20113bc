import Foundation
import Yams
import YorisoiCase

/// Reads a YAML file into the same positioned value tree case files use, so profile fields can be
/// reported by line and column and read by template expressions as `profile.…`.
enum YAMLValueTree {
    /// The text of a small YAML data file (a profile, an item catalogue, the 教示 versions):
    /// readable, at most `maximumSize` bytes, UTF-8. `what` names the file in messages;
    /// `notUTF8` is the error code for the encoding.
    static func readText(_ url: URL, displayName: String, maximumSize: Int, what: String,
                         notUTF8: TemplateErrorCode) throws(TemplateError) -> String {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TemplateError(.unreadable, at: .file(displayName), "cannot read the \(what)")
        }
        guard data.count <= maximumSize else {
            throw TemplateError(.tooLarge, at: .file(displayName), "\(data.count) bytes; the limit is \(maximumSize)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(notUTF8, at: .file(displayName), "the \(what) must be UTF-8")
        }
        return text
    }

    /// Where to report a problem with `pointer`: the deepest node on the way there that has a
    /// position (a missing field is reported at its parent's line), else the file.
    static func location(of pointer: String, in root: CaseNode, file: String) -> TemplateLocation {
        var parts = pointer.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while !parts.isEmpty {
            if let position = root.resolve(pointer: parts.joined(separator: "/"))?.position {
                return TemplateLocation(file: file, line: position.line, column: position.column)
            }
            parts.removeLast()
        }
        return .file(file)
    }

    static func parse(_ text: String, file: String) throws(TemplateError) -> CaseNode {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw TemplateError(.profile, at: location(of: error, file: file), "not valid YAML: \(summary(error))")
        } catch {
            throw TemplateError(.profile, at: .file(file), "not valid YAML")
        }
        guard let root else { throw TemplateError(.profile, at: .file(file), "the file is empty") }
        return try convert(root, file: file)
    }

    private static func convert(_ node: Node, file: String) throws(TemplateError) -> CaseNode {
        let position = node.mark.map { SourcePosition(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            return CaseNode(scalarValue(scalar), at: position)
        case .sequence(let sequence):
            var items: [CaseNode] = []
            for child in sequence { items.append(try convert(child, file: file)) }
            return CaseNode(.array(items), at: position)
        case .mapping(let mapping):
            var members: [CaseMember] = []
            for (key, value) in mapping {
                guard case .scalar(let k) = key else {
                    throw TemplateError(.profile, at: at(key.mark, file), "mapping keys must be plain text")
                }
                if members.contains(where: { $0.key == k.string }) {
                    throw TemplateError(.profile, at: at(key.mark, file), "the key \"\(k.string)\" appears twice")
                }
                members.append(CaseMember(key: k.string,
                                          keyPosition: key.mark.map { SourcePosition(line: $0.line, column: $0.column) },
                                          node: try convert(value, file: file)))
            }
            return CaseNode(.object(members), at: position)
        case .alias:
            throw TemplateError(.profile, at: at(node.mark, file), "YAML aliases are not used in profiles")
        }
    }

    /// Plain scalars are typed by their spelling (YAML 1.2 core schema); quoted ones are text.
    private static func scalarValue(_ scalar: Node.Scalar) -> CaseValue {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let i = Int(text) { return .integer(i) }
        if text.contains("."), let d = Double(text), d.isFinite { return .double(d) }
        return .string(text)
    }

    private static func at(_ mark: Mark?, _ file: String) -> TemplateLocation {
        guard let mark else { return .file(file) }
        return TemplateLocation(file: file, line: mark.line, column: mark.column)
    }

    private static func location(of error: YamlError, file: String) -> TemplateLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return TemplateLocation(file: file, line: mark.line, column: mark.column)
        default:
            return .file(file)
        }
    }

    /// The problem without the echoed source line (which could quote the file at length).
    private static func summary(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "unreadable YAML"
        }
    }
}
