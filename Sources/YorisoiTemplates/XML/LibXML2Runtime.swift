import Foundation
internal import CLibXML2

/// Process-wide libxml2 set-up, done exactly once before the first parse.
///
/// The external entity loader is a process-global in libxml2 (it also governs FoundationXML,
/// which shares the same libxml2.so). Installing a loader that refuses everything means that no
/// parse in this process — ours or anyone else's — can read a file or the network through an
/// entity, DTD or XInclude, whatever options are passed. Swift runs a `static let` initialiser
/// once, under a lock, so concurrent first parses are safe.
enum LibXML2Runtime {
    private static let installed: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, _ in nil }
        return true
    }()

    static func ensureReady() {
        precondition(installed)
    }

    /// The parser options: the safe settings are the *absent* ones. No NOENT (it means
    /// "substitute entities"), no DTDLOAD/DTDATTR/DTDVALID, no XINCLUDE, no HUGE.
    static let parseOptions: Int32 = Int32(bitPattern:
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue |
        XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)
}

/// One libxml2 error as captured by a structured error handler, copied out of C memory.
struct CapturedXMLError {
    var message: String
    var line: Int
    /// libxml2 2.9 stores the parser's column in `int2`; 0 when unknown.
    var column: Int
    var isError: Bool
    /// Address of the node the error is about (validation errors), for mapping back to our
    /// computed columns.
    var nodeAddress: Int?

    init(_ error: UnsafePointer<xmlError>) {
        let raw = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
        message = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        line = Int(error.pointee.line)
        column = Int(error.pointee.int2)
        isError = error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue
        nodeAddress = error.pointee.node.map { Int(bitPattern: $0) }
    }
}

/// Collects the errors of one parse or one validation. Owned by a single call and reached from
/// the C callback through an unretained pointer, so it never crosses threads.
final class XMLErrorCollector {
    private(set) var errors: [CapturedXMLError] = []

    func record(_ error: UnsafePointer<xmlError>) {
        // Bound the list: a cascade of validation errors adds nothing after the first few.
        if errors.count < 20 { errors.append(CapturedXMLError(error)) }
    }

    var firstError: CapturedXMLError? {
        errors.first { $0.isError } ?? errors.first
    }
}
