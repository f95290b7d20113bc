import Foundation
import Yams
import YorisoiCase

/// Case trees written back out: JSON (keys in source order, byte-stable) for the server's API,
/// YAML for its export, and a value set into a tree (the 文書番号 the 発番簿 allocates) before it
/// is rendered. What is written is only ever read back through the case loader.
public enum CaseJSON {
    public static func encode(_ node: CaseNode) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    private static func write(_ node: CaseNode, into out: inout String) {
        switch node.value {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .integer(let value): out += String(value)
        case .double(let value): out += value.isFinite ? "\(value)" : "null"
        case .string(let value): out += JSONText.quoted(value)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                out += JSONText.quoted(member.key) + ":"
                write(member.node, into: &out)
            }
            out += "}"
        }
    }

    /// The case as a YAML document (block style, keys in source order).
    public static func yaml(_ node: CaseNode) throws -> String {
        try Yams.serialize(node: yamsNode(node), allowUnicode: true)
    }

    private static func yamsNode(_ node: CaseNode) -> Yams.Node {
        switch node.value {
        case .null: return Yams.Node("null", Tag(.null))
        case .bool(let value): return Yams.Node(value ? "true" : "false", Tag(.bool))
        case .integer(let value): return Yams.Node(String(value), Tag(.int))
        case .double(let value): return Yams.Node("\(value)", Tag(.float))
        case .string(let value):
            // Quoted, so a date or a number-like string reads back as the same string.
            return Yams.Node(value, Tag(.str), .doubleQuoted)
        case .array(let items): return Yams.Node(items.map(yamsNode))
        case .object(let members):
            return .mapping(Yams.Node.Mapping(members.map { (Yams.Node($0.key, Tag(.str)), yamsNode($0.node)) }))
        }
    }

    /// Sets (or adds) the string at `/section/key` of an object tree.
    public static func setting(_ value: String, section: String, key: String, in root: CaseNode) -> CaseNode {
        guard case .object(var members) = root.value else { return root }
        let index = members.firstIndex { $0.key == section }
        var sectionMembers: [CaseMember] = []
        if let index, case .object(let existing) = members[index].node.value { sectionMembers = existing }
        if let keyIndex = sectionMembers.firstIndex(where: { $0.key == key }) {
            sectionMembers[keyIndex].node = CaseNode(.string(value), at: sectionMembers[keyIndex].node.position)
        } else {
            sectionMembers.append(CaseMember(key: key, node: CaseNode(.string(value))))
        }
        let node = CaseNode(.object(sectionMembers), at: index.map { members[$0].node.position } ?? nil)
        if let index { members[index].node = node } else { members.append(CaseMember(key: section, node: node)) }
        return CaseNode(.object(members), at: root.position)
    }
}
