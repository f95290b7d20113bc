import Foundation
import YorisoiCase

/// The sections and fields of the staff page's form, read from the case file's schema
/// (`schema/case.schema.json`), so that the form, the schema and the validation name every
/// value the same way and no list of fields or labels is typed a second time here or in the page.
///
/// - `x-yorisoi-form.sections` gives each section's id, title, the kinds it belongs to and the
///   pointers of its fields (a list's `row` names the row fields the form edits).
/// - A field's label is its property's `title`. A title holding `{}` is completed with the
///   enclosing property's label (`{}の連絡先` under 母子保健機能の担当者), which is how a
///   definition shared by several properties (`staffMember`, `goal`) gets a label for each use.
/// - Its input and hint come from the property's `x-form`, else from the definition it refers to
///   (`$defs/date` is a date field with the date hint), else from its JSON type (`enum` → select,
///   boolean, an integer with bounds → number, an array → repeat, anything else one line of text).
///
/// Kind titles are the engine's own document names (`DocumentKind.japaneseName`).
public struct FormCatalogue: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case unreadable(String)
        /// A section names a pointer the schema has no property for, or one without a title.
        case badField(String)

        public var description: String {
            switch self {
            case .unreadable(let why): "schema/case.schema.json: \(why)"
            case .badField(let pointer): "schema/case.schema.json x-yorisoi-form: \(pointer) is not a titled property of the schema"
            }
        }
    }

    struct KindSection: Sendable {
        var section: FormDescription.Section
        var kinds: Set<String>
    }

    let sections: [KindSection]
    /// The kinds the page edits, in the order the schema first names them.
    public let kinds: [String]
    /// The label of every titled property outside a list, by pointer (a check list a template
    /// prints is named from here).
    let labels: [String: String]

    /// `schema/case.schema.json` under a repository (or installed copy) root.
    public init(root: URL) throws(Failure) {
        try self.init(schema: root.appendingPathComponent("schema/case.schema.json"))
    }

    public init(schema url: URL) throws(Failure) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        } catch {
            throw .unreadable(error.localizedDescription)
        }
        guard let root = object as? [String: Any],
              let form = root["x-yorisoi-form"] as? [String: Any],
              let sections = form["sections"] as? [[String: Any]] else {
            throw .unreadable("no x-yorisoi-form.sections")
        }
        let schema = SchemaTree(root: root)
        var built: [KindSection] = []
        var kinds: [String] = []
        for section in sections {
            guard let id = section["id"] as? String, let title = section["title"] as? String,
                  let sectionKinds = section["kinds"] as? [String], let fields = section["fields"] as? [Any] else {
                throw .unreadable("a section needs id, title, kinds and fields")
            }
            for kind in sectionKinds where !kinds.contains(kind) { kinds.append(kind) }
            let made = try fields.map { entry throws(Failure) -> FormDescription.Field in
                if let pointer = entry as? String { return try schema.field(pointer) }
                guard let list = entry as? [String: Any], let pointer = list["pointer"] as? String,
                      let row = list["row"] as? [String] else {
                    throw .unreadable("a field is a pointer or {pointer, row}")
                }
                return try schema.field(pointer, row: row)
            }
            built.append(KindSection(section: .init(id: id, title: title, fields: made), kinds: Set(sectionKinds)))
        }
        self.sections = built
        self.kinds = kinds
        self.labels = schema.labels()
    }

    /// The property's label (its title, completed from the enclosing ones), nil when it has none.
    public func label(of pointer: String) -> String? {
        labels[pointer]
    }

    /// The form's sections for `kind`, nil for a kind the page does not edit.
    public func sections(for kind: String) -> [FormDescription.Section]? {
        guard kinds.contains(kind) else { return nil }
        return sections.filter { $0.kinds.contains(kind) }.map(\.section)
    }

    /// The document's name, as the engine's messages write it.
    public static func title(of kind: String) -> String? {
        DocumentKind(rawValue: kind)?.japaneseName
    }
}

/// The schema as parsed JSON, walked by JSON Pointer through `properties`, `items`, `$ref` and
/// the object branch of an `anyOf`.
private struct SchemaTree {
    typealias Node = [String: Any]
    let root: Node

