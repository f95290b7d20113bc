import ArgumentParser
import Foundation

/// `yorisoi-server`: the commands that need the network stack or the database — `serve`,
/// `accounts`, `audit`. People type `yorisoi serve …`; the document executable hands the whole
/// command line over to this one (docs/executables.md), so the names, options and exit codes are
/// those of CONTRACT §1 and §4.
@main
struct YorisoiServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yorisoi",
        abstract: "Serves the HTTP API and the staff page; manages the server's accounts and audit log.",
        subcommands: [ServeCommand.self, AuditCommand.self, AccountsCommand.self]
    )

    /// Parses and runs like ArgumentParser's default, except that a usage error (unknown option,
    /// missing argument) exits 2 as CONTRACT §1 says, not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
