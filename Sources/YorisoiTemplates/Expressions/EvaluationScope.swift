import YorisoiCase

/// A value produced by an expression, with the case field it came from when it came straight
/// from one (a JSON Pointer such as `/plan/supports/2/content`), so later stages can name the
/// field in a diagnostic without quoting the family's data.
public struct BoundValue: Sendable, Hashable {
    public var node: CaseNode
    public var pointer: String?

    public init(_ node: CaseNode, pointer: String? = nil) {
        self.node = node
        self.pointer = pointer
    }

    public init(_ value: CaseValue, pointer: String? = nil) {
        self.init(CaseNode(value), pointer: pointer)
    }

    public static let null = BoundValue(.null)

    public var value: CaseValue { node.value }

    /// Null, empty text, an empty list or an empty object: what `??` and `default` replace.
    public var isEmpty: Bool {
        switch node.value {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        case .bool, .integer, .double: return false
        }
    }

    /// Truth for `<if test>`: false for empty values, `false` and zero.
    public var isTruthy: Bool {
        switch node.value {
        case .bool(let b): return b
        case .integer(let i): return i != 0
        case .double(let d): return d != 0
        default: return !isEmpty
        }
    }

    /// What the value prints as: scalars as written, lists joined with 「、」, null and objects
    /// as nothing.
    public var text: String {
        switch node.value {
        case .array(let items):
            return items.compactMap { BoundValue($0).text.isEmpty ? nil : BoundValue($0).text }.joined(separator: "、")
        case .object, .null:
            return ""
        default:
            return node.scalarText ?? ""
        }
    }
}

/// How a municipality writes dates by default (the `date`, `date_ym` and `koro` filters).
public enum DateStyle: String, Sendable, Hashable, CaseIterable {
    case wareki = "和暦"
    case seireki = "西暦"
}

/// Everything an expression may read: the case, the municipality profile (as `profile.…`) and
/// the variables bound by `<repeat>` (and, in headers and footers, `page` and `pages`).
public struct EvaluationScope: Sendable {
    /// The 教示 of a 処分 notice (`ResolvedTemplate.scope(for:)` binds it for `measure` only).
    public static let appealInstructionName = "appeal_instruction"
    /// Names that never resolve into the case. `appeal_instruction` is among them so a case file
    /// cannot supply 教示 text of its own, nor make one appear on a notice that has none;
    /// `document_number` so a case cannot print a number the draft rule did not see.
    public static let reservedNames: Set<String> = ["profile", "loop", "page", "pages", appealInstructionName,
                                                    NoticeNumber.variableName, paperName]
    /// The paper the document is printed on (`A4`, `A5`, …): a form whose paper the profile
    /// chooses (the セルフプラン) gives the larger sheet a writing area the smaller has no room for.
    public static let paperName = "paper"

    public var root: CaseNode
    public var profile: CaseNode?
    public var dateStyle: DateStyle
    public private(set) var variables: [String: BoundValue] = [:]

    public init(case root: CaseNode, profile: CaseNode? = nil, dateStyle: DateStyle = .wareki) {
        self.root = root
        self.profile = profile
        self.dateStyle = dateStyle
    }

    public init(case root: CaseNode, profile: MunicipalityProfile) {
        self.init(case: root, profile: profile.valueTree, dateStyle: profile.dateStyle)
    }

    /// A scope with one more variable (loop variables shadow case keys of the same name).
    public func binding(_ name: String, to value: BoundValue) -> EvaluationScope {
        var copy = self
        copy.variables[name] = value
        return copy
    }

    /// A scope for one page of a header or footer.
    public func forPage(_ page: Int, of pages: Int) -> EvaluationScope {
        binding("page", to: BoundValue(.integer(page))).binding("pages", to: BoundValue(.integer(pages)))
    }

    func lookup(_ head: String) -> BoundValue {
        if let bound = variables[head] { return bound }
        if head == "profile" { return BoundValue(profile ?? CaseNode(.null)) }
        if Self.reservedNames.contains(head) { return .null }
        return BoundValue(root[head] ?? CaseNode(.null), pointer: "/" + head.jsonPointerEscaped)
    }
}
