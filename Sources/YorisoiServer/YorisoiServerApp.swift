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
        router.add(middleware: RequestLogMiddleware(logger: dependencies.logger))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: AuthenticationMiddleware(sessions: dependencies.sessions,
                                                        accountsConfigured: dependencies.configuration.accounts != nil))
        SystemRoutes.register(on: router, dependencies)
        DocumentRoutes.register(on: router, dependencies)
        NoticeRoutes.register(on: router, dependencies)
        LedgerRoutes.register(on: router, dependencies)
        ApprovalRoutes.register(on: router, dependencies)
        CaseRoutes.register(on: router, dependencies)
        SessionRoutes.register(on: router, dependencies)
        WebRoutes.register(on: router, dependencies)
        for register in extraRoutes { register(router, dependencies) }
        return router
    }

    public static func application(_ dependencies: ServerDependencies,
                                   onListening: @escaping @Sendable (_ port: Int) -> Void = { _ in })
        throws -> some ApplicationProtocol {
        let configuration = dependencies.configuration
        try configuration.check()
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
                           onServerRunning: { channel in onListening(channel.localAddress?.port ?? configuration.port) },
                           logger: dependencies.logger)
    }
}
