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
    /// What the caller may do: the local user and a file's accounts without a role are treated
    /// by `AccountRole` (local: admin).
    public var role: AccountRole = .viewer
    /// The municipalities the caller may see and act on; nil for every one.
    public var scope: Set<String>?
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

extension YorisoiRequestContext {
    /// Whether the caller may see a municipality's data. Data of no municipality is seen only by
    /// callers without a scope.
    func mayAccess(_ municipality: String?) -> Bool {
        Self.mayAccess(scope: scope, municipality)
    }

    static func mayAccess(scope: Set<String>?, _ municipality: String?) -> Bool {
        guard let scope else { return true }
        guard let municipality else { return false }
        return scope.contains(municipality)
    }

    /// Stored data of another municipality answers as if it did not exist (no existence leak).
    func requireAccess(_ municipality: String?) throws {
        guard mayAccess(municipality) else { throw APIError.notFound }
    }

    /// A request that acts for a municipality (a case body, a query) outside the caller's: 403.
    func requireActing(for municipality: String?) throws {
        try Self.requireActing(scope: scope, for: municipality)
    }

    static func requireActing(scope: Set<String>?, for municipality: String?) throws {
        guard mayAccess(scope: scope, municipality) else {
            throw APIError(.forbidden, "municipality_forbidden", "この市区町村の書類は扱えません（アカウントの担当外です）",
                           "this account does not work for that municipality")
        }
    }

    /// The caller's role must reach `needed` (viewer < staff < approver < admin).
    func require(_ needed: AccountRole) throws {
        guard role.reaches(needed) else {
            throw APIError(.forbidden, "role_forbidden", "この操作の権限がありません（\(needed.title)以上が必要です）",
                           "the \(needed.rawValue) role or above is required")
        }
    }
}
