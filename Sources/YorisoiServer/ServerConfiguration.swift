import Foundation

/// How `yorisoi serve` runs: where it listens, where it keeps its data, who may use it and the
/// limits it keeps. Filled from the command line; tests build it in code.
public struct ServerConfiguration: Sendable {
    /// The address to bind: an IPv4 or IPv6 literal, or exactly `localhost` (`check()` refuses
    /// anything else, so a name like `127.evil.invalid` never reaches the resolver).
    public var host = "127.0.0.1"
    public var port = 8080
    /// Host names (with or without the port) the server answers besides its bound address when
    /// it is not on loopback: the names staff type into the browser (`--public-host`).
    public var publicHosts: [String] = []
    /// Holds the SQLite database (and, without accounts, `local-token`) and nothing else.
    public var dataDirectory = URL(fileURLWithPath: "yorisoi-data")
    /// `--database postgres://…`: every piece of state in PostgreSQL instead of `dataDirectory`'s
    /// SQLite, for several instances behind one load balancer (docs/postgres.md).
    public var database: PostgresLocation?
    /// The repository folder with Fonts/, Templates/ and openapi.yaml.
    public var resourceRoot: URL
    /// nil: no accounts (allowed on loopback only); the local user signs in with the token the
    /// server writes to `DATA/local-token` at every start.
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
    /// Failed sign-ins tolerated per account and per client address before back-off and lockout.
    public var loginLimits = LoginLimits()

    public init(resourceRoot: URL) {
        self.resourceRoot = resourceRoot
    }

    /// The parsed `host`, or nil when it is neither an IP literal nor `localhost`.
    public var bindAddress: ListenAddress? { ListenAddress(host) }

    /// Decided on the parsed address (127.0.0.0/8, ::1, ::ffff:127.x, `localhost`), never on a
    /// string prefix: `127.evil.invalid` is a name that can resolve anywhere.
    public var isLoopback: Bool { bindAddress?.isLoopback ?? false }

    public var servesTLS: Bool { tlsCertificate != nil && tlsKey != nil }

    /// Cookies carry `Secure` whenever the browser reaches us over TLS.
    public var secureCookies: Bool { servesTLS || behindTLSProxy }

    /// The Host header values this server answers (lower case), for `port`: its own names with
    /// and without the port. Anything else — another site's name, a DNS-rebinding name that
    /// happens to resolve to us — is refused 421 before routing.
    public func allowedHosts(port: Int) -> Set<String> {
        var names: [String]
        if isLoopback {
            names = ["127.0.0.1", "localhost", "[::1]"]
            if let address = bindAddress, address.hostHeaderForm != "127.0.0.1" { names.append(address.hostHeaderForm) }
        } else {
            names = bindAddress.map { [$0.hostHeaderForm] } ?? []
        }
        names += publicHosts
        var allowed: Set<String> = []
        for name in names.map({ $0.lowercased() }) {
            allowed.insert(name)
            // A public host given with its port is accepted only with that port.
            if HostHeader.split(name).port == nil { allowed.insert("\(name):\(port)") }
        }
        return allowed
    }

    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The start-up rules of CONTRACT §4 and issue #13: off loopback only with accounts and TLS.
    /// `accountsConfigured`: an accounts file, or accounts in the database (known once it is open).
    public func check(accountsConfigured: Bool? = nil) throws {
        guard let address = bindAddress else {
            throw Refusal(description: "--host には IP アドレス（例: 127.0.0.1, ::1）か localhost を指定してください / "
                + "--host must be an IPv4 or IPv6 address or exactly 'localhost'")
        }
        guard (0...65535).contains(port) else {
            throw Refusal(description: "--port は 0〜65535 です / --port must be from 0 to 65535")
        }
        for name in publicHosts where !HostHeader.isPlausible(name) {
            throw Refusal(description: "--public-host にはホスト名だけを指定してください（例: yorisoi.city.example.lg.jp） / "
                + "--public-host takes a host name, optionally with :port")
        }
        if (tlsCertificate == nil) != (tlsKey == nil) {
            throw Refusal(description: "--tls-cert and --tls-key go together")
        }
        if address.isLoopback { return }
        guard accountsConfigured ?? (accounts != nil) else {
            throw Refusal(description: "\(host) is not the loopback address: add accounts first (yorisoi accounts add) or give --accounts FILE")
        }
        guard servesTLS || behindTLSProxy else {
            throw Refusal(description: "\(host) is not the loopback address: give --tls-cert and --tls-key, or --behind-tls-proxy when a TLS proxy sits in front")
        }
    }
}

