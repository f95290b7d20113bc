import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Yorisoi

extension HTTPField.Name {
    static let documentNumber = HTTPField.Name("Yorisoi-Document-Number")!
    static let recommendationSource = HTTPField.Name("Yorisoi-Recommendation-Source")!
    /// `true` when an issue answered with a notice already in the ledger (the case carried its number).
    static let reprint = HTTPField.Name("Yorisoi-Reprint")!
    static let caseIDHeader = HTTPField.Name("Yorisoi-Case-Id")!
    /// On a 409 version_conflict: the case's latest version, which the save did not start from.
    static let latestVersion = HTTPField.Name("Yorisoi-Latest-Version")!
    /// On a packet: the cases printed and the cases left out for want of consent.
    static let yorisoiIncludedCases = HTTPField.Name("Yorisoi-Included-Cases")!
    static let yorisoiLeftOutCases = HTTPField.Name("Yorisoi-Left-Out-Cases")!
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
    /// Host as a header (a request made in tests without an authority carries it so).
    static let hostHeader = HTTPField.Name("Host")!
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let frameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}

extension HTTPFields {
    /// Sets `Yorisoi-Document-Number` as percent-encoded UTF-8 (RFC 3986 unreserved characters stay):
    /// header values are bytes without a charset, and browsers read them as Latin-1, so a raw
    /// 「袖こ家第2号」 arrives as mojibake. Clients decode with `decodeURIComponent` or
    /// `removingPercentEncoding`.
    mutating func setDocumentNumber(_ number: String) {
        self[.documentNumber] = number.addingPercentEncoding(withAllowedCharacters: .documentNumberHeader) ?? ""
    }
}

extension CharacterSet {
    /// RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~".
    fileprivate static let documentNumberHeader = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

extension Response {
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// A Codable response type as JSON (keys in a fixed order, so equal values give equal bytes).
    static func encoded(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// A Codable object with the case beside its keys as `"case"`: the case is `CaseJSON` (the
    /// page's own key order, which an encoder would not keep), so it is placed after the
    /// encoded object's last key rather than encoded again.
    static func encoded(_ value: some Encodable, withCase caseJSON: [UInt8], status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var object = [UInt8](try encoder.encode(value))
        guard object.last == UInt8(ascii: "}") else { throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "not an object")) }
        object.removeLast()
        if object.count > 1 { object.append(UInt8(ascii: ",")) }
        object += Array("\"case\":".utf8) + caseJSON + [UInt8(ascii: "}")]
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: object)))
    }

    static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: contentType],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension YorisoiRequestContext {
    /// The `{id}` path parameter as a positive row id; anything else names no row (404).
    func pathID() throws -> Int64 {
        guard let text = parameters.get("id"), let id = Int64(text), id > 0 else { throw APIError.notFound }
        return id
    }
}

extension Request {
    /// The body, refused with 413 past `limit` bytes (a Content-Length over it is refused before reading).
    func bodyBytes(limit: Int) async throws -> [UInt8] {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit { throw Self.tooLarge(limit) }
        do {
            let buffer = try await body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw Self.tooLarge(limit)
        }
    }

    private static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, "body_too_large", "本文が大きすぎます（上限 \(limit) バイト）",
                 "the body is larger than \(limit) bytes")
    }

    /// The case format from Content-Type (YAML or JSON), sniffed when absent.
    func caseFormat(of bytes: [UInt8]) -> CaseFormat {
        let type = headers[.contentType]?.lowercased() ?? ""
        if type.contains("yaml") { return .yaml }
        if type.contains("json") { return .json }
        return CaseFormat.sniff(Data(bytes))
    }

    func query(_ name: String) -> String? {
        uri.queryParameters.get(name)
    }

    /// `?municipality=`, when given, as a municipality the server has templates for: a code the
    /// request chose that names no installed profile is the client's mistake (400), not a
    /// template fault of this installation (which would be 500).
    func municipalityOverride(_ engine: DocumentEngine) throws -> String? {
        guard let code = query("municipality") else { return nil }
        guard code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw APIError.badRequest("bad_municipality", "municipality は 6 桁の市区町村コードです",
                                      "municipality must be a 6-digit municipality code")
        }
        guard engine.templates().contains(where: { $0.code == code }) else { throw APIError.unknownMunicipality(code) }
        return code
    }

    /// An optional query parameter that must be a whole number of at least 1 (`?version=2`); 400
    /// with `code` when it is anything else.
    func positiveIntQuery(_ name: String, code: String) throws -> Int? {
        guard let text = query(name) else { return nil }
        guard let value = Int(text), value >= 1 else {
            throw APIError.badRequest(code, "\(name) は 1 以上の整数です", "\(name) must be an integer of at least 1")
        }
        return value
    }

    /// An optional query parameter that names one case of an enum (`?status=issued`); 400 with
    /// `code` and the allowed values when it names none.
    func enumQuery<Value: RawRepresentable & CaseIterable>(_ name: String, code: String) throws -> Value?
        where Value.RawValue == String {
        guard let text = query(name) else { return nil }
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.badRequest(code, "\(name) は \(allowed) のいずれかです", "\(name) must be one of: \(allowed)")
        }
        return value
    }

    /// `?ruby=template|on|off` and `?ruby_grade=0…6` (docs/ruby.md), 400 `bad_ruby` naming the
    /// parameter when either is anything else.
    func rubyOption() throws -> RubyOption {
        let mode: RubyOption.Mode = try enumQuery("ruby", code: "bad_ruby") ?? .template
        guard let text = query("ruby_grade") else { return RubyOption(mode: mode) }
        let grades = RubyOption.grades
        guard let grade = Int(text), grades.contains(grade) else {
            throw APIError.badRequest("bad_ruby", "ruby_grade は \(grades.lowerBound) から \(grades.upperBound) の学年です",
                                      "ruby_grade must be a school grade from \(grades.lowerBound) to \(grades.upperBound)")
        }
        return RubyOption(mode: mode, grade: grade)
    }

    /// `?kind=` as a document kind, 400 when unknown or missing.
    func documentKind(allowed: [DocumentKind] = DocumentKind.allCases) throws -> DocumentKind {
        guard let text = query("kind"), let kind = DocumentKind(rawValue: text), allowed.contains(kind) else {
            throw APIError.badRequest("unknown_kind", "kind は \(allowed.map(\.rawValue).joined(separator: ", ")) のいずれかです",
                                      "kind must be one of: \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
        return kind
    }
}
