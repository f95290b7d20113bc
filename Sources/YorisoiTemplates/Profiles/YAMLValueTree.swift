import Foundation
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

    /// The case files' reader (YorisoiCase.YAMLCaseReader: YAML 1.2 core typing, so `045012`
    /// stays text; positions; limits on size, depth and aliases), its findings as template errors.
    static func parse(_ text: String, file: String) throws(TemplateError) -> CaseNode {
        let read: (root: CaseNode?, duplicates: [Diagnostic])
        do {
            read = try YAMLCaseReader().read(text)
        } catch {
            throw TemplateError(.profile, at: at(error.position, file), "not valid YAML: \(error.messageEN)")
        }
        if let duplicate = read.duplicates.first {
            throw TemplateError(.profile, at: at(duplicate.position, file), duplicate.messageEN)
        }
        guard let root = read.root else { throw TemplateError(.profile, at: .file(file), "the file is empty") }
        return root
    }

    private static func at(_ position: SourcePosition?, _ file: String) -> TemplateLocation {
        guard let position else { return .file(file) }
        return TemplateLocation(file: file, line: position.line, column: position.column)
    }
}