/// Where the server binds: parsed once from `--host` so that every decision (loopback or not,
/// which Host headers are ours) is made on the address itself.
public enum ListenAddress: Sendable, Equatable {
    case localhost
    case ipv4([UInt8])
    case ipv6([UInt8])

    public init?(_ text: String) {
        if text == "localhost" { self = .localhost; return }
        var literal = text
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        var v4 = in_addr()
        if !literal.contains(":"), inet_pton(AF_INET, literal, &v4) == 1 {
            self = .ipv4(withUnsafeBytes(of: &v4) { Array($0) })
            return
        }
        var v6 = in6_addr()
        if literal.contains(":"), !literal.contains("%"), inet_pton(AF_INET6, literal, &v6) == 1 {
            self = .ipv6(withUnsafeBytes(of: &v6) { Array($0) })
            return
        }
        return nil
    }

    public var isLoopback: Bool {
        switch self {
        case .localhost: return true
        case .ipv4(let bytes): return bytes[0] == 127
        case .ipv6(let bytes):
            if bytes == Array(repeating: 0, count: 15) + [1] { return true }
            // ::ffff:127.x.y.z, an IPv4 loopback address written as IPv6.
            return bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        }
    }

    /// The address as it appears in a Host header (IPv6 in brackets, in its canonical form).
    public var hostHeaderForm: String {
        switch self {
        case .localhost: return "localhost"
        case .ipv4(let bytes): return bytes.map(String.init).joined(separator: ".")
        case .ipv6(let bytes):
            var address = in6_addr()
            withUnsafeMutableBytes(of: &address) { $0.copyBytes(from: bytes) }
            var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
            guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return "[::]" }
            return "[" + String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "]"
        }
    }
}

/// Host header values: `name`, `name:port`, `[v6]`, `[v6]:port`.
enum HostHeader {
    static func split(_ value: String) -> (name: String, port: Int?) {
        if value.hasPrefix("[") {
            guard let close = value.firstIndex(of: "]") else { return (value, nil) }
            let name = String(value[...close])
            let rest = value[value.index(after: close)...]
            return (name, rest.hasPrefix(":") ? Int(rest.dropFirst()) : nil)
        }
        guard let colon = value.lastIndex(of: ":") else { return (value, nil) }
        return (String(value[..<colon]), Int(value[value.index(after: colon)...]))
    }

    /// A DNS name or IP literal, optionally with a port: letters, digits, `-`, `.`, and the
    /// brackets and colons of IPv6.
    static func isPlausible(_ value: String) -> Bool {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.:[]")
        return !value.isEmpty && value.count <= 253 && value.allSatisfy { allowed.contains($0) }
    }
}

/// Sign-in throttling (`LoginThrottle`): after `backoffAfter` failures each attempt waits
/// `backoffBase` doubled per further failure (at most `backoffMax`); after `lockAfter` the
/// account or address is locked for `lockDuration`. A quiet `lockDuration` forgets failures.
public struct LoginLimits: Sendable {
    public var backoffAfter = 5
    public var lockAfter = 10
    public var backoffBase: TimeInterval = 1
    public var backoffMax: TimeInterval = 5 * 60
    public var lockDuration: TimeInterval = 15 * 60

    public init() {}
}
