import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer

/// Issue #22, finding: cases by the child's name or kana, ID, town, 年度 and review month.
@Suite("Case search")
struct CaseSearchTests {
    static func plan(_ id: String, municipality: String = "122297", name: String, kana: String, created: String, review: String,
                     consent: Bool = true) -> String {
        """
        {"version": 1, "id": "\(id)", "municipality": "\(municipality)", "created": "\(created)",
         "child": {"name": "\(name)", "kana": "\(kana)"}, "plan": {"review": "\(review)"},
         "consent": {"agreed": \(consent)}}
        """
    }

    static func ids(_ response: TestResponse) -> [String] {
        ((response.json as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    }

    @Test func casesAreFoundByNameKanaIDTownYearAndReviewButListedWithoutNames() async throws {
        let (dependencies, data) = try ServerHarness.dependencies(databaseAccounts: TenancyTests.records)
        try await ServerHarness.application(dependencies).test(.router) { client in
            let sode = try await TenancyTests.signIn(client, "sode-tanto")
            let moriya = try await TenancyTests.signIn(client, "moriya-tanto")
            for body in [Self.plan("S-1", name: "仮野 そら", kana: "かりの そら", created: "2025-05-01", review: "2025-10"),
                         Self.plan("S-2", name: "見本 はな", kana: "みほん はな", created: "2026-03-20", review: "2026-06", consent: false)] {
                #expect(try await client.send(.post, "/api/v1/cases", body: body, contentType: "application/json", headers: sode).status == .created)
            }
            #expect(try await client.send(.post, "/api/v1/cases", body: Self.plan("M-1", municipality: "082244", name: "仮野 りく", kana: "かりの りく",
                                                                            created: "2025-05-01", review: "2025-10"),
                                          contentType: "application/json", headers: moriya).status == .created)
            func search(_ json: String, as headers: HTTPFields = [:]) async throws -> TestResponse {
                try await client.send(.post, "/api/v1/cases/search", body: json, contentType: "application/json",
                                      headers: headers.isEmpty ? sode : headers)
            }
            // Name with or without the space, kana in half-width katakana, part of an ID.
            #expect(Self.ids(try await search("{\"q\": \"仮野そら\"}")) == ["S-1"])
            #expect(Self.ids(try await search("{\"q\": \"ｶﾘﾉ\"}")) == ["S-1"], "another town's 仮野 stays out")
            #expect(Self.ids(try await search("{\"q\": \"ミホン　ハナ\"}")) == ["S-2"])
            #expect(Self.ids(try await search("{\"q\": \"s-\"}")) == ["S-1", "S-2"])
            // 年度 of the 作成日: 2026-03-20 is still 令和7年度 (2025).
            #expect(Self.ids(try await search("{\"fiscal_year\": 2025}")) == ["S-1", "S-2"])
            #expect(Self.ids(try await search("{\"fiscal_year\": 2026}")) == [])
            #expect(Self.ids(try await search("{\"review_from\": \"2026-01\", \"review_to\": \"2026-06\"}")) == ["S-2"])
            #expect(Self.ids(try await search("{\"municipality\": \"122297\", \"q\": \"かりの\"}")) == ["S-1"])
            #expect(Self.ids(try await search("{\"q\": \"かりの\"}", as: moriya)) == ["M-1"])
            // Acting for another town is refused; bad conditions are 400.
            #expect(try await search("{\"municipality\": \"082244\"}").status == .forbidden)
            #expect(try await search("{\"review_from\": \"2026\"}").status == .badRequest)
            #expect(try await search("[1]").status == .badRequest)
            // The answer names no one and says whether consent is recorded.
            let all = try await search("{}")
            #expect(!all.text.contains("仮野") && !all.text.contains("見本"))
            let consent = ((all.json as? [[String: Any]]) ?? []).map { $0["consented"] as? Bool }
            #expect(consent == [true, false])
        }
        // The audit says a search happened, never what was searched for.
        var stored = Data()
        for file in try FileManager.default.contentsOfDirectory(at: data, includingPropertiesForKeys: nil) {
            stored.append(try Data(contentsOf: file))     // the database and its write-ahead log
        }
        #expect(!String(decoding: stored, as: UTF8.self).contains("ｶﾘﾉ"))
        #expect(String(decoding: stored, as: UTF8.self).contains("cases.search"))
    }
}
