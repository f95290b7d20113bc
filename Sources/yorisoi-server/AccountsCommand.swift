import ArgumentParser
import Foundation
import YorisoiServer

/// `yorisoi accounts add|disable|enable|list`: the server's accounts, in its database. An account
/// works for one or more municipalities with one role; the password is read from standard input,
/// never from the command line. Accounts are disabled, never deleted.
struct AccountsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Adds, disables and lists the server's accounts.",
        subcommands: [Add.self, Disable.self, Enable.self, List.self])

    struct Location: ParsableArguments {
        @Option(help: "The server's --data folder (holding yorisoi.sqlite).")
        var data: String = "yorisoi-data"
        @OptionGroup var database: DatabaseOption

        func store() throws -> any AccountStore {
            if let postgres = try database.postgres(command: "yorisoi accounts") { return postgres }
            do {
                try DataDirectory.prepare(URL(fileURLWithPath: data, isDirectory: true))
                return try SQLiteStore(directory: URL(fileURLWithPath: data, isDirectory: true))
            } catch {
                FileHandle.standardError.write(Data("yorisoi accounts: データフォルダ \(data) を使えません (cannot use the data folder)\n".utf8))
                throw ExitCode(2)
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Adds an account; the password comes on standard input.")
        @Argument(help: "The account name (letters, digits, . _ -).") var name: String
        @Option(help: "viewer (閲覧), staff (担当), approver (決裁) or admin (管理).") var role: String
        @Option(help: "The municipality codes the account works for, comma-separated; `all` for every one (admin only).")
        var municipality: String
        @OptionGroup var location: Location

        func run() throws {
            guard !name.isEmpty, name.count <= 64,
                  name.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)) }) else {
                throw ValidationError("the account name is 1–64 letters, digits, '.', '_' or '-'")
            }
            guard let role = AccountRole(rawValue: role) else {
                throw ValidationError("--role must be one of " + AccountRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let codes = municipality == "all" ? [] : municipality.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if municipality == "all" && role != .admin {
                throw ValidationError("--municipality all is for admin accounts; name the municipalities")
            }
            guard municipality == "all" || (!codes.isEmpty && codes.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isNumber) }) else {
                throw ValidationError("--municipality takes 6-digit municipality codes, comma-separated")
            }
            guard let password = readLine(strippingNewline: true) else { throw ValidationError("give the password on standard input") }
            if let problem = PasswordRule.problem(password) { throw ValidationError(problem) }
            let store = try location.store()
            let record = AccountRecord(name: name, passwordHash: PasswordRule.hash(password), role: role, municipalities: codes)
            do {
                try BlockingValue.run { try await store.addAccount(record) }
            } catch StoreError.conflict {
                FileHandle.standardError.write(Data("yorisoi accounts: \(name) はすでにあります (already exists)\n".utf8))
                throw ExitCode(1)
            }
            print("yorisoi accounts: \(name) を追加しました（\(role.title)、\(codes.isEmpty ? "すべての市区町村" : codes.joined(separator: ","))）"
                  + "。サーバーを起動し直すと、ローカルトークンではなくアカウントでログインします。")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disables an account; its sessions end at once.")
        @Argument var name: String
        @OptionGroup var location: Location
        func run() throws { try AccountsCommand.setDisabled(name, true, location) }
    }

    struct Enable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enables a disabled account again.")
        @Argument var name: String
        @OptionGroup var location: Location
        func run() throws { try AccountsCommand.setDisabled(name, false, location) }
    }

    static func setDisabled(_ name: String, _ disabled: Bool, _ location: Location) throws {
        let store = try location.store()
        guard try BlockingValue.run({ try await store.setDisabled(name, disabled) }) else {
            FileHandle.standardError.write(Data("yorisoi accounts: \(name) というアカウントはありません (no such account)\n".utf8))
            throw ExitCode(1)
        }
        print("yorisoi accounts: \(name) を\(disabled ? "無効にしました" : "有効に戻しました")")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lists the accounts (never their passwords).")
        @OptionGroup var location: Location
        func run() throws {
            let store = try location.store()
            for record in try BlockingValue.run({ try await store.allAccounts() }) {
                print([record.name, record.role.rawValue, record.municipalities.isEmpty ? "all" : record.municipalities.joined(separator: ","),
                       record.disabled ? "disabled" : "enabled"].joined(separator: "\t"))
            }
        }
    }
}
