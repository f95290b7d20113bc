import ArgumentParser
import Foundation
import Logging
import Yorisoi
import YorisoiServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the HTTP API and the staff page, with the 発番簿 (ledger), saved cases and audit log in --data.",
        discussion: """
            Binds 127.0.0.1 by default. Any other address needs --accounts and either --tls-cert/--tls-key \
            or --behind-tls-proxy. See docs/server.md.
            """)

    @Option(help: "Address to listen on: an IPv4 or IPv6 address, or localhost.")
    var host = "127.0.0.1"

    @Option(name: .customLong("public-host"),
            help: "Off loopback: a host name (optionally name:port) the server answers besides its address; repeatable.")
    var publicHosts: [String] = []

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Folder for the SQLite database (ledger, saved cases, audit log).")
    var data = "yorisoi-data"

    @Option(help: "postgres://USER@HOST:PORT/DB: keep everything in PostgreSQL (several instances share it); the password from PGPASSWORD or --database-password-file.")
    var database: String?

    @Option(name: .customLong("database-password-file"), help: "A file whose first line is the PostgreSQL password.")
    var databasePasswordFile: String?

    @Option(help: "Accounts file: one account:bcrypt-hash per line (see --hash-password).")
    var accounts: String?

    @Option(help: "PEM certificate chain: serve HTTPS.")
    var tlsCert: String?

    @Option(help: "PEM private key for --tls-cert.")
    var tlsKey: String?

    @Flag(help: "Off loopback without --tls-cert: state that a TLS proxy sits in front (cookies are sent Secure).")
    var behindTLSProxy = false

    @Option(help: "Largest request body in bytes (413 beyond).")
    var maxBody = 8 << 20

    @Option(help: "Documents rendered at once (default: the number of cores); up to --max-queue more wait, then 503.")
    var renders = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Renders that may wait for a slot.")
    var maxQueue = 256

    @Option(help: "Seconds a render may take before the request is answered 503.")
    var renderTimeout = 60

    @Option(help: "Minutes without a request after which a session ends.")
    var sessionIdleMinutes = 30

    @Option(help: "Hours after which a session ends whatever its activity.")
    var sessionMaxHours = 12

    @Option(help: "Print an accounts-file line for this account (the password is read from standard input) and exit.")
    var hashPassword: String?

    func run() throws {
        if let account = hashPassword {
            guard !account.isEmpty, !account.contains(":"), !account.contains("\n") else {
                throw ValidationError("the account name cannot be empty or contain ':'")
            }
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw ValidationError("give the password on standard input")
            }
            if let problem = PasswordRule.problem(password) { throw ValidationError(problem) }
            print(Accounts.line(account: account, password: password))
            return
        }
        try runReportingErrors(doing: "starting the server") {
            MemoryReturn.fixThresholds()
            var configuration = ServerConfiguration(resourceRoot: try YorisoiResources.locate().root)
            configuration.host = host
            configuration.port = port
            configuration.publicHosts = publicHosts
            configuration.dataDirectory = URL(fileURLWithPath: data, isDirectory: true)
            configuration.tlsCertificate = tlsCert.map { URL(fileURLWithPath: $0) }
            configuration.tlsKey = tlsKey.map { URL(fileURLWithPath: $0) }
            configuration.behindTLSProxy = behindTLSProxy
            configuration.maxBodyBytes = maxBody
            configuration.maxRendersInFlight = renders
            configuration.maxQueuedRenders = maxQueue
            configuration.renderTimeout = TimeInterval(renderTimeout)
            configuration.sessionIdleTimeout = TimeInterval(sessionIdleMinutes * 60)
            configuration.sessionAbsoluteTimeout = TimeInterval(sessionMaxHours * 3600)
            do {
                configuration.database = try database.map {
                    try PostgresLocation(url: $0, password: try PostgresLocation.password(file: databasePasswordFile))
                }
            } catch let problem as PostgresLocation.Problem {
                throw YorisoiError.usage("yorisoi serve: \(problem)")
            }
            do {
                configuration.accounts = try accounts.map { try Accounts.load(contentsOf: URL(fileURLWithPath: $0)) }
                // Accounts in the database are known once it is open: checked again below.
                try configuration.check(accountsConfigured: true)
            } catch {
                throw YorisoiError.usage("yorisoi serve: \(error)")
            }
            let logger = Logger(label: "yorisoi.serve") { StreamLogHandler.standardError(label: $0) }
            let dependencies: ServerDependencies
            do {
                let wiring = configuration
                dependencies = try BlockingValue.run { try await ServerDependencies.connect(wiring, logger: logger) }
            } catch let problem as ServerDependencies.DatabaseProblem {
                throw YorisoiError.usage("yorisoi serve: \(problem)")
            } catch let problem as DataDirectory.Problem {
                throw YorisoiError.usage("yorisoi serve: \(problem)")
            } catch let problem as LocalToken.WriteFailure {
                throw YorisoiError.usage("yorisoi serve: \(problem)")
            }
            do {
                try configuration.check(accountsConfigured: dependencies.accounts != nil)
            } catch {
                throw YorisoiError.usage("yorisoi serve: \(error)")
            }
            let scheme = configuration.servesTLS ? "https" : "http"
            let host = configuration.bindAddress?.hostHeaderForm ?? configuration.host
            let token = dependencies.localToken?.value
            let app = try YorisoiServerApp.application(dependencies) { port in
                var lines = "yorisoi serve: listening on \(scheme)://\(host):\(port)\n"
                if let token {
                    // The one way in without accounts; the same token is in DATA/local-token.
                    lines += "yorisoi serve: ブラウザでこの URL を開いてください / open this URL to sign in: "
                        + "\(scheme)://\(host):\(port)/login?token=\(token)\n"
                }
                FileHandle.standardError.write(Data(lines.utf8))
            }
            let port = configuration.port
            do {
                try BlockingRun.run { try await YorisoiServerApp.run(app, port: port) }
            } catch let problem as YorisoiServerApp.PortUnavailable {
                throw YorisoiError.usage("yorisoi serve: \(problem)")
            }
        }
    }
}

/// Runs async work from this synchronous command and waits for it (the root command is not
/// async). The server stops on SIGINT/SIGTERM through its service group.
enum BlockingRun {
    static func run(_ work: @escaping @Sendable () async throws -> Void) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await work() } catch { failure.error = error }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw error }
    }

    final class FailureBox: @unchecked Sendable {
        // Written once by the task before it signals, read after the wait: ordered by the semaphore.
        var error: (any Error)?
    }
}
