import Foundation
import Hummingbird
import YorisoiCase

/// An error answered as CONTRACT §4's `{"error": {"code", "message", "message_en"}}`, or with
/// the diagnostics shape when a case is at fault. Messages never quote the request body.
public struct APIError: Error, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var messageEN: String
    public var diagnostics: [Diagnostic]?
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ code: String, _ message: String, _ messageEN: String) {
        self.status = status
        self.code = code
        self.message = message
        self.messageEN = messageEN
    }

    public static func invalidCase(_ diagnostics: [Diagnostic]) -> APIError {
        var error = APIError(.unprocessableContent, "invalid_case", "ケースに誤りがあります", "the case is invalid")
        error.diagnostics = diagnostics
        return error
    }

    public static func badRequest(_ code: String, _ message: String, _ messageEN: String) -> APIError {
        APIError(.badRequest, code, message, messageEN)
    }

    public static let notFound = APIError(.notFound, "not_found", "見つかりません", "not found")

    /// A municipality code the request named (in the query or the case) that no installed profile has.
    public static func unknownMunicipality(_ code: String) -> APIError {
        badRequest("unknown_municipality", "市区町村コード \(code) の様式はありません", "no templates for municipality \(code)")
    }
    public static let unauthorized = APIError(.unauthorized, "unauthorized", "ログインしてください", "sign in first")

    public var response: Response {
        let body: String
        if let diagnostics {
            body = DiagnosticReport(files: [.init(file: "request", diagnostics: diagnostics)]).json()
        } else {
            body = "{\"error\": {\"code\": \(JSONText.quoted(code)), \"message\": \(JSONText.quoted(message)), "
                + "\"message_en\": \(JSONText.quoted(messageEN))}}"
        }
        var response = Response.json(body, status: status)
        for field in headers { response.headers.append(field) }
        return response
    }
}
