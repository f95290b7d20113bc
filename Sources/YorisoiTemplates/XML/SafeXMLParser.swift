import Foundation
internal import CLibXML2

/// The only way template XML enters the program: libxml2 with every external access switched
/// off, turned at once into a Sendable `XMLElement` tree, the C document freed before returning.
///
/// Refused, each with a file:line:column `TemplateError`: files over `maximumSize`, malformed XML,
/// any DOCTYPE (so no DTD, no internal entities, no billion laughs), entity references, XInclude
/// elements. The process-wide deny-all entity loader (`LibXML2Runtime`) is a second wall behind
/// the options. When a `RelaxNGSchema` is given, the document is validated against it while the
/// libxml2 tree still exists, and validation errors are mapped back to our computed columns.
public struct SafeXMLParser: Sendable {
    public static let defaultMaximumSize = 2 * 1024 * 1024
    static let xincludeNamespaces: Set<String> = [
        "http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude",
    ]

    public var maximumSize: Int

    public init(maximumSize: Int = SafeXMLParser.defaultMaximumSize) {
        self.maximumSize = maximumSize
    }

    /// Reads and parses a file. `displayName` is what error messages call it.
    public func parse(contentsOf url: URL, displayName: String,
                      schema: RelaxNGSchema? = nil) throws(TemplateError) -> XMLElement {
        let location = TemplateLocation.file(displayName)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > maximumSize {
            throw TemplateError(.tooLarge, at: location, "\(size) bytes; the limit is \(maximumSize)")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TemplateError(.unreadable, at: location, "cannot read the file")
        }
        return try parse(Array(data), file: displayName, schema: schema)
    }

    public func parse(_ bytes: [UInt8], file: String, schema: RelaxNGSchema? = nil) throws(TemplateError) -> XMLElement {
        let (tree, schemaError) = try parseKeepingSchemaError(bytes, file: file, schema: schema)
        if let schemaError { throw schemaError }
        return tree
    }

    /// Like `parse`, but a schema violation is returned next to the tree instead of thrown, so
    /// the template loader can look for a more precise explanation (which attribute is wrong)
    /// before reporting it. Safety refusals are still thrown.
    func parseKeepingSchemaError(_ bytes: [UInt8], file: String,
                                 schema: RelaxNGSchema?) throws(TemplateError) -> (XMLElement, TemplateError?) {
        guard bytes.count <= maximumSize else {
            throw TemplateError(.tooLarge, at: .file(file), "\(bytes.count) bytes; the limit is \(maximumSize)")
        }
        let index = SourceTextIndex(bytes: bytes)
        // Refuse a DOCTYPE before libxml2 reads a byte of it: the internal subset is where
        // entity tricks live, and we have no use for it.
        if let offset = Self.find(Array("<!DOCTYPE".utf8), in: bytes) {
            let (line, column) = index.lineColumn(of: offset)
            throw TemplateError(.doctypeRefused, at: TemplateLocation(file: file, line: line, column: column),
                                "templates may not declare a DOCTYPE")
        }
        LibXML2Runtime.ensureReady()
        return try withParsedDocument(bytes, file: file) { (doc) throws(TemplateError) -> (XMLElement, TemplateError?) in
            var converter = XMLTreeConverter(file: file, index: index)
            guard let root = xmlDocGetRootElement(doc) else {
                throw TemplateError(.malformedXML, at: .file(file), "the document has no root element")
            }
            let tree = try converter.convert(root)
            do throws(TemplateError) {
                try schema?.validate(doc, file: file, locations: converter.locations)
            } catch {
                return (tree, error)
            }
            return (tree, nil)
        }
    }

    /// Parses with a private structured error handler and hands the document to `body`; the
    /// document and the parser context are freed on every path.
    private func withParsedDocument<T>(
        _ bytes: [UInt8], file: String,
        _ body: (xmlDocPtr) throws(TemplateError) -> T
    ) throws(TemplateError) -> T {
        guard !bytes.isEmpty else {
            throw TemplateError(.malformedXML, at: .file(file), "the file is empty")
        }
        guard let ctxt = xmlNewParserCtxt() else {
            throw TemplateError(.malformedXML, at: .file(file), "libxml2 could not create a parser")
        }
        defer { xmlFreeParserCtxt(ctxt) }

        // Errors go to this parse's collector, never to stderr and never to a global handler.
        // libxml2 calls `serror` with the parser context; `_private` is ours by contract.
        let collector = XMLErrorCollector()
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        ctxt.pointee._private = unmanaged.toOpaque()
        ctxt.pointee.sax.pointee.serror = { (data: UnsafeMutableRawPointer?, error: xmlErrorPtr?) in
            guard let data, let error else { return }
            let parser = data.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let owner = parser.pointee._private else { return }
            Unmanaged<XMLErrorCollector>.fromOpaque(owner).takeUnretainedValue().record(error)
        }

        // xmlCtxtReadMemory frees the document itself when it is not well-formed.
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlCtxtReadMemory(ctxt, $0, Int32(buffer.count), nil, nil, LibXML2Runtime.parseOptions)
            }
        }
        guard let doc = parsed else {
            let first = collector.firstError
            let location = TemplateLocation(file: file, line: max(first?.line ?? 1, 1),
                                            column: max(first?.column ?? 1, 1))
            throw TemplateError(.malformedXML, at: location, first?.message ?? "not well-formed")
        }
        defer { xmlFreeDoc(doc) }

        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            throw TemplateError(.doctypeRefused, at: .file(file), "templates may not declare a DOCTYPE")
        }
        return try body(doc)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        outer: for i in 0...(bytes.count - needle.count) {
            for k in 0..<needle.count where bytes[i + k] != needle[k] { continue outer }
            return i
        }
        return nil
    }
}

