import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiDisplayList
import YorisoiLayout
import YorisoiPipeline

/// A layout dump beside every demo PDF's hash (Tests/Fixtures/golden/pdf-sha256.txt): where a hash
/// only says that a PDF changed, its dump in Tests/Fixtures/layout-golden/demo/ says what moved,
/// item by item. Rewritten with the others by `scripts/update-layout-golden`.
extension GoldenLayoutTests {
    /// Each sample document `yorisoi demo` writes, by the PDF's name without `.pdf`.
    static let demoDocuments: [(name: String, file: String, kind: DocumentKind, merged: Bool)] = [
        ("assessment-three-agencies-assessment", "assessment-three-agencies.yaml", .assessment, false),
        ("assessment-three-agencies-assessment-merged", "assessment-three-agencies.yaml", .assessment, true),
        ("long-text-eight-supports-support-plan", "long-text-eight-supports.yaml", .supportPlan, false),
        ("mihon-explanation-explanation", "mihon-explanation.yaml", .explanation, false),
        ("mihon-fee-reduction-fee-reduction", "mihon-fee-reduction.yaml", .feeReduction, false),
        ("mihon-fee-reduction-recommendation", "mihon-fee-reduction.yaml", .recommendation, false),
        ("mihon-national-support-plan-support-plan", "mihon-national-support-plan.yaml", .supportPlan, false),
        ("mihon-provider-brief-measure", "mihon-provider-brief.yaml", .measure, false),
        ("mihon-provider-brief-provider-brief", "mihon-provider-brief.yaml", .providerBrief, false),
        ("mihon-provider-brief-recommendation", "mihon-provider-brief.yaml", .recommendation, false),
        ("mihon-provider-brief-support-plan", "mihon-provider-brief.yaml", .supportPlan, false),
        ("mihon-self-plan-self-plan", "mihon-self-plan.yaml", .selfPlan, false),
        ("moriya-support-plan-support-plan", "moriya-support-plan.yaml", .supportPlan, false),
        ("moriya-support-plan-support-plan-child", "moriya-support-plan.yaml", .supportPlanChild, false),
        ("rare-names-support-plan", "rare-names.yaml", .supportPlan, false),
        ("recommendation-measure-measure", "recommendation-measure.yaml", .measure, false),
        ("recommendation-measure-recommendation", "recommendation-measure.yaml", .recommendation, false),
        ("recommendation-measure-support-plan", "recommendation-measure.yaml", .supportPlan, false),
        ("sodegaura-notices-measure", "sodegaura-notices.yaml", .measure, false),
        ("sodegaura-notices-recommendation", "sodegaura-notices.yaml", .recommendation, false),
        ("sodegaura-notices-support-plan", "sodegaura-notices.yaml", .supportPlan, false),
        ("sodegaura-support-plan-support-plan", "sodegaura-support-plan.yaml", .supportPlan, false),
        ("wakuya-support-plan-support-plan", "wakuya-support-plan.yaml", .supportPlan, false),
    ]

    /// The specimen and the packet have their dumps already (specimen.txt, packet-…txt).
    static let demoDumpsElsewhere = ["specimen": "specimen", "packet-mihon-progress-review": "packet-mihon-progress-review"]

    @Test func everyDemoPDFHasALayoutDump() throws {
        let hashes = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/golden/pdf-sha256.txt"), encoding: .utf8)
        let names = Set(hashes.split(separator: "\n").compactMap { $0.split(separator: " ").last }
            .map { String($0.dropLast(4)) })
        let dumped = Set(Self.demoDocuments.map(\.name)).union(Self.demoDumpsElsewhere.keys)
        #expect(names == dumped, "a demo PDF without a layout dump (or a dump without its PDF): add it to demoDocuments")
    }

    @Test(arguments: demoDocuments.indices)
    func demoDocument(_ index: Int) throws {
        let document = Self.demoDocuments[index]
        let file = Self.root.appendingPathComponent("samples/cases/" + document.file)
        let loaded = try #require(CaseLoader().load(contentsOf: file).first)
        let template = document.merged ? try Self.renderer.mergedAssessmentTemplate(municipality: loaded.typed?.municipality) : nil
        let laid = try Self.renderer.layOut(loaded, kind: document.kind, templateFile: template)
        #expect(!laid.hasErrors)
        let result = try #require(laid.layout)
        let info = try #require(laid.info)
        try Self.check(result.pdfDocument(info: info), against: "demo/" + document.name)
    }
}
