/// Keys a case file has but the case format does not know are the author's text, and can be a
/// name or an e-mail address pasted in key position (`child: {Hanako Yamada: …}`). No message,
/// pointer, log or manifest shows them: an unknown key is named by its place instead —
/// `~unknownN`, the N-th unknown key (1-based, in file order) of its object — and everything
/// below it likewise. Known keys and list indexes stay as they are.
public struct UnknownKeyRedaction: Sendable {
    public static let marker = "~unknown"
    let root: CaseNode

    public init(root: CaseNode) {
        self.root = root
    }

    /// The pointer segment for the member `key` of an object with `members` whose known keys
    /// are `known` (nil: nothing under it is known).
    public static func segment(for key: String, among members: [CaseMember], known: [FieldSpec]?) -> String {
        let unknown = members.filter { member in !(known?.contains { $0.key == member.key } ?? false) }
        let place = (unknown.firstIndex { $0.key == key } ?? unknown.count) + 1
        return marker + String(place)
    }

    /// `pointer` with every unknown key replaced by its place.
    public func redact(_ pointer: String) -> String {
        guard !pointer.isEmpty else { return pointer }
        var node: CaseNode? = root
        var shape: FieldShape? = CaseShape.root
        var out = ""
        for raw in pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            // Unescaped only when it holds a "~": Foundation's search, asked of every segment of
            // every diagnostic's pointer, was most of what redacting cost.
            let segment = raw.utf8.contains(UInt8(ascii: "~"))
                ? String(raw).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                : String(raw)
            if raw.hasPrefix(Self.marker) {
                // Already named by place (the shape checker does so itself).
                out += "/" + raw
                node = nil
                shape = nil
                continue
            }
            let specs = shape?.memberSpecs
            if case .array(let items)? = node?.value, let index = Int(segment), items.indices.contains(index) {
                out += "/" + segment
                node = items[index]
                shape = shape?.elementShape
            } else if let spec = specs?.first(where: { $0.key == segment }) {
                out += "/" + raw
                node = node?[segment]
                shape = spec.shape
            } else if case .object(let members)? = node?.value {
                out += "/" + Self.segment(for: segment, among: members, known: specs)
                node = members.first { $0.key == segment }?.node
                shape = nil
            } else if Int(segment) != nil, shape?.elementShape != nil {
                out += "/" + segment
                node = nil
                shape = shape?.elementShape
            } else {
                // Not in the tree and not a known key: nothing about it may be shown.
                out += "/" + Self.marker
                node = nil
                shape = nil
            }
        }
        return out
    }

    /// The diagnostics with their pointers redacted.
    public func redact(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            var copy = diagnostic
            copy.path = redact(diagnostic.path)
            return copy
        }
    }
}

extension FieldShape {
    /// The keys an object (or a text-or-object) may hold; nil for any other shape.
    var memberSpecs: [FieldSpec]? {
        switch self {
        case .object(let specs), .textOrObject(let specs): specs
        default: nil
        }
    }

    var elementShape: FieldShape? {
        if case .list(let element) = self { return element }
        return nil
    }
}
