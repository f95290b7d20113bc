import Foundation
import HummingbirdBcrypt

/// What an account may do. Only approver and admin may decide a 決裁.
public enum AccountRole: String, Sendable, Hashable, CaseIterable {
    case viewer, staff, approver, admin

    public var mayApprove: Bool { reaches(.approver) }

    /// viewer (閲覧) < staff (担当) < approver (決裁) < admin (管理): each may do what the ones
    /// before it may.
    public func reaches(_ needed: AccountRole) -> Bool {
        Self.allCases.firstIndex(of: self)! >= Self.allCases.firstIndex(of: needed)!
    }

    public var title: String {
        switch self {
        case .viewer: "閲覧"
        case .staff: "担当"
        case .approver: "決裁"
        case .admin: "管理"
        }
    }
}

/// The accounts file: one `account:bcrypt-hash[:role]` per line (`#` starts a comment), made with
/// `yorisoi serve --hash-password NAME`; the role is viewer, staff (the default), approver or
/// admin. Passwords are never stored or logged in clear.
public struct Accounts: Sendable {
    public let hashes: [String: String]
    public let roles: [String: AccountRole]

    public init(hashes: [String: String], roles: [String: AccountRole] = [:]) {
        self.hashes = hashes
        self.roles = roles
    }

    /// An account's role; staff when the file names none.
    public func role(of account: String) -> AccountRole { roles[account] ?? .staff }

    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public static func load(contentsOf url: URL) throws -> Accounts {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw Problem(description: "the accounts file \(url.path) cannot be read")
        }
        var hashes: [String: String] = [:]
        var roles: [String: AccountRole] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            // A bcrypt hash holds no colon, so the fields split cleanly.
            let fields = line.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 2 || fields.count == 3, !fields[0].isEmpty, fields[1].hasPrefix("$2") else {
                throw Problem(description: "accounts file line \(index + 1): expected account:bcrypt-hash[:role]")
            }
            hashes[fields[0]] = fields[1]
            if fields.count == 3 {
                guard let role = AccountRole(rawValue: fields[2]) else {
                    throw Problem(description: "accounts file line \(index + 1): the role must be one of "
                                  + AccountRole.allCases.map(\.rawValue).joined(separator: ", "))
                }
                roles[fields[0]] = role
            }
        }
        guard !hashes.isEmpty else { throw Problem(description: "the accounts file \(url.path) names no account") }
        return Accounts(hashes: hashes, roles: roles)
    }

    /// A line for the accounts file.
    public static func line(account: String, password: String, cost: UInt8 = 12) -> String {
        "\(account):\(Bcrypt.hash(password, cost: cost))"
    }
}
