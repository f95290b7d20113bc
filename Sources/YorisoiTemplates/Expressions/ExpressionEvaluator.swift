import YorisoiCase

/// Evaluates expressions against a scope. Pure: reads values, never writes, never touches the
/// file system. Errors name the template position and the case field, never the field's value.
extension EvaluationScope {
    public func evaluate(_ expression: TemplateExpression) throws(TemplateError) -> BoundValue {
        switch expression {
        case .path(let path, _):
            return resolve(path)
        case .string(let s, _):
            return BoundValue(.string(s))
        case .integer(let i, _):
            return BoundValue(.integer(i))
        case .boolean(let b, _):
            return BoundValue(.bool(b))
        case .null:
            return .null
        case .filter(let base, let call):
            let input = try evaluate(base)
            var arguments: [BoundValue] = []
            for argument in call.arguments { arguments.append(try evaluate(argument)) }
            return try FilterSet.apply(call, to: input, arguments: arguments, in: self)
        case .fallback(let a, let b):
            let first = try evaluate(a)
            if first.isEmpty { return try evaluate(b) }
            return first
        case .not(let inner, _):
            return BoundValue(.bool(!(try evaluate(inner).isTruthy)))
        case .and(let a, let b):
            guard try evaluate(a).isTruthy else { return BoundValue(.bool(false)) }
            return BoundValue(.bool(try evaluate(b).isTruthy))
        case .or(let a, let b):
            if try evaluate(a).isTruthy { return BoundValue(.bool(true)) }
            return BoundValue(.bool(try evaluate(b).isTruthy))
        case .compare(let a, let op, let b):
            return BoundValue(.bool(Self.compare(try evaluate(a), op, try evaluate(b))))
        }
    }

    /// The printed text of an expression.
    public func text(_ expression: TemplateExpression) throws(TemplateError) -> String {
        try evaluate(expression).text
    }

    /// Whether an `<if test>` holds.
    public func test(_ expression: TemplateExpression) throws(TemplateError) -> Bool {
        try evaluate(expression).isTruthy
    }

    /// Interpolated text with every slot filled.
    public func render(_ interpolation: Interpolation) throws(TemplateError) -> String {
        var out = ""
        for segment in interpolation.segments {
            switch segment {
            case .literal(let s): out += s
            case .expression(let e): out += try text(e)
            }
        }
        return out
    }

    /// The iterations of a `<repeat>`: one scope per element, with the loop variable and `loop`
    /// (`loop.index` 1-based, `loop.index0`, `loop.first`, `loop.last`, `loop.count`) bound.
    /// `minimum` pads with empty iterations (null loop variable) so paper forms keep their blank
    /// rows. A null sequence is zero iterations; a scalar is an error.
    public func iterations(of header: LoopHeader, minimum: Int = 0) throws(TemplateError) -> [EvaluationScope] {
        let sequence = try evaluate(header.sequence)
        var items: [BoundValue]
        switch sequence.value {
        case .null:
            items = []
        case .array(let nodes):
            // A blank item (every field empty: a spreadsheet's empty row) is skipped, with W022
            // from validation; the others keep their own pointers.
            items = nodes.enumerated().filter { !$0.element.isBlankListItem }.map { offset, node in
                BoundValue(node, pointer: sequence.pointer.map { "\($0)/\(offset)" })
            }
        default:
            throw TemplateError(.expressionEvaluation, at: header.location, pointer: sequence.pointer,
                                "repeat needs a list")
        }
        while items.count < minimum { items.append(.null) }
        return items.enumerated().map { index, item in
            let loop = CaseNode(.object([
                CaseMember(key: "index", node: CaseNode(.integer(index + 1))),
                CaseMember(key: "index0", node: CaseNode(.integer(index))),
                CaseMember(key: "first", node: CaseNode(.bool(index == 0))),
                CaseMember(key: "last", node: CaseNode(.bool(index == items.count - 1))),
                CaseMember(key: "count", node: CaseNode(.integer(items.count))),
            ]))
            return binding(header.variable, to: item).binding("loop", to: BoundValue(loop))
        }
    }

    func resolve(_ path: FieldPath) -> BoundValue {
        var current = lookup(path.head)
        for component in path.components.dropFirst() {
            switch component {
            case .key(let key):
                let pointer = current.pointer.map { $0 + "/" + key.jsonPointerEscaped }
                current = BoundValue(current.node[key] ?? CaseNode(.null), pointer: pointer)
            case .index(let index):
                let pointer = current.pointer.map { $0 + "/\(index)" }
                current = BoundValue(current.node[index] ?? CaseNode(.null), pointer: pointer)
            }
        }
        return current
    }

    static func compare(_ a: BoundValue, _ op: ComparisonOperator, _ b: BoundValue) -> Bool {
        if let x = number(a), let y = number(b) {
            switch op {
            case .equal: return x == y
            case .notEqual: return x != y
            case .less: return x < y
            case .lessOrEqual: return x <= y
            case .greater: return x > y
            case .greaterOrEqual: return x >= y
            }
        }
        let x = comparable(a), y = comparable(b)
        switch op {
        case .equal: return x == y
        case .notEqual: return x != y
        case .less: return x < y
        case .lessOrEqual: return x <= y
        case .greater: return x > y
        case .greaterOrEqual: return x >= y
        }
    }

    private static func number(_ v: BoundValue) -> Double? {
        switch v.value {
        case .integer(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    private static func comparable(_ v: BoundValue) -> String {
        if case .bool(let b) = v.value { return b ? "true" : "false" }
        return v.text
    }
}