    func field(_ pointer: String, row: [String]? = nil) throws(FormCatalogue.Failure) -> FormDescription.Field {
        let (node, label) = try property(pointer, from: root, enclosing: nil)
        var field = FormDescription.Field(pointer, label, input(of: node), hint: hint(of: node))
        let form = node["x-form"] as? Node
        field.itemLabel = form?["item"] as? String
        if let values = node["enum"] as? [Any] {
            field.options = values.compactMap { $0 as? String }
        }
        if field.type == .number {
            field.min = node["minimum"] as? Int
            field.max = node["maximum"] as? Int
        }
        if let row {
            guard let items = resolved(node)["items"] as? Node else { throw .badField(pointer) }
            field.fields = try row.map { rowPointer throws(FormCatalogue.Failure) -> FormDescription.Field in
                let (rowNode, rowLabel) = try property(rowPointer, from: resolved(items), enclosing: nil)
                return FormDescription.Field(rowPointer, rowLabel, input(of: rowNode), hint: hint(of: rowNode))
            }
        }
        return field
    }

    /// The property node at `pointer` (not dereferenced: its own title and x-form stay visible)
    /// and its label, completed from the enclosing titles.
    private func property(_ pointer: String, from start: Node, enclosing: String?) throws(FormCatalogue.Failure) -> (Node, String) {
        var node = start
        var label = enclosing
        for token in pointer.split(separator: "/").map(String.init) {
            guard let properties = objectBranch(node)["properties"] as? Node, let child = properties[token] as? Node else {
                throw .badField(pointer)
            }
            if let title = child["title"] as? String {
                label = title.contains("{}") ? title.replacingOccurrences(of: "{}", with: label ?? "") : title
            } else {
                label = nil
            }
            node = child
        }
        guard let label, !label.isEmpty else { throw .badField(pointer) }
        return (node, label)
    }

    /// Every titled property reached through objects (not lists), by pointer.
    func labels() -> [String: String] {
        var found: [String: String] = [:]
        func visit(_ node: Node, _ pointer: String, _ label: String?, depth: Int) {
            guard depth < 8, let properties = objectBranch(node)["properties"] as? Node else { return }
            for (key, value) in properties {
                guard let child = value as? Node else { continue }
                var childLabel: String? = nil
                if let title = child["title"] as? String {
                    childLabel = title.contains("{}") ? title.replacingOccurrences(of: "{}", with: label ?? "") : title
                }
                let childPointer = pointer + "/" + key
                if let childLabel, !childLabel.isEmpty { found[childPointer] = childLabel }
                visit(child, childPointer, childLabel, depth: depth + 1)
            }
        }
        visit(root, "", nil, depth: 0)
        return found
    }

    /// `$ref` followed (local references only).
    private func resolved(_ node: Node) -> Node {
        guard let reference = node["$ref"] as? String, reference.hasPrefix("#/") else { return node }
        var target: Any = root
        for token in reference.dropFirst(2).split(separator: "/") {
            guard let next = (target as? Node)?[String(token)] else { return node }
            target = next
        }
        return resolved(target as? Node ?? node)
    }

    /// The branch of the node that has properties (a goal is a sentence or an object).
    private func objectBranch(_ node: Node) -> Node {
        let node = resolved(node)
        if node["properties"] != nil { return node }
        for branch in node["anyOf"] as? [Any] ?? [] {
            if let branch = branch as? Node, resolved(branch)["properties"] != nil { return resolved(branch) }
        }
        return node
    }

    /// The definitions a property refers to, directly or in an `anyOf` (a date or null).
    private func referenced(_ node: Node) -> [Node] {
        var found: [Node] = []
        if node["$ref"] != nil { found.append(resolved(node)) }
        for branch in node["anyOf"] as? [Any] ?? [] {
            if let branch = branch as? Node, branch["$ref"] != nil { found.append(resolved(branch)) }
        }
        return found
    }

    private func formValue(_ key: String, of node: Node) -> String? {
        if let value = (node["x-form"] as? Node)?[key] as? String { return value }
        return referenced(node).lazy.compactMap { ($0["x-form"] as? Node)?[key] as? String }.first
    }

    private func input(of node: Node) -> FormDescription.Field.FieldType {
        if let name = formValue("input", of: node), let type = FormDescription.Field.FieldType(rawValue: name) { return type }
        if node["enum"] != nil { return .select }
        let types = (resolved(node)["type"] as? [String]) ?? [(resolved(node)["type"] as? String) ?? ""]
        if types.contains("array") { return .repeating }
        if types.contains("boolean") { return .boolean }
        if types.contains("integer"), node["minimum"] != nil, node["maximum"] != nil { return .number }
        return .text
    }

    private func hint(of node: Node) -> String? {
        formValue("hint", of: node)
    }
}
