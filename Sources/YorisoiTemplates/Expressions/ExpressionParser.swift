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
    /// Limits that keep a hostile or broken template from exhausting the stack (every nested
    /// parenthesis, `not` and filter argument is a level of recursion here and again when the
    /// expression is evaluated) or the clock. Real expressions are a line long and a few levels deep.
    static let maximumLength = 2_000
    static let maximumDepth = 32
    /// `a or b or c …` builds a tree as deep as the chain is long (evaluated recursively).
    static let maximumChain = 64

    let span: SourceSpan
    let tokens: [ExpressionToken]
    var position = 0
    var depth = 0

    init(span: SourceSpan) throws(TemplateError) {
        self.span = span
        guard span.text.count <= Self.maximumLength else {
            throw TemplateError(.expressionSyntax, at: span.start,
                                "the expression is \(span.text.count) characters long; the limit is \(Self.maximumLength)")
        }
        tokens = try ExpressionLexer(String(span.text), origin: span).tokens()
    }

    /// One level deeper into the expression; refused past `maximumDepth`.
    mutating func enter() throws(TemplateError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("the expression is nested more than \(Self.maximumDepth) levels deep")
        }
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
        try enter()
        defer { depth -= 1 }
        var left = try orExpression()
        var chained = 0
        while accept("??") {
            chained += 1
            guard chained <= Self.maximumChain else { throw error("more than \(Self.maximumChain) '??' in a row") }
            left = .fallback(left, try orExpression())
        }
        return left
    }

    mutating func orExpression() throws(TemplateError) -> TemplateExpression {
        var left = try andExpression()
        var chained = 0
        while acceptKeyword("or") {
            chained += 1
            guard chained <= Self.maximumChain else { throw error("more than \(Self.maximumChain) 'or' in a row") }
            left = .or(left, try andExpression())
        }
        return left
    }

    mutating func andExpression() throws(TemplateError) -> TemplateExpression {
        var left = try notExpression()
        var chained = 0
        while acceptKeyword("and") {
            chained += 1
            guard chained <= Self.maximumChain else { throw error("more than \(Self.maximumChain) 'and' in a row") }
            left = .and(left, try notExpression())
        }
        return left
    }

    mutating func notExpression() throws(TemplateError) -> TemplateExpression {
        let token = peek
        if acceptKeyword("not") {
            try enter()
            defer { depth -= 1 }
            return .not(try notExpression(), location(token))
        }
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
        var filters = 0
        while accept("|") {
            // Each filter wraps the value once more: a chain is as deep as it is long.
            filters += 1
            guard filters <= Self.maximumDepth else { throw error("more than \(Self.maximumDepth) filters in a row") }
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
