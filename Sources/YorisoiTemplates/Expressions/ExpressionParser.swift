/// Recursive-descent parser for the expression language. Precedence, loosest first:
/// `??`, `or`, `and`, `not`, comparisons, `|` filters, then paths and literals.
public enum ExpressionParser {
    /// Parses a whole attribute value such as `test="plan.review"`.
    public static func parse(_ source: String, at location: TemplateLocation) throws(TemplateError) -> TemplateExpression {
        try parse(span: SourceSpan(source, start: location))
    }

    /// Parses `each="s in plan.supports"`.
    public static func parseLoopHeader(_ source: String, at location: TemplateLocation) throws(TemplateError) -> LoopHeader {
        let span = SourceSpan(source, start: location)
        var parser = try Parser(span: span)
        guard case .identifier(let variable) = parser.peek.kind, !Parser.keywords.contains(variable) else {
            throw parser.error("expected a loop variable name, as in \"s in plan.supports\"")
        }
        parser.advance()
        guard case .identifier("in") = parser.peek.kind else {
            throw parser.error("expected 'in' after the loop variable")
        }
        parser.advance()
        let sequence = try parser.expression()
        try parser.expectEnd()
        return LoopHeader(variable: variable, sequence: sequence, location: location)
    }

    static func parse(span: SourceSpan) throws(TemplateError) -> TemplateExpression {
        var parser = try Parser(span: span)
        if case .end = parser.peek.kind { throw parser.error("empty expression") }
        let expression = try parser.expression()
        try parser.expectEnd()
        return expression
    }
}

private struct Parser {
    static let keywords: Set<String> = ["and", "or", "not", "true", "false", "null", "in"]

    let span: SourceSpan
    let tokens: [ExpressionToken]
    var position = 0

    init(span: SourceSpan) throws(TemplateError) {
        self.span = span
        tokens = try ExpressionLexer(String(span.text), origin: span).tokens()
    }

    var peek: ExpressionToken { tokens[position] }
    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    func error(_ message: String) -> TemplateError {
        TemplateError(.expressionSyntax, at: span.location(at: peek.offset), message)
    }

    func location(_ token: ExpressionToken) -> TemplateLocation { span.location(at: token.offset) }

    mutating func expectEnd() throws(TemplateError) {
        guard case .end = peek.kind else { throw error("unexpected \(describe(peek)) after the expression") }
    }

    mutating func accept(_ symbol: String) -> Bool {
        if case .symbol(symbol) = peek.kind { advance(); return true }
        return false
    }

    mutating func acceptKeyword(_ word: String) -> Bool {
        if case .identifier(word) = peek.kind { advance(); return true }
        return false
    }

    mutating func expression() throws(TemplateError) -> TemplateExpression {
        var left = try orExpression()
        while accept("??") { left = .fallback(left, try orExpression()) }
        return left
    }

    mutating func orExpression() throws(TemplateError) -> TemplateExpression {
        var left = try andExpression()
        while acceptKeyword("or") { left = .or(left, try andExpression()) }
        return left
    }

    mutating func andExpression() throws(TemplateError) -> TemplateExpression {
        var left = try notExpression()
        while acceptKeyword("and") { left = .and(left, try notExpression()) }
        return left
    }

    mutating func notExpression() throws(TemplateError) -> TemplateExpression {
        let token = peek
        if acceptKeyword("not") { return .not(try notExpression(), location(token)) }
        return try comparison()
    }

    mutating func comparison() throws(TemplateError) -> TemplateExpression {
        let left = try filtered()
        if case .symbol(let s) = peek.kind, let op = ComparisonOperator(rawValue: s) {
            advance()
            return .compare(left, op, try filtered())
        }
        return left
    }

    mutating func filtered() throws(TemplateError) -> TemplateExpression {
        var value = try primary()
        while accept("|") {
            let token = peek
            guard case .identifier(let name) = token.kind else { throw error("expected a filter name after '|'") }
            guard let filter = TemplateFilter(rawValue: name) else {
                let known = TemplateFilter.allCases.map(\.rawValue).joined(separator: ", ")
                throw TemplateError(.unknownFilter, at: location(token), "unknown filter '\(name)'; known: \(known)")
            }
            advance()
            var arguments: [TemplateExpression] = []
            if accept("(") {
                if !accept(")") {
                    repeat { arguments.append(try expression()) } while accept(",")
                    guard accept(")") else { throw error("expected ')' to close the filter arguments") }
                }
            }
            guard filter.arity.contains(arguments.count) else {
                throw TemplateError(.expressionSyntax, at: location(token),
                                    "filter '\(name)' takes \(describe(filter.arity)) argument(s), got \(arguments.count)")
            }
            value = .filter(value, FilterCall(filter: filter, arguments: arguments, location: location(token)))
        }
        return value
    }

    mutating func primary() throws(TemplateError) -> TemplateExpression {
        let token = peek
        switch token.kind {
        case .string(let s):
            advance()
            return .string(s, location(token))
        case .integer(let i):
            advance()
            return .integer(i, location(token))
        case .symbol("("):
            advance()
            let inner = try expression()
            guard accept(")") else { throw error("expected ')'") }
            return inner
        case .identifier("true"): advance(); return .boolean(true, location(token))
        case .identifier("false"): advance(); return .boolean(false, location(token))
        case .identifier("null"): advance(); return .null(location(token))
        case .identifier(let name) where !Self.keywords.contains(name):
            advance()
            var components: [FieldPath.Component] = [.key(name)]
            while true {
                if accept(".") {
                    guard case .identifier(let key) = peek.kind else { throw error("expected a field name after '.'") }
                    advance()
                    components.append(.key(key))
                } else if accept("[") {
                    guard case .integer(let index) = peek.kind else { throw error("expected a list index such as [0]") }
                    advance()
                    guard accept("]") else { throw error("expected ']'") }
                    components.append(.index(index))
                } else {
                    break
                }
            }
            return .path(FieldPath(components), location(token))
        default:
            throw error("expected a field path, a string or a number, found \(describe(token))")
        }
    }

    func describe(_ token: ExpressionToken) -> String {
        switch token.kind {
        case .identifier(let s): return "'\(s)'"
        case .string: return "a string"
        case .integer(let i): return "\(i)"
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end"
        }
    }

    func describe(_ range: ClosedRange<Int>) -> String {
        range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
    }
}

/// Splits text into literal runs and `{{ expression }}` slots. `{{` with no closing `}}` is an
/// error; a lone `}` or `{` is literal text.
public enum InterpolationParser {
    public static func parse(_ text: String, at location: TemplateLocation) throws(TemplateError) -> Interpolation {
        let span = SourceSpan(text, start: location)
        let chars = span.text
        var segments: [Interpolation.Segment] = []
        var literal = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { j += 1 }
                guard j + 1 < chars.count else {
                    throw TemplateError(.expressionSyntax, at: span.location(at: i), "'{{' is not closed by '}}'")
                }
                if !literal.isEmpty { segments.append(.literal(literal)); literal = "" }
                segments.append(.expression(try ExpressionParser.parse(span: span.subspan((i + 2)..<j))))
                i = j + 2
                continue
            }
            literal.append(chars[i])
            i += 1
        }
        if !literal.isEmpty { segments.append(.literal(literal)) }
        return Interpolation(segments)
    }
}
