import Foundation
import Synchronization
internal import CLibXML2

/// A compiled RELAX NG schema (XML syntax), parsed once and shared.
///
/// The schema is read into memory by us and handed to `xmlRelaxNGNewMemParserCtxt`: the
/// deny-all entity loader would refuse to let libxml2 open it by path, and that is how we want
/// it — a schema may not `include` or `externalRef` other files either.
public final class RelaxNGSchema: @unchecked Sendable {
    // @unchecked: `schema` is set once in init and only read afterwards; validations are
    // serialised by `lock` because libxml2 does not document concurrent use of one schema.
    private let schema: OpaquePointer
    private let lock = Mutex(())
    public let displayName: String

    private static let cache = Mutex<[String: RelaxNGSchema]>([:])

    /// The schema at `url`, compiled on first use and cached for the life of the process.
    public static func cached(at url: URL, displayName: String) throws(TemplateError) -> RelaxNGSchema {
        let key = url.standardizedFileURL.path
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw TemplateError(.unreadable, at: .file(displayName), "cannot read the RELAX NG schema")
        }
        let compiled = try RelaxNGSchema(bytes: Array(data), displayName: displayName)
        return cache.withLock { table in
            if let raced = table[key] { return raced }
            table[key] = compiled
            return compiled
        }
    }

    public init(bytes: [UInt8], displayName: String) throws(TemplateError) {
        LibXML2Runtime.ensureReady()
        self.displayName = displayName
        // libxml2 keeps the buffer pointer in the parser context and reads it in
        // `xmlRelaxNGParse`, not in `xmlRelaxNGNewMemParserCtxt`: the whole parse happens inside
        // the one scope where the pointer is valid.
        let outcome: Result<OpaquePointer, TemplateError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else {
                return .failure(TemplateError(.schemaViolation, at: .file(displayName), "the RELAX NG schema is empty"))
            }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                Self.compile($0, count: buffer.count, displayName: displayName)
            }
        }
        schema = try outcome.get()
    }

    /// Parses a schema from memory that stays valid for the whole call.
    private static func compile(_ text: UnsafePointer<CChar>, count: Int, displayName: String) -> Result<OpaquePointer, TemplateError> {
        guard let parser = xmlRelaxNGNewMemParserCtxt(text, Int32(count)) else {
            return .failure(TemplateError(.schemaViolation, at: .file(displayName), "cannot create a RELAX NG parser"))
        }
        defer { xmlRelaxNGFreeParserCtxt(parser) }
        let collector = XMLErrorCollector()
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        xmlRelaxNGSetParserStructuredErrors(parser, { (data: UnsafeMutableRawPointer?, error: xmlErrorPtr?) in
            guard let data, let error else { return }
            Unmanaged<XMLErrorCollector>.fromOpaque(data).takeUnretainedValue().record(error)
        }, unmanaged.toOpaque())
        guard let compiled = xmlRelaxNGParse(parser) else {
            let first = collector.firstError
            return .failure(TemplateError(.schemaViolation,
                                          at: TemplateLocation(file: displayName, line: max(first?.line ?? 1, 1), column: 1),
                                          "the schema itself is invalid: \(first?.message ?? "unknown error")"))
        }
        return .success(compiled)
    }

    deinit { xmlRelaxNGFree(schema) }

    /// The address of the child element a validation message complains about, if any.
    private static func offendingChild(of address: Int, message: String) -> Int? {
        let markers = ["extra content: ", ", got "]
        guard let marker = markers.first(where: { message.contains($0) }),
              let range = message.range(of: marker, options: .backwards) else { return nil }
        let name = message[range.upperBound...].prefix { !$0.isWhitespace }
        guard !name.isEmpty, let node = UnsafeMutablePointer<xmlNode>(bitPattern: address) else { return nil }
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, String(cString: current.pointee.name) == name {
                return Int(bitPattern: current)
            }
            child = current.pointee.next
        }
        return nil
    }

    /// Validates a live libxml2 document. `locations` maps node addresses to the columns the
    /// converter computed, so the error points at the element or attribute, not just the line.
    func validate(_ doc: xmlDocPtr, file: String, locations: [Int: TemplateLocation]) throws(TemplateError) {
        let outcome: (Int32, [CapturedXMLError]) = lock.withLock { _ in
            guard let context = xmlRelaxNGNewValidCtxt(schema) else { return (-1, []) }
            defer { xmlRelaxNGFreeValidCtxt(context) }
            let collector = XMLErrorCollector()
            let unmanaged = Unmanaged.passRetained(collector)
            defer { unmanaged.release() }
            xmlRelaxNGSetValidStructuredErrors(context, { (data: UnsafeMutableRawPointer?, error: xmlErrorPtr?) in
                guard let data, let error else { return }
                Unmanaged<XMLErrorCollector>.fromOpaque(data).takeUnretainedValue().record(error)
            }, unmanaged.toOpaque())
            let result = xmlRelaxNGValidateDoc(context, doc)
            return (result, collector.errors)
        }
        let (result, errors) = outcome
        guard result != 0 else { return }
        let first = errors.first { $0.isError } ?? errors.first
        var location = TemplateLocation(file: file, line: max(first?.line ?? 1, 1), column: 1)
        if let address = first?.nodeAddress, let known = locations[address] {
            location = known
            // libxml2 reports unexpected content on the parent ("Element block has extra
            // content: bogus"); point at the offending child when the message names it.
            if let child = Self.offendingChild(of: address, message: first?.message ?? ""),
               let childLocation = locations[child] {
                location = childLocation
            }
        }
        let message = first?.message ?? "the document does not match the schema"
        throw TemplateError(.schemaViolation, at: location, message)
    }
}
