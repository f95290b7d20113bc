import Foundation
import HummingbirdBcrypt

/// One account as the server checks it: the bcrypt hash, the role, the municipalities it works
/// for (empty: every municipality — an accounts file's accounts and admins made so), and whether
/// it is disabled.
public struct AccountRecord: Sendable, Hashable {
    public var name: String
    public var passwordHash: String
    public var role: AccountRole
    public var municipalities: [String]
    public var disabled: Bool

    public init(name: String, passwordHash: String, role: AccountRole, municipalities: [String], disabled: Bool = false) {
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.municipalities = municipalities
        self.disabled = disabled
    }

    /// The municipalities the account may see; nil for every one.
    public var scope: Set<String>? { municipalities.isEmpty ? nil : Set(municipalities) }
}

/// Where the server looks accounts up: the database (`yorisoi accounts add`), or an accounts
/// file given with `--accounts`. Looked up on every sign-in and every request, so an account
/// disabled from the command line stops at once, and one added signs in without a restart.
public protocol AccountDirectory: Sendable {
    func account(named name: String) async throws -> AccountRecord?
}

/// The password rule for new accounts: long enough to resist guessing; a passphrase of plain
/// words is welcome, so nothing else is demanded.
public enum PasswordRule {
    public static let minimumLength = 12

    public static func problem(_ password: String) -> String? {
        password.count >= minimumLength ? nil
            : "パスワードは \(minimumLength) 文字以上にしてください（単語を並べた合言葉でかまいません） / at least \(minimumLength) characters"
    }

    /// The bcrypt hash stored for a new password (cost 12, as the accounts file's lines).
    public static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: 12) }

    /// Checks a password against a record (bcrypt is slow on purpose; call off the event loop).
    /// An unknown or disabled account spends the same time, so timing does not tell which exist.
    public static func verify(_ password: String, against record: AccountRecord?) -> Bool {
        guard let record, !record.disabled else {
            _ = Bcrypt.verify(password, hash: "$2b$12$C6UzMDM.H6dfI/f/IKxGhuE1N4yIzO7w/mL5yTV3TEl7rnGH2xQkq")
            return false
        }
        return Bcrypt.verify(password, hash: record.passwordHash)
    }
}

extension Accounts: AccountDirectory {
    /// A file's accounts work for every municipality and are never disabled (edit the file).
    public func account(named name: String) async throws -> AccountRecord? {
        hashes[name].map { AccountRecord(name: name, passwordHash: $0, role: role(of: name), municipalities: []) }
    }
}
