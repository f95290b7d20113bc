import Foundation
/// Lenient readers over the raw tree, used to build the typed `Case`: a value of the wrong type
/// reads as nil (the shape checker has reported it).
extension CaseNode {
    public func text(_ key: String) -> String? {
        guard let node = self[key] else { return nil }
        switch node.value {
        case .string(let s): return s
        case .integer, .double: return node.scalarText
        default: return nil
        }
    }

    public func integer(_ key: String) -> Int? {
        if case .integer(let value)? = self[key]?.value { return value }
        return nil
    }

    public func boolean(_ key: String) -> Bool? {
        if case .bool(let value)? = self[key]?.value { return value }
        return nil
    }

    public func date(_ key: String) -> CaseDate? {
        if case .string(let text)? = self[key]?.value { return CaseDate(iso: text) }
        return nil
    }

    /// The member if it is a mapping.
    public func object(_ key: String) -> CaseNode? {
        guard let node = self[key], case .object = node.value else { return nil }
        return node
    }

    /// The elements if the member is a list; empty otherwise.
    public func list(_ key: String) -> [CaseNode] {
        if case .array(let items)? = self[key]?.value { return items }
        return []
    }

    public func texts(_ key: String) -> [String] {
        list(key).compactMap { node in
            switch node.value {
            case .string(let s): s
            case .integer, .double: node.scalarText
            default: nil
            }
        }
    }

    /// Where to point a finding about `pointer`: the key of the deepest member that exists on the
    /// way there (the key line reads best), or the element itself inside a list.
    public func position(nearest pointer: String) -> SourcePosition? {
        guard pointer.hasPrefix("/") else { return position }
        var node = self
        var best = position
        for raw in pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            let token = raw.jsonPointerUnescaped
            switch node.value {
            case .object(let members):
                guard let member = members.first(where: { $0.key == token }) else { return best }
                best = member.keyPosition ?? member.node.position ?? best
                node = member.node
            case .array(let items):
                guard let index = Int(token), items.indices.contains(index) else { return best }
                node = items[index]
                best = node.position ?? best
            default:
                return best
            }
        }
        return best
    }
}

extension CaseNode {
    /// Something a reader would see: text that is not only spaces, a number, a yes/no, or a list
    /// or map holding one of those. A list item without it (a spreadsheet export's blank row) is
    /// skipped with W022 rather than refused.
    public var holdsValue: Bool {
        switch value {
        case .null: return false
        case .bool, .integer, .double: return true
        case .string(let text): return !text.allSatisfy(\.isWhitespace)
        case .array(let items): return items.contains(where: \.holdsValue)
        case .object(let members): return members.contains { $0.node.holdsValue }
        }
    }

    /// A list item that is empty in every field (or a bare null).
    public var isBlankListItem: Bool {
        switch value {
        case .null, .object: return !holdsValue
        default: return false
        }
    }
}
