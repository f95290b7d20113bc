import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import TestSupport
@testable import YorisoiServer

/// Two real `yorisoi serve --database …` processes on one PostgreSQL, as a load balancer would
/// spread requests over them.
@Suite("Two real servers on one PostgreSQL", .serialized,
       .enabled(if: TestDatabases.url != nil, "needs YORISOI_TEST_DATABASE_URL (scripts/with-postgres)"))
struct PostgresInstancesTests {
    /// What the clients were told, and a signal once enough answers came to kill a server.
    actor Answers {
        var numbers: [String] = []
        var failed: [Int] = []
        private var waiting: CheckedContinuation<Void, Never>?
        private let killAfter: Int

        init(killAfter: Int) { self.killAfter = killAfter }

        func answered(_ number: String) {
            numbers.append(number)
            if numbers.count == killAfter { waiting?.resume(); waiting = nil }
        }

        func failed(_ index: Int) { failed.append(index) }

        /// Returns once `killAfter` issues have been answered.
        func enoughAnswered() async {
            if numbers.count >= killAfter { return }
            await withCheckedContinuation { waiting = $0 }
        }
    }

    static func signIn(_ server: ServerProcess, account: String, password: String) async throws -> String {
        var request = URLRequest(url: URL(string: server.base + "/login")!)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.httpBody = Data("account=\(account)&password=\(password)".utf8)
        let (data, _) = try await ServerProcess.session.data(for: request)
        return try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["token"] as? String)
    }

    @Test func twoHundredIssuesThroughTwoInstancesOneKilledMidwayLoseNoNumber() async throws {
        let location = try await TestDatabases.fresh()
        let store = try await PostgresStore(location)
        defer { store.close() }
        let password = "two-instances-pw"
        try await store.addAccount(AccountRecord(name: "kato", passwordHash: PasswordRule.hash(password), role: .staff,
                                                 municipalities: [StoreContractTests.sodegaura]))
        let arguments = ["--database", TestDatabases.url(of: location)]
        let root = try TestPaths.makeTemporaryDirectory("yorisoi-two-instances")
        let first = try ServerProcess(data: root.appendingPathComponent("first"), arguments: arguments)
        let second = try ServerProcess(data: root.appendingPathComponent("second"), arguments: arguments)
        defer { first.stop(); second.stop() }
        // Signed in on the first instance; the second knows the session from the database.
        let token = try await Self.signIn(first, account: "kato", password: password)
        first.bearer = token
        second.bearer = token

        let body = try ServerHarness.noticeCase(id: "TWO-1")
        let answers = Answers(killAfter: 60)
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<200 {
                let server = index.isMultiple(of: 2) ? first : second
                group.addTask {
                    if let number = await server.issue(body) { await answers.answered(number) } else { await answers.failed(index) }
                }
            }
            group.addTask {
                await answers.enoughAnswered()
                first.killHard()
            }
            await group.waitForAll()
        }
        let failed = await answers.failed
        #expect(!failed.isEmpty, "the first instance was killed with requests in flight")
        #expect(failed.allSatisfy { $0.isMultiple(of: 2) }, "the second instance went on: all of its 100 were answered")

        // The first instance again, same session: it issues what the kill cut off.
        let restarted = try ServerProcess(data: root.appendingPathComponent("first"), arguments: arguments)
        defer { restarted.stop() }
        restarted.bearer = token
        for _ in failed {
            let number = try #require(await restarted.issue(body))
            await answers.answered(number)
        }
        let answered = await answers.numbers
        #expect(answered.count == 200 && Set(answered).count == 200, "200 answers, no number twice")

        // No number lost, repeated, or without its PDF and audit row.
        let entries = try await store.entries(LedgerFilter(municipality: StoreContractTests.sodegaura)).sorted { $0.sequence! < $1.sequence! }
        #expect(entries.map(\.sequence) == Array(1...entries.count).map(Optional.some), "consecutive from 1, no gap, no twin")
        #expect(entries.count >= 200, "every answer stored (a request cut off by the kill may have been stored unanswered)")
        let stored = Set(entries.map(\.number))
        for number in answered { #expect(stored.contains(number), "\(number) answered 201 and stored") }
        for entry in entries {
            let pdf = try #require(try await store.pdf(id: entry.id))
            #expect(pdf.starts(with: Array("%PDF-".utf8)) && SQLiteStore.sha256Hex(pdf) == entry.sha256)
        }
        let verify = try ExternalTool.run(TestPaths.yorisoiExecutable.path, ["audit", "verify"] + arguments)
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
        #expect(verify.stdout.contains("chain intact"))
    }
}
