import Foundation
import HummingbirdBcrypt

/// The accounts file: one `account:bcrypt-hash` per line (`#` starts a comment), made with
/// `yorisoi serve --hash-password NAME`. Passwords are never stored or logged in clear.
public struct Accounts: Sendable {
    public let hashes: [String: String]

    public init(hashes: [String: String]) {
        self.hashes = hashes
    }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static func load(contentsOf url: URL) throws -> Accounts {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Problem(description: "the accounts file \(url.path) cannot be read")
        }
        var hashes: [String: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":"), line[line.index(after: colon)...].hasPrefix("$2") else {
                throw Problem(description: "accounts file line \(index + 1): expected account:bcrypt-hash")
            }
            hashes[String(line[..<colon])] = String(line[line.index(after: colon)...])
        }
        guard !hashes.isEmpty else { throw Problem(description: "the accounts file \(url.path) names no account") }
        return Accounts(hashes: hashes)
    }

    /// A line for the accounts file.
    public static func line(account: String, password: String, cost: UInt8 = 12) -> String {
        "\(account):\(Bcrypt.hash(password, cost: cost))"
    }

    /// Checks a password (bcrypt is slow on purpose; call off the event loop).
    public func verify(account: String, password: String) -> Bool {
        guard let hash = hashes[account] else {
            // Spend the same time on an unknown account, so timing does not tell which exist.
            _ = Bcrypt.verify(password, hash: "$2b$12$C6UzMDM.H6dfI/f/IKxGhuE1N4yIzO7w/mL5yTV3TEl7rnGH2xQkq")
            return false
        }
        return Bcrypt.verify(password, hash: hash)
    }
}
