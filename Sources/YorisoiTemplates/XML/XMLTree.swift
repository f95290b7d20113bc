/// A parsed XML element, detached from libxml2: plain Sendable values with a location on every
/// element and attribute. Comments and processing instructions are dropped; CDATA arrives as text.
public struct XMLElement: Sendable, Hashable {
    public var name: String
    public var attributes: [XMLAttribute]
    public var children: [XMLContent]
    public var location: TemplateLocation

    public init(name: String, attributes: [XMLAttribute] = [], children: [XMLContent] = [],
                location: TemplateLocation) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.location = location
    }

    public func attribute(_ name: String) -> XMLAttribute? {
        attributes.first { $0.name == name }
    }

    /// The child elements, without the text between them.
    public var elements: [XMLElement] {
        children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
    }
}

public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String
    /// Where the attribute's name starts.
    public var location: TemplateLocation
    /// Where the first character of the value (after the opening quote) stands; expression
    /// errors inside the value are reported relative to this.
    public var valueLocation: TemplateLocation

    public init(name: String, value: String, location: TemplateLocation, valueLocation: TemplateLocation) {
        self.name = name
        self.value = value
        self.location = location
        self.valueLocation = valueLocation
    }
}

public enum XMLContent: Sendable, Hashable {
    case element(XMLElement)
    /// Character data (entities and character references already decoded) and where its first
    /// character stood.
    case text(String, TemplateLocation)
}
