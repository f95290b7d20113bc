import Foundation
import Hummingbird
import Yorisoi

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
        var response: Response
        if let diagnostics {
            // The engine's own diagnostics report (CONTRACT §1), byte for byte as `validate --format json`.
            response = Response.json(DiagnosticReport(files: [.init(file: "request", diagnostics: diagnostics)]).json(), status: status)
        } else {
            let body = ErrorResponse(error: .init(code: code, message: message, messageEN: messageEN))
            // Encoding a struct of strings cannot fail; the fallback keeps the status if it ever did.
            response = (try? Response.encoded(body, status: status)) ?? Response(status: status)
        }
        for field in headers { response.headers.append(field) }
        return response
    }
}
