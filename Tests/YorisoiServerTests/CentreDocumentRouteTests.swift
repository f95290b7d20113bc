import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import Yorisoi
@testable import YorisoiServer

/// Issue #28 on the server: the new kinds render through `POST /api/v1/render`, the page's form
/// offers them, and a 事前共有 is logged in the audit with the provider it went to — never the
/// family's data, and only when the sheet was made.
@Suite("The centre's other papers on the server")
struct CentreDocumentRouteTests {
    static let kinds = [("self-plan", "mihon-self-plan.yaml"), ("provider-brief", "mihon-provider-brief.yaml"),
                        ("fee-reduction", "mihon-fee-reduction.yaml"), ("explanation", "mihon-explanation.yaml")]

    @Test func eachNewKindRendersThroughTheRenderRoute() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        try await ServerHarness.application(dependencies).test(.router) { client in
            for (kind, sample) in Self.kinds {
                let response = try await client.send(.post, "/api/v1/render?kind=\(kind)", body: try ServerHarness.sample(sample))
                #expect(response.status == .ok, "\(kind): \(response.text)")
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(Array(response.bytes.prefix(5)) == Array("%PDF-".utf8))
            }
        }
    }

    @Test func aProviderBriefIsAuditedWithItsProviderAndNoFamilyData() async throws {
        let (dependencies, _) = try ServerHarness.dependencies()
        let sample = try ServerHarness.sample("mihon-provider-brief.yaml")
        try await ServerHarness.application(dependencies).test(.router) { client in
            let made = try await client.send(.post, "/api/v1/render?kind=provider-brief", body: sample)
            #expect(made.status == .ok, "\(made.text)")
            let refused = try await client.send(.post, "/api/v1/render?kind=provider-brief",
                                                body: sample.replacingOccurrences(of: "consent: {agreed: true, date: 2025-03-11}",
                                                                                  with: "consent: {agreed: false}"))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("E812"))
        }
        let rows = try await dependencies.audit.auditRows(from: "0000", to: "9999")
        let briefs = rows.filter { $0.action == "provider_brief" }
        #expect(briefs.count == 1, "the refused sheet was not made, so it was not shared")
        #expect(briefs.first?.detail == "見本市子育て支援NPO（架空）")
        #expect(briefs.first?.caseID == "PB-0001")
        #expect(briefs.first?.municipality == "990019")
        let everything = rows.map { [$0.action, $0.caseID ?? "", $0.detail ?? ""].joined() }.joined()
        #expect(!everything.contains("架空 ひかる") && !everything.contains("架空 そら") && !everything.contains("見本県"), "no family data")
        #expect(try await dependencies.audit.verify().ok, "the chain holds with the detail")
    }

    @Test func thePageOffersTheNewKindsWithTheirOwnSections() throws {
        let builder = try DocumentEngine(root: TestPaths.repositoryRoot).forms
        let expected: [String: (section: String, pointers: [String])] = [
            "self-plan": ("self_plan", ["/self_plan/due_date", "/self_plan/preparations", "/self_plan/services"]),
            "provider-brief": ("provider_brief", ["/provider_brief/provider", "/provider_brief/consent/agreed", "/provider_brief/situation"]),
            "fee-reduction": ("fee_reduction", ["/fee_reduction/date", "/fee_reduction/band"]),
            "explanation": ("explanation", ["/explanation/date"]),
        ]
        for (kind, want) in expected {
            let form = try builder.description(municipality: "990019", kind: kind)
            #expect(form.kinds.map(\.kind).contains(kind))
            let section = try #require(form.sections.first { $0.id == want.section }, "\(kind)")
            #expect(want.pointers.allSatisfy { pointer in section.fields.contains { $0.pointer == pointer } }, "\(kind)")
            #expect(!form.sections.contains { $0.id == "plan" }, "\(kind) is not a plan form")
        }
        #expect(FormDescriptions.title(of: "self-plan") == "セルフプラン")
    }
}
