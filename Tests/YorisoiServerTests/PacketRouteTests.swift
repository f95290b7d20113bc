import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer

@Suite("POST /api/v1/packets: inline cases through the façade, numbered copies")
struct PacketRouteTests {
    @Test func copiesAreNumberedOnEveryPage() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        let meeting = try OpenAPITests.inlineMeeting()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let one = try await client.send(.post, "/api/v1/packets", body: meeting, contentType: "application/yaml")
            let two = try await client.send(.post, "/api/v1/packets?copies=2", body: meeting, contentType: "application/yaml")
            #expect(one.status == .ok && two.status == .ok)
            let folder = try TestPaths.makeTemporaryDirectory("yorisoi-packet-route")
            let (first, second) = (folder.appendingPathComponent("one.pdf"), folder.appendingPathComponent("two.pdf"))
            try Data(one.bytes).write(to: first)
            try Data(two.bytes).write(to: second)
            let single = try ExternalTool.pdftotext(first)
            let numbered = try ExternalTool.pdftotext(second)
            #expect(!single.contains("配布番号"))
            #expect(numbered.contains("配布番号 1 / 2") && numbered.contains("配布番号 2 / 2"))
            // Two copies are twice the pages of one (pdftotext ends each page with a form feed).
            #expect(numbered.filter { $0 == "\u{0C}" }.count == 2 * single.filter { $0 == "\u{0C}" }.count)
        }
    }

    @Test(arguments: ["0", "201", "two", "-1"])
    func aCopiesValueOutOfRangeIsRefused(_ copies: String) async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        let meeting = try OpenAPITests.inlineMeeting()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let response = try await client.send(.post, "/api/v1/packets?copies=\(copies)", body: meeting, contentType: "application/yaml")
            #expect(response.status == .badRequest)
            #expect(response.text.contains("bad_copies"))
        }
    }

    @Test func aMeetingThatNamesAFileOnDiskIsNotRead() async throws {
        // From a request only inline cases count: a `file:` is never opened on the server.
        let (dependencies, _) = try ServerHarness.dependencies()
        let meeting = """
            version: 1
            municipality: "990019"
            meeting: {kind: 進行管理会議, title: 試験の会議, date: 2025-02-14}
            documents: [support-plan]
            cases:
              - file: /etc/passwd
            """
        try await ServerHarness.application(dependencies).test(.router) { client in
            let response = try await client.send(.post, "/api/v1/packets", body: meeting, contentType: "application/yaml")
            #expect(response.status == .unprocessableContent)
            #expect(!response.text.contains("root:"))
        }
    }

    /// The page warns from this answer and from the packet's count headers, so both must be
    /// the builder's own rule.
    @Test func meetingKindsAndCountsComeFromTheBuilder() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let kinds = try JSONDecoder().decode([MeetingKindAnswer].self,
                                                 from: Data(try await client.send(.get, "/api/v1/meeting-kinds").bytes))
            #expect(kinds.map(\.kind).sorted() == ["個別ケース検討会議", "合同ケース会議", "実務者会議", "進行管理会議"].sorted())
            #expect(kinds.filter { !$0.includesUnconsented }.map(\.kind).sorted() == ["個別ケース検討会議", "合同ケース会議"].sorted())

            // One case with consent, one without, at each meeting.
            for (kind, printed, leftOut) in [("個別ケース検討会議", "1", "1"), ("実務者会議", "2", "0")] {
                let meeting = try Self.twoCaseMeeting(kind: kind)
                let response = try await client.send(.post, "/api/v1/packets", body: meeting, contentType: "application/yaml")
                #expect(response.status == .ok, "\(kind): \(response.text)")
                #expect(response.headers[.yorisoiIncludedCases] == printed, "\(kind)")
                #expect(response.headers[.yorisoiLeftOutCases] == leftOut, "\(kind)")
            }
        }
    }

    /// A meeting of two inline copies of the national sample, the second without consent.
    static func twoCaseMeeting(kind: String) throws -> String {
        let sample = try ServerHarness.sample("mihon-national-support-plan.yaml")
        let agreed = sample.replacingOccurrences(of: "id: \"MH-0001\"", with: "id: \"PK-1\"")
        let unagreed = sample.replacingOccurrences(of: "id: \"MH-0001\"", with: "id: \"PK-2\"")
            .replacingOccurrences(of: "consent: {agreed: true,", with: "consent: {agreed: false,")
        #expect(agreed != sample && unagreed.contains("agreed: false"), "the sample changed; adapt the test")
        func indented(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        }
        return """
            version: 1
            municipality: "990019"
            meeting: {kind: \(kind), title: 試験の会議, date: 2025-02-14}
            documents: [support-plan]
            cases:
              - agenda: 協議
                case:
            \(indented(agreed))
              - agenda: 協議
                case:
            \(indented(unagreed))
            """
    }
}
