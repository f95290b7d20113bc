import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore

/// Builds the router (every route group, each registered from its own file) and the
/// application. `extraRoutes` lets a caller add groups without touching this file.
public enum YorisoiServerApp {
    public typealias Context = YorisoiRequestContext

    public static func router(_ dependencies: ServerDependencies,
                              extraRoutes: [@Sendable (Router<Context>, ServerDependencies) -> Void] = []) -> Router<Context> {
        let router = Router(context: Context.self)
        // First of all: a request for another host name never reaches the log, a route or auth.
        router.add(middleware: HostAllowListMiddleware(configuration: dependencies.configuration,
                                                       listening: dependencies.listening))
        router.add(middleware: RequestLogMiddleware(logger: dependencies.logger))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware(memory: dependencies.gate.memory))
        router.add(middleware: AuthenticationMiddleware(sessions: dependencies.sessions, localToken: dependencies.localToken,
                                                        accounts: dependencies.accounts))
        SystemRoutes.register(on: router, dependencies)
        DocumentRoutes.register(on: router, dependencies)
        NoticeRoutes.register(on: router, dependencies)
        LedgerRoutes.register(on: router, dependencies)
        ApprovalRoutes.register(on: router, dependencies)
        CaseRoutes.register(on: router, dependencies)
        DraftRoutes.register(on: router, dependencies)
        ReviewScheduleRoutes.register(on: router, dependencies)
        MonthlyReportRoutes.register(on: router, dependencies)
        SessionRoutes.register(on: router, dependencies)
        WebRoutes.register(on: router, dependencies)
        for register in extraRoutes { register(router, dependencies) }
        return router
    }

    public static func application(_ dependencies: ServerDependencies,
                                   onListening: @escaping @Sendable (_ port: Int) -> Void = { _ in })
        throws -> some ApplicationProtocol {
        let configuration = dependencies.configuration
        try configuration.check(accountsConfigured: dependencies.accounts != nil)
        let http = HTTPServerBuilder.http1(configuration: .init(idleTimeout: .seconds(configuration.idleConnectionTimeout)))
        let server: HTTPServerBuilder
        if let certificate = configuration.tlsCertificate, let key = configuration.tlsKey {
            let tls = TLSConfiguration.makeServerConfiguration(certificateChain: try NIOSSLCertificate.fromPEMFile(certificate.path).map { .certificate($0) },
                                                               privateKey: .privateKey(try NIOSSLPrivateKey(file: key.path, format: .pem)))
            server = try .tls(http, tlsConfiguration: tls)
        } else {
            server = http
        }
        return Application(router: router(dependencies), server: server,
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                                serverName: "Yorisoi"),
                           onServerRunning: { channel in
                               let port = channel.localAddress?.port ?? configuration.port
                               dependencies.listening.set(port)
                               onListening(port)
                           },
                           logger: dependencies.logger)
    }

    /// Runs the application until SIGINT/SIGTERM. A port another program holds is a
    /// configuration problem (`PortInUse`, exit 2), not an internal failure.
    public static func run(_ application: some ApplicationProtocol, port: Int) async throws {
        do {
            try await application.runService()
        } catch let error as IOError where error.errnoCode == EADDRINUSE || error.errnoCode == EACCES {
            throw PortUnavailable(port: port, inUse: error.errnoCode == EADDRINUSE)
        }
    }

    public struct PortUnavailable: Error, CustomStringConvertible {
        public let port: Int
        public let inUse: Bool
        public var description: String {
            inUse ? "ポート \(port) はほかのプログラムが使っています。--port で別の番号を指定してください / port \(port) is already in use; choose another with --port"
                  : "ポート \(port) を開く権限がありません（1024 未満は管理者のみ）/ no permission to listen on port \(port)"
        }
    }
}
