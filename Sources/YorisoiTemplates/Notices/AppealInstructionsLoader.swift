import Foundation
import YorisoiCase

/// Reads and checks `national/appeal-instructions.yaml`. Every error names the file and the field
/// as a JSON Pointer (`/versions/0/effective`) at the nearest line, like profile errors.
public enum AppealInstructionsLoader {
    public static let maximumSize = 256 * 1024

    public static func load(_ url: URL, displayName: String = AppealInstructions.file) throws(TemplateError) -> AppealInstructions {
        let text = try YAMLValueTree.readText(url, displayName: displayName, maximumSize: maximumSize,
                                              what: "教示 versions", notUTF8: .appealInstructions)
        return try parse(text, file: displayName)
    }

    public static func parse(_ text: String, file: String = AppealInstructions.file) throws(TemplateError) -> AppealInstructions {
        let tree: CaseNode
        do {
            tree = try YAMLValueTree.parse(text, file: file)
        } catch {
            // The YAML reader speaks of profiles; this file has its own code.
            throw TemplateError(.appealInstructions, at: error.location, pointer: error.pointer, error.detail)
        }
        let r = Reader(root: tree, file: file)
        let count = try r.listCount("/versions")
        guard count > 0 else { throw r.error("/versions", "at least one version is needed") }
        var versions: [AppealInstructions.Version] = []
        for index in 0..<count {
            let base = "/versions/\(index)"
            let effectiveText = try r.text(base + "/effective")
            guard let effective = CaseDate(iso: effectiveText), !effective.isYearMonth else {
                throw r.error(base + "/effective", "must be a full date (YYYY-MM-DD)")
            }
            if versions.contains(where: { $0.effective == effective }) {
                throw r.error(base + "/effective", "two versions take effect on the same day")
            }
            let laws = try r.texts(base + "/laws")
            let paragraphs = try r.texts(base + "/paragraphs")
            for (p, paragraph) in paragraphs.enumerated() {
                if let unknown = unknownSlot(in: paragraph) {
                    throw r.error("\(base)/paragraphs/\(p)", "unknown slot {\(unknown)}; the slots are "
                                  + AppealInstructionSlot.allCases.map(\.placeholder).joined(separator: ", "))
                }
            }
            versions.append(.init(id: try r.text(base + "/id"), effective: effective, laws: laws,
                                  heading: try r.text(base + "/heading"), paragraphs: paragraphs))
        }
        return AppealInstructions(versions: versions, file: file)
    }

    /// The first `{name}` in `paragraph` that is not a slot (an unclosed `{` counts as unknown).
    static func unknownSlot(in paragraph: String) -> String? {
        var rest = paragraph[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { return String(after.prefix(20)) }
            let name = String(after[..<close])
            if AppealInstructionSlot(rawValue: name) == nil { return name }
            rest = after[after.index(after: close)...]
        }
        return nil
    }

    /// Pointer-addressed reads with errors that name the pointer and the nearest line.
    private struct Reader {
        let root: CaseNode
        let file: String

        func error(_ pointer: String, _ detail: String) -> TemplateError {
            TemplateError(.appealInstructions, at: YAMLValueTree.location(of: pointer, in: root, file: file),
                          pointer: pointer, detail)
        }

        func text(_ pointer: String) throws(TemplateError) -> String {
            guard case .string(let value)? = root.resolve(pointer: pointer)?.value,
                  !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw error(pointer, "required text is missing")
            }
            return value
        }

        func listCount(_ pointer: String) throws(TemplateError) -> Int {
            guard let node = root.resolve(pointer: pointer) else { throw error(pointer, "required list is missing") }
            guard case .array(let items) = node.value else { throw error(pointer, "must be a list") }
            return items.count
        }

        /// A non-empty list of non-empty texts.
        func texts(_ pointer: String) throws(TemplateError) -> [String] {
            let count = try listCount(pointer)
            guard count > 0 else { throw error(pointer, "must not be empty") }
            var result: [String] = []
            for index in 0..<count { result.append(try text("\(pointer)/\(index)")) }
            return result
        }
    }
}
