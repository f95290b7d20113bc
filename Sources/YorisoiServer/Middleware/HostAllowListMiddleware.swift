import Foundation
import Hummingbird
import Synchronization

/// Answers only this server's own host names (issue #23): a page on another site that makes
/// its name resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host, and is refused
/// 421 here — first, before the log, routing, authentication or any route runs.
struct HostAllowListMiddleware<Context: RequestContext>: RouterMiddleware {
    let configuration: ServerConfiguration
    let listening: ListeningPort

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let allowed = configuration.allowedHosts(port: listening.port)
        // A Host header (HTTP/1.1) arrives as the authority; a request that also carries Host
        // fields must have every one of them allowed.
        let sent = request.headers[values: .hostHeader] + [request.head.authority].compactMap { $0 }
        guard !sent.isEmpty, sent.allSatisfy({ allowed.contains($0.lowercased()) }) else {
            var response = APIError(.misdirectedRequest, "unknown_host",
                                    "このサーバーはそのホスト名では応答しません（127.0.0.1 か localhost で開いてください）",
                                    "this server does not answer to that host name").response
            response.headers[.cacheControl] = "no-store"
            return response
        }
        return try await next(request, context)
    }
}

/// The port the server really listens on: `--port 0` is known only once the socket is bound,
/// and the allowed Host values carry it.
public final class ListeningPort: Sendable {
    private let value: Atomic<Int>

    public init(_ port: Int) { value = Atomic(port) }

    public var port: Int { value.load(ordering: .relaxed) }

    func set(_ port: Int) { value.store(port, ordering: .relaxed) }
}
