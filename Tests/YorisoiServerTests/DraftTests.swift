import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer

/// Issue #22: nothing typed is lost (drafts on the server, per account and case; the session's
/// idle length for the page's clock) and concurrent edits are caught (a save names its base).
@Suite("Drafts and concurrent saves")
struct DraftTests {
    static let json = "application/json"

    static func caseJSON(id: String, name: String = "仮野 そら") -> String {
        "{\"version\": 1, \"id\": \"\(id)\", \"municipality\": \"122297\", \"child\": {\"name\": \"\(name)\"}}"
    }

    @Test func aDraftIsKeptPerAccountAndCaseReadBackListedWithoutContentAndDroppedBySaving() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(databaseAccounts: TenancyTests.records)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let tanto = try await TenancyTests.signIn(client, "sode-tanto")
            let kacho = try await TenancyTests.signIn(client, "sode-kacho")
            let put = "/api/v1/drafts/new:plan?kind=support-plan&municipality=122297"
            let first = try await client.send(.put, put, body: Self.caseJSON(id: "D-1"), contentType: Self.json, headers: tanto)
            #expect(first.status == .ok, "\(first.text)")
            // Replaced by the next autosave, not added to.
            let second = try await client.send(.put, put, body: Self.caseJSON(id: "D-1", name: "仮野 はな"), contentType: Self.json, headers: tanto)
            #expect(second.status == .ok)
            let read = try await client.send(.get, "/api/v1/drafts/new:plan", headers: tanto)
            let object = try #require(read.json as? [String: Any])
            #expect(object["kind"] as? String == "support-plan")
            #expect(object["municipality"] as? String == "122297")
            #expect(((object["case"] as? [String: Any])?["child"] as? [String: Any])?["name"] as? String == "仮野 はな")
            // The list names keys and times, never what the case says.
            let list = try await client.send(.get, "/api/v1/drafts", headers: tanto)
            #expect((list.json as? [[String: Any]])?.map { $0["key"] as? String } == ["new:plan"])
            #expect(!list.text.contains("仮野"))
            // Another account of the same municipality has no such draft.
            #expect(try await client.send(.get, "/api/v1/drafts/new:plan", headers: kacho).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/drafts", headers: kacho).text == "[]")

