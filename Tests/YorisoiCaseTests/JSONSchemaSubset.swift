import Foundation
import YorisoiCase

/// The part of JSON Schema 2020-12 that schema/case.schema.json uses (type, const, enum, pattern,
/// minimum, maximum, properties, additionalProperties: false, items, anyOf, local $ref), run over
/// the raw case tree. Enough to prove the samples conform without a Python dependency in CI;
/// an unsupported keyword fails loudly so the subset cannot silently fall behind the schema.
struct JSONSchemaSubset {
    let root: CaseNode

    static let supportedKeywords: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "x-form", "x-yorisoi-form", "type", "const", "enum", "pattern",
        "minimum", "maximum", "properties", "additionalProperties", "items", "anyOf",
    ]

    func errors(for instance: CaseNode) -> [String] {
        var errors: [String] = []
        check(instance, against: root, pointer: "", errors: &errors)
        return errors
    }

    private func check(_ value: CaseNode, against schema: CaseNode, pointer: String, errors: inout [String]) {
        guard case .object(let members) = schema.value else { return }
        for member in members where !Self.supportedKeywords.contains(member.key) {
            errors.append("unsupported schema keyword \(member.key)")
        }
        if let ref = schema.text("$ref") {
            guard ref.hasPrefix("#"), let target = root.resolve(pointer: String(ref.dropFirst())) else {
                errors.append("\(pointer): unresolvable $ref \(ref)")
                return
            }
            check(value, against: target, pointer: pointer, errors: &errors)
        }
        if let types = schema["type"] {
            let allowed = types.scalarText.map { [$0] } ?? types.textsOfArray()
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                errors.append("\(pointer): type is not \(allowed)")
                return
            }
        }
        if let constant = schema["const"], !Self.sameValue(constant, value) {
            errors.append("\(pointer): not the constant")
        }
        if case .array(let options)? = schema["enum"]?.value, !options.contains(where: { Self.sameValue($0, value) }) {
            errors.append("\(pointer): not in enum")
        }
        if let pattern = schema.text("pattern"), case .string(let text) = value.value,
           text.range(of: pattern, options: .regularExpression) == nil {
            errors.append("\(pointer): does not match \(pattern)")
        }
        if case .integer(let number) = value.value {
            if let minimum = schema.integer("minimum"), number < minimum { errors.append("\(pointer): below minimum") }
            if let maximum = schema.integer("maximum"), number > maximum { errors.append("\(pointer): above maximum") }
        }
        if case .object(let valueMembers) = value.value {
            let properties = schema.object("properties")
            for member in valueMembers {
                let childPointer = pointer + "/" + member.key.jsonPointerEscaped
                if let propertySchema = properties?[member.key] {
                    check(member.node, against: propertySchema, pointer: childPointer, errors: &errors)
                } else if schema["additionalProperties"]?.value == .bool(false) {
                    errors.append("\(childPointer): property not allowed")
                }
            }
        }
        if case .array(let items) = value.value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                check(item, against: itemSchema, pointer: pointer + "/\(index)", errors: &errors)
            }
        }
        if case .array(let options)? = schema["anyOf"]?.value {
            let passes = options.contains { option in
                var optionErrors: [String] = []
                check(value, against: option, pointer: pointer, errors: &optionErrors)
                return optionErrors.isEmpty
            }
            if !passes { errors.append("\(pointer): matches no anyOf option") }
        }
    }

    private static func matches(_ value: CaseNode, type: String) -> Bool {
        switch (type, value.value) {
        case ("null", .null), ("boolean", .bool), ("integer", .integer), ("number", .integer),
             ("number", .double), ("string", .string), ("array", .array), ("object", .object):
            return true
        default:
            return false
        }
    }

    private static func sameValue(_ a: CaseNode, _ b: CaseNode) -> Bool {
        switch (a.value, b.value) {
        case (.integer(let x), .double(let y)), (.double(let y), .integer(let x)): return Double(x) == y
        default: return a.value == b.value
        }
    }
}

private extension CaseNode {
    func textsOfArray() -> [String] {
        if case .array(let items) = value { return items.compactMap(\.scalarText) }
        return []
    }
}
