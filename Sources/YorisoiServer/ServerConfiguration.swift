import Foundation

/// How `yorisoi serve` runs: where it listens, where it keeps its data, who may use it and the
/// limits it keeps. Filled from the command line; tests build it in code.
public struct ServerConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Holds the SQLite database and nothing else.
    public var dataDirectory = URL(fileURLWithPath: "yorisoi-data")
    /// The repository folder with Fonts/, Templates/ and openapi.yaml.
    public var resourceRoot: URL
    /// nil: no accounts (allowed on loopback only); every request acts as "local".
    public var accounts: Accounts?
    public var tlsCertificate: URL?
    public var tlsKey: URL?
    /// Off loopback without our own TLS: the operator states a TLS proxy sits in front.
    public var behindTLSProxy = false

    public var maxBodyBytes = 8 << 20
    /// A render (or issue, or packet) that takes longer is answered 503.
    public var renderTimeout: TimeInterval = 60
    /// Renders running at once; more wait in a queue of `maxQueuedRenders`, beyond it 503.
    public var maxRendersInFlight = ProcessInfo.processInfo.activeProcessorCount
    public var maxQueuedRenders = 256
    public var sessionIdleTimeout: TimeInterval = 30 * 60
    public var sessionAbsoluteTimeout: TimeInterval = 12 * 3600
    /// Seconds an idle connection stays open.
    public var idleConnectionTimeout: Int64 = 60

    public init(resourceRoot: URL) {
        self.resourceRoot = resourceRoot
    }

    public var isLoopback: Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host) || host.hasPrefix("127.")
    }

    public var servesTLS: Bool { tlsCertificate != nil && tlsKey != nil }

    /// Cookies carry `Secure` whenever the browser reaches us over TLS.
    public var secureCookies: Bool { servesTLS || behindTLSProxy }

    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The start-up rules of CONTRACT §4 and issue #13: off loopback only with accounts and TLS.
    public func check() throws {
        if (tlsCertificate == nil) != (tlsKey == nil) {
            throw Refusal(description: "--tls-cert and --tls-key go together")
        }
        if isLoopback { return }
        guard accounts != nil else {
            throw Refusal(description: "\(host) is not the loopback address: give --accounts FILE (make lines with --hash-password)")
        }
        guard servesTLS || behindTLSProxy else {
            throw Refusal(description: "\(host) is not the loopback address: give --tls-cert and --tls-key, or --behind-tls-proxy when a TLS proxy sits in front")
        }
    }
}
