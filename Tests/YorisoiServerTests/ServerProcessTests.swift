import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import GRDB
import Testing
import TestSupport
@testable import YorisoiServer

/// The real `yorisoi serve` binary as a subprocess on a free loopback port.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let log: URL
    let data: URL
    private(set) var port = 0

    init(data: URL, arguments: [String] = []) throws {
        self.data = data
        log = data.deletingLastPathComponent().appendingPathComponent("server-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = TestPaths.yorisoiExecutable
        process.arguments = ["serve", "--port", "0", "--data", data.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["YORISOI_HOME"] = TestPaths.repositoryRoot.path
        process.environment = environment
        let handle = try FileHandle(forWritingTo: log)
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        // Wait for "listening on http://127.0.0.1:PORT".
        for _ in 0..<600 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                port = Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
                return
            }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw ServerStartFailure(log: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    struct ServerStartFailure: Error { let log: String }

    var base: String { "http://127.0.0.1:\(port)" }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    func killHard() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 600
        configuration.timeoutIntervalForResource = 600
        return URLSession(configuration: configuration)
    }()

    /// A POST; the status, the body and the headers, or nil when no answer came (the server died).
    func post(_ path: String, _ body: String, contentType: String = "application/yaml") async -> (status: Int, body: Data, headers: [AnyHashable: Any])? {
        var request = URLRequest(url: URL(string: base + path)!)
        request.httpMethod = "POST"
        request.setValue(contentType, forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(body.utf8)
        guard let (data, response) = try? await Self.session.data(for: request), let http = response as? HTTPURLResponse else {
            return nil
        }
        return (http.statusCode, data, http.allHeaderFields)
    }

    /// A session's id to send instead of the local token (a server with accounts).
    var bearer: String?

    /// The local token the server wrote at start (DATA/local-token), or `bearer`.
    var token: String {
        if let bearer { return bearer }
        return (try? String(contentsOf: data.appendingPathComponent("local-token"), encoding: .utf8))?
            .trimmingCharacters(in: .newlines) ?? ""
    }

    /// POSTs a notice; the document number, or nil when the request failed.
    func issue(_ body: String) async -> String? {
        var request = URLRequest(url: URL(string: "\(base)/api/v1/notices?kind=recommendation")!)
        request.httpMethod = "POST"
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/yaml", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(body.utf8)
        guard let (_, response) = try? await Self.session.data(for: request),
              let http = response as? HTTPURLResponse, http.statusCode == 201 else { return nil }
        return http.value(forHTTPHeaderField: "Yorisoi-Document-Number")?.removingPercentEncoding
    }
}

@Suite("The real binary: concurrent issuing, kill -9, the log", .serialized)
struct ServerProcessTests {
    @Test func twoHundredConcurrentIssuesGetConsecutiveNumbersAndTheLogHoldsNoPersonalData() async throws {
        let data = try TestPaths.makeTemporaryDirectory("yorisoi-burst").appendingPathComponent("data")
        let server = try ServerProcess(data: data)
        defer { server.stop() }
        let body = try ServerHarness.noticeCase(id: "BURST-1")
        let numbers = await withTaskGroup(of: String?.self) { group in
            for _ in 0..<200 { group.addTask { await server.issue(body) } }
            var all: [String?] = []
            for await number in group { all.append(number) }
            return all
        }
        let issued = numbers.compactMap { $0 }
        #expect(issued.count == 200)
        #expect(Set(issued) == Set((1...200).map { "袖こ家第\($0)号" }), "200 distinct numbers, 1 to 200, no gap")

        server.stop()
        let log = server.logText
        #expect(log.contains("route="), "the request log is there")
        for marker in ["仮野", "かりの", "架空町", "000-0000-0021", "保育所の入所", "家事と育児", "子育てサポート協会"] {
            #expect(!log.contains(marker), "the log must not hold \(marker)")
        }
    }

    /// What the clients were told before the kill: each answer must be on disk afterwards.
    actor Answers {
        var issued: [(number: String, sha256: String)] = []
        var approved: [Int] = []
        var voided: [Int] = []
        func issue(_ number: String, _ sha: String) { issued.append((number, sha)) }
        func approve(_ id: Int) { approved.append(id) }
        func void(_ id: Int) { voided.append(id) }
    }

    @Test func killNineMidBurstOfIssuesApprovalsAndVoidsLosesNothingAnswered() async throws {
        let data = try TestPaths.makeTemporaryDirectory("yorisoi-kill").appendingPathComponent("data")
        let server = try ServerProcess(data: data)
        let body = try ServerHarness.noticeCase(id: "KILL-1")
        // Rows to void during the burst.
        for _ in 0..<8 { _ = await server.issue(body) }
        let answers = Answers()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<60 {
                group.addTask {
                    guard let answer = await server.post("/api/v1/notices?kind=recommendation", body), answer.status == 201,
                          let number = (answer.headers["Yorisoi-Document-Number"] as? String)?.removingPercentEncoding,
                          let etag = answer.headers["Etag"] as? String ?? answer.headers["ETag"] as? String else { return }
                    await answers.issue(number, etag.trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
                }
            }
            for _ in 0..<15 {
                group.addTask {
                    guard let asked = await server.post("/api/v1/approvals?kind=recommendation", body), asked.status == 201,
                          let id = (try? JSONSerialization.jsonObject(with: asked.body) as? [String: Any])?["id"] as? Int,
                          let approved = await server.post("/api/v1/approvals/\(id)/approve", "{\"approver\": \"試験 課長\"}",
                                                           contentType: "application/json"), approved.status == 200 else { return }
                    await answers.approve(id)
                }
            }
            for id in 1...8 {
                group.addTask {
                    guard let answer = await server.post("/api/v1/ledger/\(id)/void", "{\"reason\": \"試験の取消\"}",
                                                         contentType: "application/json"), answer.status == 200 else { return }
                    await answers.void(id)
                }
            }
            // Kill once some have been answered, while the rest are in flight.
            group.addTask {
                let file = data.appendingPathComponent(SQLiteStore.fileName).path
                for _ in 0..<3000 {
                    if let queue = try? DatabaseQueue(path: file, configuration: Self.readOnly),
                       let count = try? await queue.read({ try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM ledger") }),
                       count >= 20 { break }
                    try? await Task.sleep(for: .milliseconds(20))
                }
                server.killHard()
            }
            await group.waitForAll()
        }

        let queue = try DatabaseQueue(path: data.appendingPathComponent(SQLiteStore.fileName).path)
        let check = try await queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(check == "ok")
        let rows = try queue.read { try Row.fetchAll($0, sql: "SELECT id, sequence, number, pdf, sha256, status FROM ledger ORDER BY sequence") }
        #expect(rows.count >= 20 && rows.count < 68, "killed mid-burst (\(rows.count) stored)")
        for (index, row) in rows.enumerated() {
            let pdf: Data = row["pdf"]
            #expect(row["sequence"] as Int == index + 1, "no gap, no twin")
            #expect(SQLiteStore.sha256Hex(pdf) == row["sha256"] as String)
            #expect(pdf.starts(with: Data("%PDF-".utf8)))
            #expect(String(decoding: pdf.suffix(16), as: UTF8.self).contains("%%EOF"))
        }
        // Every answer the clients got is on disk, with the same bytes.
        let stored = Dictionary(uniqueKeysWithValues: rows.map { ($0["number"] as String, $0["sha256"] as String) })
        for (number, sha) in await answers.issued { #expect(stored[number] == sha, "\(number) answered 201 and stored") }
        for id in await answers.voided {
            let status = try await queue.read { try String.fetchOne($0, sql: "SELECT status FROM ledger WHERE id = ?", arguments: [id]) }
            #expect(status == "voided", "ledger \(id) answered 200 to its void")
        }
        for id in await answers.approved {
            let status = try await queue.read { try String.fetchOne($0, sql: "SELECT status FROM approvals WHERE id = ?", arguments: [id]) }
            #expect(status == "approved", "approval \(id) answered 200")
        }
        let answeredCount = await answers.issued.count
        #expect(answeredCount > 0, "some issues were answered before the kill")

        // Restarted, it carries on from the last stored number, and the audit holds.
        let restarted = try ServerProcess(data: data)
        let next = await restarted.issue(body)
        #expect(next == "袖こ家第\(rows.count + 1)号")
        restarted.stop()
        let verify = try ExternalTool.run(TestPaths.yorisoiExecutable.path, ["audit", "verify", "--data", data.path])
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
        #expect(verify.stdout.contains("chain intact"))
    }

    /// Issue #23, item 5: bad start options are usage errors (exit 2) with a message in both
    /// languages, never an internal failure (exit 3) or a server bound somewhere unexpected.
    @Test func badStartOptionsExitWithStatusTwo() throws {
        let work = try TestPaths.makeTemporaryDirectory("yorisoi-start")
        let data = work.appendingPathComponent("data").path
        let host = try Self.runToExit(["serve", "--host", "127.evil.invalid", "--port", "0", "--data", data])
        #expect(host.status == 2 && host.stderr.contains("--host"), "\(host)")
        let port = try Self.runToExit(["serve", "--port", "99999", "--data", data])
        #expect(port.status == 2 && port.stderr.contains("--port"), "\(port)")
        let file = work.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let notAFolder = try Self.runToExit(["serve", "--port", "0", "--data", file.path])
        #expect(notAFolder.status == 2 && notAFolder.stderr.contains("データフォルダ") && notAFolder.stderr.contains("data folder"),
                "\(notAFolder)")
        let cannotCreate = try Self.runToExit(["serve", "--port", "0", "--data", file.appendingPathComponent("sub").path])
        #expect(cannotCreate.status == 2, "\(cannotCreate)")

        // A port another server holds.
        let holder = try ServerProcess(data: work.appendingPathComponent("holder"))
        defer { holder.stop() }
        let busy = try Self.runToExit(["serve", "--port", String(holder.port), "--data", data])
        #expect(busy.status == 2 && busy.stderr.contains("使っています") && busy.stderr.contains("in use"), "\(busy)")
    }

    /// The token file is written 0600 at every start, differs each time, is the one in the
    /// printed login URL, and is the only way in.
    @Test func theLocalTokenIsNewAtEveryStartAndTheOnlyWayIn() async throws {
        let data = try TestPaths.makeTemporaryDirectory("yorisoi-token-run").appendingPathComponent("data")
        var tokens: [String] = []
        for _ in 0..<2 {
            let server = try ServerProcess(data: data)
            defer { server.stop() }
            let file = data.appendingPathComponent("local-token")
            let mode = (try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? NSNumber)?.intValue
            #expect(mode == 0o600)
            let token = try String(contentsOf: file, encoding: .utf8).trimmingCharacters(in: .newlines)
            #expect(server.logText.contains("\(server.base)/login?token=\(token)"))
            tokens.append(token)
            #expect(try await Self.status(server, "/api/v1/templates", token: nil) == 401)
            #expect(try await Self.status(server, "/api/v1/templates", token: token) == 200)
            #expect(try await Self.status(server, "/healthz", token: nil) == 200)
        }
        #expect(tokens[0] != tokens[1])
    }

    static func status(_ server: ServerProcess, _ path: String, token: String?) async throws -> Int {
        var request = URLRequest(url: URL(string: server.base + path)!)
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        let (_, response) = try await ServerProcess.session.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }

    /// Runs the binary to its end (a bounded wait: a server that did start is killed and
    /// reported as status -1).
    static func runToExit(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = TestPaths.yorisoiExecutable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["YORISOI_HOME"] = TestPaths.repositoryRoot.path
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: text, as: UTF8.self))
    }

    static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        return configuration
    }
}