/// Copies a libxml2 tree into `XMLElement`s, computing columns from the source as it goes, in
/// document order. Refuses entity references and XInclude; drops comments and PIs.
private struct XMLTreeConverter {
    let file: String
    let index: SourceTextIndex
    /// Node address → location, so validation errors (which carry a node) get our columns.
    private(set) var locations: [Int: TemplateLocation] = [:]
    /// Byte offset just past the last construct consumed.
    private var cursor = 0

    init(file: String, index: SourceTextIndex) {
        self.file = file
        self.index = index
    }

    mutating func convert(_ node: xmlNodePtr) throws(TemplateError) -> XMLElement {
        let name = String(cString: node.pointee.name)
        let prefix = node.pointee.ns?.pointee.prefix.map { String(cString: $0) }
        let qualified = prefix.map { "\($0):\(name)" } ?? name
        let line = Int(xmlGetLineNo(node))
        let tagStart = index.findStartTag(qualified, from: cursor, onOrBeforeLine: max(line, 1))
        let location: TemplateLocation
        if let tagStart {
            location = self.location(of: tagStart)
        } else {
            location = TemplateLocation(file: file, line: max(line, 1), column: 1)
        }
        locations[Int(bitPattern: node)] = location

        if let href = node.pointee.ns?.pointee.href.map({ String(cString: $0) }),
           SafeXMLParser.xincludeNamespaces.contains(href) {
            throw TemplateError(.xincludeRefused, at: location, "<\(qualified)> is an XInclude element")
        }

        var attributes: [XMLAttribute] = []
        var attribute = node.pointee.properties
        while let attr = attribute {
            attributes.append(try convertAttribute(attr, element: location, tagStart: tagStart))
            attribute = attr.pointee.next
        }

        let selfClosing: Bool
        if let tagStart {
            let end = index.endOfStartTag(at: tagStart)
            cursor = end
            selfClosing = end >= 2 && index.bytes[end - 2] == UInt8(ascii: "/")
        } else {
            selfClosing = false
        }

        var children: [XMLContent] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(try convert(current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                // Read the raw content field: xmlNodeGetContent would expand entities.
                let text = current.pointee.content.map { String(cString: $0) } ?? ""
                let start = self.location(of: cursor)
                locations[Int(bitPattern: current)] = start
                advanceCursor(over: text)
                children.append(.text(text, start))
            case XML_ENTITY_REF_NODE:
                let entity = String(cString: current.pointee.name)
                throw TemplateError(.entityRefused, at: location,
                                    "entity reference &\(entity); inside <\(qualified)>")
            case XML_XINCLUDE_START, XML_XINCLUDE_END:
                throw TemplateError(.xincludeRefused, at: location, "XInclude inside <\(qualified)>")
            case XML_COMMENT_NODE:
                skip(past: "-->")
            case XML_PI_NODE:
                skip(past: "?>")
            default:
                break
            }
            child = current.pointee.next
        }
        if !selfClosing, tagStart != nil { skip(past: "</\(qualified)", thenPast: ">") }
        return XMLElement(name: qualified, attributes: attributes, children: children, location: location)
    }

    private mutating func convertAttribute(_ attr: UnsafeMutablePointer<xmlAttr>, element: TemplateLocation,
                                           tagStart: Int?) throws(TemplateError) -> XMLAttribute {
        let name = String(cString: attr.pointee.name)
        let prefix = attr.pointee.ns?.pointee.prefix.map { String(cString: $0) }
        let qualified = prefix.map { "\($0):\(name)" } ?? name
        var value = ""
        var part = attr.pointee.children
        while let current = part {
            if current.pointee.type == XML_ENTITY_REF_NODE {
                throw TemplateError(.entityRefused, at: element, "entity reference in attribute \(qualified)")
            }
            if let content = current.pointee.content { value += String(cString: content) }
            part = current.pointee.next
        }
        var nameLocation = element
        var valueLocation = element
        if let tagStart, let found = index.findAttribute(qualified, inTagAt: tagStart) {
            nameLocation = location(of: found.name)
            valueLocation = location(of: found.value)
        }
        locations[Int(bitPattern: attr)] = nameLocation
        return XMLAttribute(name: qualified, value: value, location: nameLocation, valueLocation: valueLocation)
    }

    private func location(of offset: Int) -> TemplateLocation {
        let (line, column) = index.lineColumn(of: offset)
        return TemplateLocation(file: file, line: line, column: column)
    }

    /// Moves the cursor over a text node. The decoded text may be shorter than its source
    /// (`&amp;`), so we walk to the next `<` instead of counting characters.
    private mutating func advanceCursor(over text: String) {
        let bytes = index.bytes
        var i = cursor
        while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
        // A CDATA section is text that contains '<'; step over it whole.
        if i + 9 <= bytes.count, Array(bytes[i..<(i + 9)]) == Array("<![CDATA[".utf8) {
            cursor = i
            skip(past: "]]>")
            advanceCursor(over: text)
            return
        }
        cursor = i
    }

    private mutating func skip(past marker: String, thenPast next: String? = nil) {
        let needle = Array(marker.utf8)
        let bytes = index.bytes
        var i = cursor
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle {
                cursor = i + needle.count
                if let next { skip(past: next) }
                return
            }
            i += 1
        }
    }
}
