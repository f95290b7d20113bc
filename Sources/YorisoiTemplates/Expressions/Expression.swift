/// The parsed form of a template expression such as `plan.review | koro` or
/// `consent.agreed and not (child.name == '')`.
///
/// The language is deliberately small: it reads values and formats them. There is no function
/// call other than the fixed filter set, no assignment, no access to anything but the case, the
/// municipality profile and loop variables.
public indirect enum TemplateExpression: Sendable, Hashable {
    /// `child.name`, `plan.supports[0].service`, `s.content` (first component may be a loop variable).
    case path(FieldPath, TemplateLocation)
    case string(String, TemplateLocation)
    case integer(Int, TemplateLocation)
    case boolean(Bool, TemplateLocation)
    case null(TemplateLocation)
    /// `value | name(arguments…)`.
    case filter(TemplateExpression, FilterCall)
    /// `a ?? b`: a unless it is null, empty text or an empty list.
    case fallback(TemplateExpression, TemplateExpression)
    case not(TemplateExpression, TemplateLocation)
    case and(TemplateExpression, TemplateExpression)
    case or(TemplateExpression, TemplateExpression)
    case compare(TemplateExpression, ComparisonOperator, TemplateExpression)

    public var location: TemplateLocation {
        switch self {
        case .path(_, let l), .string(_, let l), .integer(_, let l), .boolean(_, let l), .null(let l),
             .not(_, let l):
            return l
        case .filter(let base, _), .fallback(let base, _), .and(let base, _), .or(let base, _),
             .compare(let base, _, _):
            return base.location
        }
    }

    /// Every field path the expression reads (for validation: "which case fields does this
    /// template need").
    public var fieldPaths: [FieldPath] {
        switch self {
        case .path(let p, _): return [p]
        case .string, .integer, .boolean, .null: return []
        case .filter(let base, let call): return base.fieldPaths + call.arguments.flatMap(\.fieldPaths)
        case .fallback(let a, let b), .and(let a, let b), .or(let a, let b), .compare(let a, _, let b):
            return a.fieldPaths + b.fieldPaths
        case .not(let a, _): return a.fieldPaths
        }
    }
}

public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var components: [Component]

    public init(_ components: [Component]) {
        self.components = components
    }

    /// The first key: a loop variable, `profile`, `loop`, `page`/`pages`, or a case top-level key.
    public var head: String {
        if case .key(let k) = components.first { return k }
        return ""
    }

    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case .key(let k): out += out.isEmpty ? k : ".\(k)"
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }
}

public struct FilterCall: Sendable, Hashable {
    public var filter: TemplateFilter
    public var arguments: [TemplateExpression]
    public var location: TemplateLocation

    public init(filter: TemplateFilter, arguments: [TemplateExpression], location: TemplateLocation) {
        self.filter = filter
        self.arguments = arguments
        self.location = location
    }
}

public enum ComparisonOperator: String, Sendable, Hashable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// The fixed filter set. Parsing checks the name and the number of arguments, so a template
/// with a typo never reaches a case.
public enum TemplateFilter: String, Sendable, Hashable, CaseIterable {
    case wareki, wareki_ym, seireki, seireki_ym, koro, date, date_ym, month_day
    case age, age_years, sama, join, `default`, zenkaku, count, maru, zip, when, pluck

    /// Allowed argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .join, .age, .age_years: return 0...1
        case .default, .zip, .when, .pluck: return 1...1
        default: return 0...0
        }
    }
}

/// `each="s in plan.supports"` of a `<repeat>`.
public struct LoopHeader: Sendable, Hashable {
    public var variable: String
    public var sequence: TemplateExpression
    public var location: TemplateLocation

    public init(variable: String, sequence: TemplateExpression, location: TemplateLocation) {
        self.variable = variable
        self.sequence = sequence
        self.location = location
    }
}

/// Text with `{{ expression }}` slots, as found in element content and in `label` attributes.
public struct Interpolation: Sendable, Hashable {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case expression(TemplateExpression)
    }

    public var segments: [Segment]

    public init(_ segments: [Segment]) {
        self.segments = segments
    }

    public static func literal(_ text: String) -> Interpolation {
        Interpolation(text.isEmpty ? [] : [.literal(text)])
    }

    public var isLiteral: Bool {
        segments.allSatisfy { if case .literal = $0 { return true } else { return false } }
    }

    /// The text without slots (for labels that must be fixed).
    public var literalText: String {
        segments.map { if case .literal(let s) = $0 { return s } else { return "" } }.joined()
    }
}
