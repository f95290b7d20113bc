import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
@testable import YorisoiServer

/// Issue #27 on the server: `POST /api/v1/render?family_copy=LANG` prints a family copy, and a
/// language the installation does not ship is refused naming the field and the languages.
@Suite struct FamilyCopyRouteTests {
    static func familySample() throws -> String {
        try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("samples/family-copy/moriya-family-copy.yaml"),
                   encoding: .utf8)
    }

    static func text(of pdf: [UInt8]) throws -> String {
        let file = try TestPaths.makeTemporaryDirectory("yorisoi-family-copy").appendingPathComponent("copy.pdf")
        try Data(pdf).write(to: file)
        return try ExternalTool.pdftotext(file)
    }

    @Test func aFamilyCopyIsRenderedInTheLanguageAsked() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        let sample = try Self.familySample()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let plain = try await client.send(.post, "/api/v1/render?kind=support-plan-child", body: sample)
            let copy = try await client.send(.post, "/api/v1/render?kind=support-plan-child&family_copy=vi", body: sample)
            #expect(plain.status == .ok, "\(plain.text)")
            #expect(copy.status == .ok, "\(copy.text)")
            let text = try Self.text(of: copy.bytes)
            #expect(text.contains("Ngày sinh"), "the Vietnamese label is printed")
            #expect(!(try Self.text(of: plain.bytes)).contains("Ngày sinh"), "a plain render has no translation")
        }
    }

    @Test func theLanguagesAreListedWithTheirOwnNames() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let response = try await client.send(.get, "/api/v1/family-copy-languages")
            #expect(response.status == .ok, "\(response.text)")
            let languages = try JSONDecoder().decode([[String: String]].self, from: Data(response.bytes))
            #expect(languages.map { $0["code"] ?? "" } == ["en", "pt", "vi", "zh-Hans"])
            #expect(languages.first { $0["code"] == "vi" }?["name"] == "Tiếng Việt")
        }
    }

    @Test(arguments: ["fr", "", "ja", "VI"])
    func anUnknownLanguageIsRefusedNamingTheField(code: String) async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        let sample = try Self.familySample()
        try await ServerHarness.application(dependencies).test(.router) { client in
            let response = try await client.send(.post, "/api/v1/render?kind=support-plan-child&family_copy=\(code)", body: sample)
            #expect(response.status == .badRequest, "\(response.text)")
            #expect(response.text.contains("bad_family_copy"))
            #expect(response.text.contains("en, pt, vi, zh-Hans"))
        }
    }
}
