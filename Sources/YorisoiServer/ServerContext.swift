import Foundation
import Hummingbird

/// Per-request context: who is asking (set by `AuthenticationMiddleware`).
public struct YorisoiRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account ("local" on loopback without accounts); nil before authentication.
    public var account: String?
    /// The cookie session, when the request came with one (CSRF applies then).
    public var session: Session?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Bodies are read with the server's own limit (`ServerConfiguration.maxBodyBytes`).
    public var maxUploadSize: Int { 64 << 20 }
}
