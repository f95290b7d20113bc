import Foundation
import Synchronization
import YorisoiCase

/// Which fields of a form are 「（必須）」, derived from the validation rules themselves rather
/// than typed beside the labels: a field is required when the rules refuse (an error, not a
/// warning) a case that leaves it empty. The rules are asked with probe cases — the form's
/// sections present but empty, and each list with one row holding a single value — so the marks
/// follow every rule change (作成日 and 区分 only warn; a 措置's 事業 need 内容 and dates).
final class RequiredFields: Sendable {
    let engine: YorisoiEngine
    private let cache = Mutex([String: Set<String>]())

    init(engine: YorisoiEngine) {
        self.engine = engine
    }

    func mark(_ form: FormDescription) -> FormDescription {
        guard let kind = DocumentKind(rawValue: form.kind) else { return form }
        let key = form.municipality.code + "/" + form.kind
        let refused = cache.withLock { $0[key] } ?? {
            let found = refusedPointers(form, kind: kind)
            cache.withLock { $0[key] = found }
            return found
        }()
        var marked = form
        marked.sections = form.sections.map { section in
            var section = section
            section.fields = section.fields.map { mark($0, under: "", refused: refused) }
            return section
        }
        return marked
    }

    private func mark(_ field: FormDescription.Field, under parent: String, refused: Set<String>) -> FormDescription.Field {
        var field = field
        let pointer = parent + field.pointer
        // An error at a group of fields (「意向」: the child's or the guardian's) marks each of them.
        let group = pointer.split(separator: "/").dropLast().joined(separator: "/")
        field.required = refused.contains(pointer) || (group.split(separator: "/").count >= 2 && refused.contains("/" + group))
        field.fields = field.fields?.map { mark($0, under: pointer + "/0", refused: refused) }
        return field
    }

    /// The pointers the rules refuse across the probes.
    private func refusedPointers(_ form: FormDescription, kind: DocumentKind) -> Set<String> {
        let fields = form.sections.flatMap(\.fields)
        var refused = errors(in: probe(fields, municipality: form.municipality.code, rowOf: nil, filling: nil), kind: kind, form: form)
        for list in fields where list.type == .repeating {
            for filled in list.fields ?? [] where Self.sample(for: filled.type) != nil {
                let found = errors(in: probe(fields, municipality: form.municipality.code, rowOf: list.pointer, filling: filled), kind: kind, form: form)
                // The value given is not what is missing; what else the row lacks is.
                refused.formUnion(found.filter { $0 != list.pointer + "/0" + filled.pointer })
            }
        }
        return refused
    }

    private func errors(in probe: [String: Any], kind: DocumentKind, form: FormDescription) -> Set<String> {
        guard let bytes = try? JSONSerialization.data(withJSONObject: probe) else { return [] }
        let report = try? engine.validate(.bytes([UInt8](bytes), format: .json, name: "probe"), kind: kind,
                                          municipality: form.municipality.code)
        return Set((report?.diagnostics ?? []).filter { $0.severity == .error }.map(\.path))
    }

    /// The form's sections as empty objects (no id: the id is a field too); with `rowOf`, that
    /// list holds one row with only `filling` given.
    private func probe(_ fields: [FormDescription.Field], municipality: String, rowOf list: String?,
                       filling: FormDescription.Field?) -> [String: Any] {
        var root: [String: Any] = ["version": 1, "municipality": municipality]
        func set(_ tokens: ArraySlice<String>, _ value: Any?, in object: inout [String: Any]) {
            guard let first = tokens.first else { return }
            if tokens.count == 1 {
                if let value { object[first] = value }
                return
            }
            var child = object[first] as? [String: Any] ?? [:]
            set(tokens.dropFirst(), value, in: &child)
            object[first] = child
        }
        for field in fields {
            let tokens = field.pointer.split(separator: "/").map(String.init)
            var row: Any?
            if field.pointer == list, let filling, let value = Self.sample(for: filling.type) {
                row = [[String(filling.pointer.dropFirst()): value]]
            }
            set(tokens[...], row, in: &root)
        }
        return root
    }

    /// A value of the right type for a probe row: it must not be what the rules refuse.
    static func sample(for type: FormDescription.Field.FieldType) -> Any? {
        switch type {
        case .text, .textarea: "あ"
        case .date: "2025-04-01"
        case .month: "2025-04"
        case .dateOrMonth: "2025-04-01"
        default: nil
        }
    }
}
