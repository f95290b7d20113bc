import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
@testable import YorisoiServer

/// Builds the server over a fresh temporary data folder and the repository's fonts and templates.
enum ServerHarness {
    /// One engine for the whole test run: fonts and templates load once.
    static let engine: DocumentEngine = {
        do { return try DocumentEngine(root: TestPaths.repositoryRoot) } catch { fatalError("engine: \(error)") }
    }()

    /// The local token every harness server without accounts has; `send` adds it (as
    /// `Authorization: Bearer`) unless the request is made `as: .anonymous` or carries its own
    /// credential, so the many API tests stay short and still go through authentication.
    static let localToken = "harness-local-token-0123456789abcdefghijklmnopq"

    static func dependencies(accounts: Accounts? = nil, maxBody: Int = 8 << 20, host: String = "127.0.0.1",
                             publicHosts: [String] = [], behindTLSProxy: Bool = false,
                             sessions: SessionStore = SessionStore(), throttle: LoginThrottle? = nil,
                             databaseAccounts: [AccountRecord] = [],
                             gate: RenderGate = RenderGate(limit: 2, queueLimit: 256, timeout: 120),
                             logger: Logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() })
        throws -> (ServerDependencies, URL) {
        let data = try TestPaths.makeTemporaryDirectory("yorisoi-server").appendingPathComponent("data")
        var configuration = ServerConfiguration(resourceRoot: TestPaths.repositoryRoot)
        configuration.host = host
        configuration.dataDirectory = data
        configuration.accounts = accounts
        configuration.maxBodyBytes = maxBody
        configuration.publicHosts = publicHosts
        configuration.behindTLSProxy = behindTLSProxy
        let store = try SQLiteStore(directory: data)
        try store.writer.write { db in for record in databaseAccounts { try SQLiteStore.insertAccount(db, record) } }
        let document = try [UInt8](Data(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("openapi.yaml")))
        let dependencies = ServerDependencies(
            configuration: configuration, engine: engine, ledger: store, approvals: store, cases: store, drafts: store, audit: store, sessions: sessions,
            gate: gate, logger: logger, openAPIDocument: document,
            localToken: accounts == nil && databaseAccounts.isEmpty ? LocalToken(localToken) : nil, loginThrottle: throttle,
            accounts: databaseAccounts.isEmpty ? nil : store)
        return (dependencies, data)
    }

    static func application(_ dependencies: ServerDependencies) -> some ApplicationProtocol {
        Application(router: YorisoiServerApp.router(dependencies))
    }

    static func sample(_ name: String) throws -> String {
        try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("samples/cases/\(name)"), encoding: .utf8)
    }

    /// A 措置 through 決裁, as a loopback server without accounts does it: the draft asked for
    /// approval, approved under a typed name, then issued from the approval. Answers the first
    /// response that is not a success.
    static func issueMeasure(_ client: some TestClientProtocol, body: String, approver: String = "決裁 花子") async throws -> TestResponse {
        let asked = try await client.send(.post, "/api/v1/approvals?kind=measure", body: body)
        guard asked.status == .created, let id = (asked.json as? [String: Any])?["id"] as? Int else { return asked }
        let approved = try await client.send(.post, "/api/v1/approvals/\(id)/approve", body: "{\"approver\": \"\(approver)\"}",
                                             contentType: "application/json")
        guard approved.status == .ok else { return approved }
        return try await client.send(.post, "/api/v1/notices?kind=measure&approval=\(id)")
    }

    /// The 袖ケ浦市 notice sample with its 文書番号 removed (the ledger allocates them) and the id given.
    static func noticeCase(id: String = "R7-0108", keepRecommendationNumber: Bool = false, preLedger: Bool = false,
                           recommendationDate: String? = nil, measureDate: String? = nil, childName: String? = nil) throws -> String {
        var text = try sample("sodegaura-notices.yaml")
        text = text.replacingOccurrences(of: "id: \"R7-0108\"", with: "id: \"\(id)\"")
        if !keepRecommendationNumber { text = text.replacingOccurrences(of: "  number: 袖こ家第87号\n", with: "") }
        else if preLedger { text = text.replacingOccurrences(of: "  number: 袖こ家第87号\n", with: "  number: 袖こ家第87号\n  pre_ledger: true\n") }
        if let recommendationDate { text = text.replacingOccurrences(of: "  date: 2025-05-12\n", with: "  date: \(recommendationDate)\n") }
        if let measureDate { text = text.replacingOccurrences(of: "  date: 2025-06-23\n", with: "  date: \(measureDate)\n") }
        if let childName { text = text.replacingOccurrences(of: "  name: 仮野 そら\n", with: "  name: \(childName)\n") }
        text = text.replacingOccurrences(of: "  number: 袖こ家第142号\n", with: "")
        return text
    }
}

/// Who a harness request is made as.
enum Caller {
    /// The local user: the harness's local token as a bearer (servers without accounts).
    case local
    /// No credential at all.
    case anonymous
}

extension TestClientProtocol {
    @discardableResult
    func send(_ method: HTTPRequest.Method, _ uri: String, body: String? = nil, contentType: String = "application/yaml",
              headers extra: HTTPFields = [:], as caller: Caller = .local) async throws -> TestResponse {
        var headers = extra
        if caller == .local && headers[.authorization] == nil && headers[.cookie] == nil {
            headers[.authorization] = "Bearer \(ServerHarness.localToken)"
        }
        if body != nil && headers[.contentType] == nil { headers[.contentType] = contentType }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var bytes: [UInt8] { Array(body.readableBytesView) }
    var text: String { String(decoding: bytes, as: UTF8.self) }
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(bytes)) }
}
