import Foundation
import Hummingbird
import NIOCore

/// Per-request context: who is asking (set by `AuthenticationMiddleware`).
public struct YorisoiRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in account ("local" for the local token without accounts); nil before authentication.
    public var account: String?
    /// The cookie session, when the request came with one (CSRF applies then).
    public var session: Session?
    /// How the request proved who it is; `POST /logout` ends exactly that credential.
    public var credential: Credential?
    /// The peer's IP address (nil in in-process tests): one of the keys of login throttling.
    public let peerAddress: String?

    public enum Credential: Sendable {
        /// The session cookie (needs the CSRF token on POST/PUT).
        case cookie(Session)
        /// A session's id sent as `Authorization: Bearer`.
        case bearer(Session)
        /// The token of `DATA/local-token`, sent as `Authorization: Bearer`.
        case localToken
    }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are read with the server's own limit (`ServerConfiguration.maxBodyBytes`).
    public var maxUploadSize: Int { 64 << 20 }
}
