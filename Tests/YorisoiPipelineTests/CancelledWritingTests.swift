import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiDisplayList
@testable import YorisoiPipeline
import YorisoiText

/// A render cancelled while its file is being written is the render's own cancellation
/// (`RenderCancelled`: E037 under a time budget, the slot freed on the server), not a PDF
/// failure (P001): the writer checks the cancellation between pages since issue #24.
@Suite struct CancelledWritingTests {
    @Test func aCancellationSeenByTheWriterIsTheRendersOwn() throws {
        let sample = TestPaths.repositoryRoot.appendingPathComponent("samples/cases/sodegaura-support-plan.yaml")
        let loaded = try #require(CaseLoader().load(data: try Data(contentsOf: sample), format: .yaml,
                                                    displayName: "case.yaml").first)
        let laid = try GoldenLayoutTests.renderer.layOut(loaded, kind: .supportPlan)
        let document = try #require(laid.layout).pdfDocument(info: try #require(laid.info))
        let cancellation = RenderCancellation()
        cancellation.cancel()
        #expect(throws: RenderCancelled.self) {
            try RenderCancellation.$current.withValue(cancellation) { try Renderer.write(document) }
        }
        #expect(try Renderer.write(document).bytes.starts(with: Array("%PDF-".utf8)))
    }
}
