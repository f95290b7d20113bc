/// Splits an expression into tokens, each with the character offset it started at (so errors
/// can point inside an attribute value).
struct ExpressionToken: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case string(String)
        case integer(Int)
        case symbol(String)   // . [ ] ( ) , | ?? == != < <= > >=
        case end
    }

    var kind: Kind
    var offset: Int
}

struct ExpressionLexer {
    private let characters: [Character]
    private let origin: SourceSpan

    init(_ source: String, origin: SourceSpan) {
        characters = Array(source)
        self.origin = origin
    }

    func tokens() throws(TemplateError) -> [ExpressionToken] {
        var out: [ExpressionToken] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace || c == "\u{3000}" { i += 1; continue }
            let start = i
            if c.isASCII, c.isLetter || c == "_" {
                while i < characters.count, characters[i].isASCII,
                      characters[i].isLetter || characters[i].isNumber || characters[i] == "_" { i += 1 }
                out.append(.init(kind: .identifier(String(characters[start..<i])), offset: start))
                continue
            }
            if c.isASCII, c.isNumber {
                while i < characters.count, characters[i].isASCII, characters[i].isNumber { i += 1 }
                guard let value = Int(String(characters[start..<i])) else {
                    throw TemplateError(.expressionSyntax, at: origin.location(at: start), "number too large")
                }
                out.append(.init(kind: .integer(value), offset: start))
                continue
            }
            if c == "'" || c == "\"" {
                out.append(.init(kind: .string(try readString(from: &i, quote: c)), offset: start))
                continue
            }
            let two = i + 1 < characters.count ? String([c, characters[i + 1]]) : ""
            if ["??", "==", "!=", "<=", ">="].contains(two) {
                out.append(.init(kind: .symbol(two), offset: start))
                i += 2
                continue
            }
            if ".[](),|<>".contains(c) {
                out.append(.init(kind: .symbol(String(c)), offset: start))
                i += 1
                continue
            }
            throw TemplateError(.expressionSyntax, at: origin.location(at: start), "unexpected character '\(c)'")
        }
        out.append(.init(kind: .end, offset: characters.count))
        return out
    }

    private func readString(from i: inout Int, quote: Character) throws(TemplateError) -> String {
        let start = i
        i += 1
        var value = ""
        while i < characters.count {
            let c = characters[i]
            if c == quote { i += 1; return value }
            if c == "\\", i + 1 < characters.count {
                let next = characters[i + 1]
                switch next {
                case "n": value.append("\n")
                case "\\", "'", "\"": value.append(next)
                default:
                    throw TemplateError(.expressionSyntax, at: origin.location(at: i), "unknown escape \\\(next)")
                }
                i += 2
                continue
            }
            value.append(c)
            i += 1
        }
        throw TemplateError(.expressionSyntax, at: origin.location(at: start), "string literal is not closed")
    }
}

/// Where an expression's source text starts, and how to find the location of a character
/// offset inside it (text runs may span lines).
struct SourceSpan {
    let text: [Character]
    let start: TemplateLocation

    init(_ text: String, start: TemplateLocation) {
        self.text = Array(text)
        self.start = start
    }

    func location(at offset: Int) -> TemplateLocation {
        var line = start.line
        var column = start.column
        for c in text.prefix(offset) {
            if c == "\n" || c == "\r\n" { line += 1; column = 1 } else { column += c.unicodeScalars.count }
        }
        return TemplateLocation(file: start.file, line: line, column: column)
    }

    /// A span for a slice of this one (an expression inside `{{ }}`).
    func subspan(_ range: Range<Int>) -> SourceSpan {
        SourceSpan(String(text[range]), start: location(at: range.lowerBound))
    }
}
