import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiValidation

/// Every sample validates without errors for each kind it is meant for, given profiles exist.
@Suite struct SampleValidationTests {
    struct Sample: Sendable, CustomStringConvertible {
        var file: String
        var kinds: [DocumentKind]
        /// Warnings the sample is meant to draw ("CODE /path"), none unless given.
        var expected: [String] = []
        var description: String { file }
    }

    static let samples: [Sample] = [
        .init(file: "sodegaura-support-plan.yaml", kinds: [.supportPlan]),
        .init(file: "wakuya-support-plan.yaml", kinds: [.supportPlan]),
        .init(file: "moriya-support-plan.yaml", kinds: [.supportPlan, .supportPlanChild]),
        .init(file: "mihon-national-support-plan.yaml", kinds: [.supportPlan]),
        .init(file: "long-text-eight-supports.yaml", kinds: [.supportPlan]),
        .init(file: "rare-names.yaml", kinds: [.supportPlan]),
        .init(file: "recommendation-measure.yaml", kinds: [.recommendation, .measure]),
        .init(file: "sodegaura-notices.yaml", kinds: [.recommendation, .measure]),
        // The sheets print no guardian; the sample names one, so staff are told (W604).
        .init(file: "assessment-three-agencies.yaml", kinds: [.assessment], expected: ["W604 /guardians"]),
        .init(file: "mihon-self-plan.yaml", kinds: [.selfPlan]),
        .init(file: "mihon-provider-brief.yaml", kinds: [.providerBrief, .recommendation, .measure]),
        .init(file: "mihon-fee-reduction.yaml", kinds: [.feeReduction, .recommendation]),
        .init(file: "mihon-explanation.yaml", kinds: [.explanation]),
    ]

    static let folder = TestPaths.repositoryRoot.appendingPathComponent("samples/cases")

    @Test(arguments: samples)
    func sampleValidatesClean(_ sample: Sample) throws {
        let templates = try TemporaryTemplates.make()
        defer { try? FileManager.default.removeItem(at: templates) }
        // Coverage that draws everything but 外字: the fake stands in for the font chain.
        let context = ValidationContext(municipalities: TemplatesFolder(root: templates),
                                        glyphCoverage: FakeCoverage(missing: []))
        for kind in sample.kinds {
            let diagnostics = Validate.file(Self.folder.appendingPathComponent(sample.file), kind: kind, context: context)
            // The plan samples fill every recommended item too; the 見本市 plan lists 産後ケア事業,
            // which is fine in a plan (W301 applies to notices only).
            #expect(diagnostics.map { "\($0.code.rawValue) \($0.path)" } == sample.expected,
                    "\(sample.file) as \(kind.rawValue): \(diagnostics.map { "\($0.code.rawValue) \($0.path)" })")
        }
    }

    @Test func everySampleIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(Self.samples.map(\.file)))
    }

    @Test func longSampleHasEightSupportsAndRareNamesKeepTheirCodePoints() throws {
        let long = try #require(CaseLoader().load(contentsOf: Self.folder.appendingPathComponent("long-text-eight-supports.yaml")).first?.typed)
        #expect(long.plan?.supports.count == 8)
        let rare = try #require(CaseLoader().load(contentsOf: Self.folder.appendingPathComponent("rare-names.yaml")).first?.typed)
        let names = ([rare.child?.name] + rare.guardians.map(\.name)).compactMap { $0 }.joined()
        for scalar in ["\u{20BB7}", "\u{9AD9}", "\u{E0100}"] { #expect(names.contains(scalar)) }
        #expect(rare.guardians[0].address?.contains("\u{FA11}") == true)
    }

    @Test func sampleMunicipalitiesAreTheAgreedOnes() throws {
        var codes = Set<String>()
        for sample in Self.samples {
            let value = try #require(CaseLoader().load(contentsOf: Self.folder.appendingPathComponent(sample.file)).first?.typed)
            codes.insert(try #require(value.municipality))
        }
        #expect(codes == ["122297", "045012", "082244", "990019"])
    }
}
