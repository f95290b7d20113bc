import ArgumentParser
import Foundation

/// `yorisoi serve`, `accounts` and `audit` are done by the sibling executable `yorisoi-server`,
/// so that the document commands compile and link no network stack, database or BoringSSL
/// (issue #24: a fresh machine's first PDF in minutes). The whole command line is handed over
/// with exec(3): same process id, standard streams, signals and exit status, so scripts and
/// tests that start `yorisoi serve` and signal it see no difference.
enum ServerHandover {
    static let commands: Set<String> = ["serve", "accounts", "audit"]
    static let executableName = "yorisoi-server"

    /// Replaces this process with `yorisoi-server` when the first argument is a server command;
    /// returns when it is not. Exits 2 with the way to build it when the sibling is missing.
    static func execIfServerCommand(_ arguments: [String]) {
        guard let first = arguments.dropFirst().first, commands.contains(first) else { return }
        let server = sibling().path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            printError("\(first) は別の実行ファイル \(executableName) が行いますが、\(server) がありません。"
                       + "`swift build --product \(executableName)`（または scripts/serve）でビルドしてください "
                       + "(yorisoi \(first) is run by the separate executable \(executableName), which is not built at \(server); "
                       + "build it with `swift build --product \(executableName)` or run scripts/serve)")
            Foundation.exit(2)
        }
        let argv = ([server] + arguments.dropFirst()).map { strdup($0) } + [nil]
        execv(server, argv)
        let failure = String(cString: strerror(errno))
        printError("\(server) を起動できません (cannot start \(executableName): \(failure))")
        Foundation.exit(2)
    }

    /// `yorisoi-server` in the folder of the running executable (links resolved, so a symbolic
    /// link to yorisoi on PATH still finds the build folder).
    static func sibling() -> URL {
        let me = Bundle.main.executableURL?.resolvingSymlinksInPath()
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent(executableName)
    }
}

/// The server commands as `yorisoi --help` lists them. `main` hands them over before parsing,
/// so these run only when reached another way (`yorisoi help serve` prints this help).
struct ServeHandoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the HTTP API and the staff page (run by yorisoi-server; see docs/server.md).")
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
    func run() throws { ServerHandover.execIfServerCommand(["yorisoi", "serve"] + arguments) }
}

struct AccountsHandoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Adds, disables and lists the server's accounts (run by yorisoi-server).")
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
    func run() throws { ServerHandover.execIfServerCommand(["yorisoi", "accounts"] + arguments) }
}

struct AuditHandoverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Checks and exports the server's audit log (run by yorisoi-server).")
    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []
    func run() throws { ServerHandover.execIfServerCommand(["yorisoi", "audit"] + arguments) }
}
