/// Typed access to one element's attributes. Every failure is a `.badAttribute` error at the
/// attribute's own line and column, with the allowed values in the message.
struct AttributeReader {
    let element: XMLElement

    init(_ element: XMLElement) {
        self.element = element
    }

    func raw(_ name: String) -> XMLAttribute? {
        element.attribute(name)
    }

    func string(_ name: String) -> String? {
        raw(name)?.value
    }

    func required(_ name: String) throws(TemplateError) -> XMLAttribute {
        guard let attribute = raw(name) else {
            throw TemplateError(.schemaViolation, at: element.location,
                                "<\(element.name)> needs the attribute \(name)")
        }
        return attribute
    }

    func bad(_ attribute: XMLAttribute, _ expected: String) -> TemplateError {
        TemplateError(.badAttribute, at: attribute.location,
                      "\(attribute.name)=\"\(attribute.value)\" on <\(element.name)>: expected \(expected)")
    }

    func length(_ name: String) throws(TemplateError) -> Length? {
        guard let a = raw(name) else { return nil }
        guard let l = Length(parsing: a.value) else { throw bad(a, "a length such as 12mm, 10.5pt or 1zw") }
        return l
    }

    /// A font size: more than zero (a 0pt run cannot be drawn, and the PDF writer refuses it)
    /// and at most 300pt or 30zw (larger fails every page anyway, after a long layout).
    func fontSize(_ name: String) throws(TemplateError) -> Length? {
        guard let a = raw(name) else { return nil }
        guard let l = Length(parsing: a.value) else { throw bad(a, "a font size such as 10.5pt or 1.2zw") }
        let limit = l.unit == .zw ? 30 : Self.maximumFontSizePoints
        guard l.value > 0, l.points(fontSize: 1) <= limit else {
            throw bad(a, "a font size above 0 and at most 300pt (or 30zw)")
        }
        return l
    }

    static let maximumFontSizePoints: Double = 300

    func edges(_ name: String) throws(TemplateError) -> EdgeLengths? {
        guard let a = raw(name) else { return nil }
        guard let e = EdgeLengths(parsing: a.value) else { throw bad(a, "one to four lengths, e.g. \"15mm 12mm\"") }
        return e
    }

    func border(_ name: String) throws(TemplateError) -> Border? {
        guard let a = raw(name) else { return nil }
        guard let b = Border(parsing: a.value) else { throw bad(a, "a line width such as 0.5pt, or none") }
        return b
    }

    func choice<E: RawRepresentable & CaseIterable>(_ name: String, _: E.Type) throws(TemplateError) -> E?
    where E.RawValue == String {
        guard let a = raw(name) else { return nil }
        guard let v = E(rawValue: a.value) else {
            throw bad(a, "one of " + E.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return v
    }

    func bool(_ name: String) throws(TemplateError) -> Bool? {
        guard let a = raw(name) else { return nil }
        switch a.value {
        case "true": return true
        case "false": return false
        default: throw bad(a, "true or false")
        }
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws(TemplateError) -> Int? {
        guard let a = raw(name) else { return nil }
        guard let v = Int(a.value), range.contains(v) else {
            throw bad(a, "a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws(TemplateError) -> Double? {
        guard let a = raw(name) else { return nil }
        guard let v = Double(a.value), range.contains(v) else {
            throw bad(a, "a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    func expression(_ name: String) throws(TemplateError) -> TemplateExpression? {
        guard let a = raw(name) else { return nil }
        return try ExpressionParser.parse(a.value, at: a.valueLocation)
    }

    func interpolation(_ name: String) throws(TemplateError) -> Interpolation? {
        guard let a = raw(name) else { return nil }
        return try InterpolationParser.parse(a.value, at: a.valueLocation)
    }

    func style() throws(TemplateError) -> TemplateTextStyle {
        TemplateTextStyle(family: try choice("font", FontFamily.self), size: try fontSize("size"), ruby: try bool("ruby"))
    }
}
