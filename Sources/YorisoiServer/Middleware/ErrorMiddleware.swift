import Foundation
import Hummingbird
import Logging

/// Turns every error into a JSON answer. Unknown errors are 500 and logged by type only: an
/// error's description might quote the request, and the log never holds personal data.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return error.response
        } catch let error as any HTTPResponseError {
            let status = error.status
            if status == .notFound { return APIError.notFound.response }
            return APIError(status, "http_\(status.code)", status.reasonPhrase, status.reasonPhrase).response
        } catch {
            context.logger.error("internal error", metadata: ["type": "\(type(of: error))"])
            return APIError(.internalServerError, "internal", "内部エラー", "internal error").response
        }
    }
}
