import Foundation
import Testing
import TestSupport
import YorisoiCase

/// schema/case.schema.json is the one source of the case's fields: CaseShape is checked against
/// it key by key (SchemaTests), and the typed model (`Case` and the types under it) here. A
/// case with every field the schema names is built, and its typed value is walked with Mirror:
/// every schema field must be a stored property of the model (camelCase of the snake_case key)
/// and every stored property a schema field. A field added on one side only fails this test.
@Suite struct ModelSchemaTests {
    static let schemaURL = TestPaths.repositoryRoot.appendingPathComponent("schema/case.schema.json")

    @Test func theModelHasExactlyTheSchemasFields() throws {
        let schema = try #require(CaseLoader().load(contentsOf: Self.schemaURL).first?.root)
        var schemaPaths: Set<String> = []
        let json = Self.example(schema, root: schema, pointer: "", paths: &schemaPaths)
        let loaded = try #require(CaseLoader().load(data: Data(json.utf8), format: .json, displayName: "every-field.json").first)
        let typed = try #require(loaded.typed, "\(loaded.diagnostics.map(\.code.rawValue))")
        var modelPaths: Set<String> = []
        Self.walk(typed, pointer: "", paths: &modelPaths)
        #expect(schemaPaths.count > 100)
        #expect(schemaPaths.subtracting(modelPaths).sorted() == [], "in the schema, not in the model")
        #expect(modelPaths.subtracting(schemaPaths).subtracting(Self.sharedTypeFields).sorted() == [],
                "in the model, not in the schema")
        #expect(Self.sharedTypeFields.isDisjoint(with: schemaPaths), "now in the schema: drop it from sharedTypeFields")
    }

    /// `Voices` is one type for 気になること, 望んでいること and 意向; only 望んでいること has the
    /// `shared` (家族で共有) line, so the other two carry a property the file cannot set.
    static let sharedTypeFields: Set<String> = ["/plan/intent/shared", "/plan/worries/shared"]

    // MARK: The schema side: an example value with every property, and the property paths.

    static func resolved(_ node: CaseNode, _ root: CaseNode) -> CaseNode {
        if let ref = node.text("$ref"), let target = root.resolve(pointer: String(ref.dropFirst())) { return resolved(target, root) }
        return node
    }

    static func example(_ node: CaseNode, root: CaseNode, pointer: String, paths: inout Set<String>) -> String {
        let schema = resolved(node, root)
        // anyOf (text or object): the object form, which names the fields.
        let variants = schema.list("anyOf") + schema.list("oneOf")
        if let object = variants.map({ resolved($0, root) }).first(where: { $0.object("properties") != nil }) {
            return example(object, root: root, pointer: pointer, paths: &paths)
        }
        if let first = schema.list("enum").first {
            if case .string(let text) = first.value { return JSONText.quoted(text) }
            return first.scalarText ?? "null"
        }
        if let properties = schema.object("properties"), case .object(let members) = properties.value {
            let fields = members.map { member -> String in
                let path = pointer + "/" + member.key
                paths.insert(path)
                return JSONText.quoted(member.key) + ": " + example(member.node, root: root, pointer: path, paths: &paths)
            }
            return "{" + fields.joined(separator: ", ") + "}"
        }
        if let items = schema["items"] {
            return "[" + example(items, root: root, pointer: pointer + "/*", paths: &paths) + "]"
        }
        switch schema.text("type") {
        case "integer", "number": return schema["minimum"]?.scalarText ?? "1"
        case "boolean": return "true"
        default:
            let pattern = schema.text("pattern") ?? ""
            return pattern.contains("-") ? "\"2025-01-17\"" : "\"122297\""
        }
    }

    // MARK: The model side: stored properties, by the case-file key they stand for.

    static func walk(_ value: Any, pointer: String, paths: inout Set<String>) {
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let path = pointer + "/" + snakeCase(label)
            paths.insert(path)
            descend(child.value, pointer: path, paths: &paths)
        }
    }

    static func descend(_ value: Any, pointer: String, paths: inout Set<String>) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            if let wrapped = mirror.children.first?.value { descend(wrapped, pointer: pointer, paths: &paths) }
        case .collection:
            if let first = mirror.children.first?.value { descend(first, pointer: pointer + "/*", paths: &paths) }
        case .struct where !(value is CaseDate):
            walk(value, pointer: pointer, paths: &paths)
        default:
            break  // a leaf: text, number, flag, date, enumeration
        }
    }

    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }
}
