import Foundation
import Synchronization

/// The local user's credential when the server runs without accounts (CONTRACT §4): 32 random
/// bytes, base64url, written to `DATA/local-token` (0600) at every start, so only someone who
/// can read the data folder — the person who started the server — can use it. Another program
/// on the same computer, or a web page the browser shows, cannot.
public final class LocalToken: Sendable {
    public static let fileName = "local-token"
    private let token: Mutex<String?>

    public init(_ token: String) {
        self.token = Mutex(token)
    }

    /// A fresh token, written to `directory/local-token` (mode 0600, replacing the last start's).
    public static func issue(in directory: URL) throws -> LocalToken {
        let token = randomBase64URL(bytes: 32)
        let file = directory.appendingPathComponent(fileName)
        let temporary = directory.appendingPathComponent(".\(fileName).\(UUID().uuidString)")
        // Created 0600 from the start (never briefly readable by others), then renamed into place.
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data((token + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw WriteFailure(path: file.path)
        }
        guard rename(temporary.path, file.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteFailure(path: file.path)
        }
        return LocalToken(token)
    }

    public struct WriteFailure: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "\(path) に書き込めません / cannot write \(path)" }
    }

    /// The token, for the login URL printed at start; nil once revoked.
    public var value: String? { token.withLock { $0 } }

    /// Whether `candidate` is the token, compared in constant time.
    public func matches(_ candidate: String) -> Bool {
        guard let current = value else { return false }
        return SessionStore.same(candidate, current)
    }

    /// `POST /logout` with the token itself: it stops working until the next start.
    public func revoke() {
        token.withLock { $0 = nil }
    }

    static func randomBase64URL(bytes count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
