import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiDisplayList
import YorisoiLayout
import YorisoiPipeline

/// Nothing printed comes nearer a sheet's edge than 10 mm: office printers leave 4–5 mm blank
/// and would clip it (the packet's 取扱注意 band sat 4.9 mm from the top, footers 8.6 mm from
/// the bottom). Checked on every item of every page of every sample and the meeting packet, by
/// the boxes `DisplayListDump` gives (a glyph run from ascender to descender).
@Suite struct SafeEdgeTests {
    static let root = TestPaths.repositoryRoot
    static let renderer = GoldenLayoutTests.renderer
    static let limit = PageSetup.safeEdge - 0.01

    static let samples: [(String, DocumentKind)] = [
        ("sodegaura-support-plan.yaml", .supportPlan), ("wakuya-support-plan.yaml", .supportPlan),
        ("moriya-support-plan.yaml", .supportPlan), ("moriya-support-plan.yaml", .supportPlanChild),
        ("mihon-national-support-plan.yaml", .supportPlan), ("long-text-eight-supports.yaml", .supportPlan),
        ("rare-names.yaml", .supportPlan), ("recommendation-measure.yaml", .recommendation),
        ("recommendation-measure.yaml", .measure), ("sodegaura-notices.yaml", .recommendation),
        ("sodegaura-notices.yaml", .measure), ("assessment-three-agencies.yaml", .assessment),
    ]

    /// Every item nearer an edge than the limit, as its dump line with the distance in mm.
    static func tooNear(_ document: PDFDocument) -> [String] {
        var found: [String] = []
        for (index, page) in document.pages.enumerated() {
            for line in DisplayListDump.lines(of: page, number: index + 1) {
                let fields = line.split(separator: " ")
                guard fields.count >= 6, let x = Double(fields[2]), let y = Double(fields[3]),
                      let w = Double(fields[4]), let h = Double(fields[5]) else { continue }
                let nearest = min(x, y, page.size.width - x - w, page.size.height - y - h)
                if nearest < limit {
                    found.append(String(format: "%.1fmm ", nearest / Units.mm(1)) + line.prefix(100))
                }
            }
        }
        return found
    }

    @Test(arguments: samples.indices)
    func everySampleKeepsClearOfTheEdges(_ index: Int) throws {
        let (file, kind) = Self.samples[index]
        let loaded = try #require(CaseLoader().load(contentsOf: Self.root.appendingPathComponent("samples/cases/" + file)).first)
        let laid = try Self.renderer.layOut(loaded, kind: kind)
        let result = try #require(laid.layout)
        let info = try #require(laid.info)
        let near = Self.tooNear(result.pdfDocument(info: info))
        #expect(near.isEmpty, "\(file) \(kind.rawValue): \(near.prefix(5))")
    }

    @Test func thePacketKeepsClearOfTheEdges() throws {
        let file = Self.root.appendingPathComponent("samples/meetings/mihon-progress-review.yaml")
        let meeting = try #require(MeetingLoader().load(contentsOf: file, displayName: file.lastPathComponent).meeting)
        let laid = try PacketBuilder(renderer: Self.renderer, jobs: 1).layOut(meeting, meetingFile: file.lastPathComponent)
        let document = try #require(laid.document)
        let near = Self.tooNear(document)
        #expect(near.isEmpty, "\(near.prefix(5))")
    }
}
