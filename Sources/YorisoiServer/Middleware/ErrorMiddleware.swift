import Foundation
import Hummingbird
import Logging

/// Turns every error into a JSON answer. Unknown errors are 500 and logged by type only: an
/// error's description might quote the request, and the log never holds personal data.
/// A refused request may have read a large body first: `memory` trims the allocator after any
/// answer of 400 or more.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let memory: MemoryReturn

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            // A refusal a route answers itself (a 422 with its diagnostics) may have parsed a large case.
            if response.status.code >= 400 { memory.afterFailure() }
            return response
        } catch {
            memory.afterFailure()
            return answer(error, context: context)
        }
    }

    private func answer(_ error: any Error, context: Context) -> Response {
        switch error {
        case let error as APIError:
            return error.response
        case let error as any HTTPResponseError:
            let status = error.status
            if status == .notFound { return APIError.notFound.response }
            return APIError(status, "http_\(status.code)", status.reasonPhrase, status.reasonPhrase).response
        default:
            context.logger.error("internal error", metadata: ["type": "\(type(of: error))"])
            return APIError(.internalServerError, "internal", "内部エラー", "internal error").response
        }
    }
}