            // Saving the plan drops the new-plan draft; a draft of the saved case with its base
            // version is dropped by the next save of that case.
            #expect(try await client.send(.post, "/api/v1/cases", body: Self.caseJSON(id: "D-1"), contentType: Self.json, headers: tanto).status == .created)
            #expect(try await client.send(.get, "/api/v1/drafts/new:plan", headers: tanto).status == .notFound)
            let edit = try await client.send(.put, "/api/v1/drafts/D-1?kind=measure&municipality=122297&base_version=1",
                                             body: Self.caseJSON(id: "D-1"), contentType: Self.json, headers: tanto)
            #expect(edit.status == .ok)
            #expect((edit.json as? [String: Any])?["base_version"] as? Int == 1)
            #expect(try await client.send(.put, "/api/v1/cases/D-1?base_version=1", body: Self.caseJSON(id: "D-1"), contentType: Self.json,
                                          headers: tanto).status == .ok)
            #expect(try await client.send(.get, "/api/v1/drafts/D-1", headers: tanto).status == .notFound)

            // Discarding says whether there was one.
            _ = try await client.send(.put, "/api/v1/drafts/D-1?kind=support-plan&municipality=122297", body: "{}", contentType: Self.json, headers: tanto)
            #expect(try await client.send(.delete, "/api/v1/drafts/D-1", headers: tanto).status == .noContent)
            #expect(try await client.send(.delete, "/api/v1/drafts/D-1", headers: tanto).status == .notFound)
        }
    }

    @Test func draftsAreRefusedWhereTheyDoNotBelong() async throws {
        let (dependencies, _) = try ServerHarness.dependencies(databaseAccounts: TenancyTests.records)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let tanto = try await TenancyTests.signIn(client, "sode-tanto")
            let viewer = try await TenancyTests.signIn(client, "sode-etsuran")
            let body = Self.caseJSON(id: "D-2")
            let cases: [(String, String, HTTPFields, HTTPResponse.Status, String)] = [
                ("/api/v1/drafts/D-2?kind=support-plan&municipality=122297", "[1, 2]", tanto, .badRequest, "bad_draft"),
                ("/api/v1/drafts/D-2?kind=support-plan&municipality=122297", "{", tanto, .badRequest, "bad_draft"),
                ("/api/v1/drafts/D-2?kind=support-plan", body, tanto, .badRequest, "missing_municipality"),
                ("/api/v1/drafts/D-2?kind=support-plan&municipality=000000", body, tanto, .badRequest, "unknown_municipality"),
                ("/api/v1/drafts/D-2?kind=letter&municipality=122297", body, tanto, .badRequest, "unknown_kind"),
                ("/api/v1/drafts/D-2?kind=support-plan&municipality=082244", body, tanto, .forbidden, "municipality_forbidden"),
                ("/api/v1/drafts/D-2?kind=support-plan&municipality=122297&base_version=0", body, tanto, .badRequest, "bad_base_version"),
                ("/api/v1/drafts/D-2?kind=support-plan&municipality=122297", body, viewer, .forbidden, "role_forbidden"),
                ("/api/v1/drafts/%3Dcmd?kind=support-plan&municipality=122297", body, tanto, .unprocessableContent, ""),
            ]
            for (path, payload, headers, status, code) in cases {
                let response = try await client.send(.put, path, body: payload, contentType: Self.json, headers: headers)
                #expect(response.status == status, "\(path): \(response.text)")
                if !code.isEmpty {
                    #expect(((response.json as? [String: Any])?["error"] as? [String: Any])?["code"] as? String == code, "\(path)")
                }
                #expect(!response.text.contains("仮野"), "\(path): the refusal quotes the draft")
            }
            #expect(try await client.send(.get, "/api/v1/drafts", headers: tanto).text == "[]")
        }
    }

    @Test func aSaveOverANewerVersionIsRefusedAndSavesNothing() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            #expect(try await client.send(.post, "/api/v1/cases", body: Self.caseJSON(id: "C-1"), contentType: Self.json).status == .created)
            // Two people open version 1; the first saves version 2.
            #expect(try await client.send(.put, "/api/v1/cases/C-1?base_version=1", body: Self.caseJSON(id: "C-1", name: "一人目"),
                                          contentType: Self.json).status == .ok)
            let late = try await client.send(.put, "/api/v1/cases/C-1?base_version=1", body: Self.caseJSON(id: "C-1", name: "二人目"),
                                             contentType: Self.json)
            #expect(late.status == .conflict)
            #expect(((late.json as? [String: Any])?["error"] as? [String: Any])?["code"] as? String == "version_conflict")
            #expect(late.headers[HTTPField.Name("Yorisoi-Latest-Version")!] == "2")
            #expect(!late.text.contains("二人目"))
            let versions = try await client.send(.get, "/api/v1/cases/C-1/versions")
            #expect((versions.json as? [Any])?.count == 2)
            // Chosen after comparing, the merge names version 2 and is saved as version 3.
            let merged = try await client.send(.put, "/api/v1/cases/C-1?base_version=2", body: Self.caseJSON(id: "C-1", name: "二人目"),
                                               contentType: Self.json)
            #expect((merged.json as? [String: Any])?["version"] as? Int == 3)
            // A save without a base (the command line, older clients) still appends.
            #expect(try await client.send(.put, "/api/v1/cases/C-1", body: Self.caseJSON(id: "C-1"), contentType: Self.json).status == .ok)
            #expect(try await client.send(.put, "/api/v1/cases/C-1?base_version=x", body: Self.caseJSON(id: "C-1"), contentType: Self.json).status == .badRequest)
        }
    }

    @Test func theSessionNamesItsIdleLengthSoThePageCanKeepItsOwnClock() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let session = try await client.send(.get, "/api/v1/session")
            #expect((session.json as? [String: Any])?["idle_timeout_seconds"] as? Int == Int(dependencies.sessions.idleTimeout))
        }
    }
}
