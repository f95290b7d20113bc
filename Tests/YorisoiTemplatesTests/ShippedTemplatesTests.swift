import Foundation
import Testing
@testable import YorisoiTemplates

@Suite struct ShippedTemplatesTests {
    @Test func nationalTemplateLoads() throws {
        let loader = try Fixtures.loader()
        let template = try loader.load(Fixtures.templatesRoot.appendingPathComponent("national/support-plan.xml"))
        #expect(template.kind == "support-plan")
        #expect(template.page.size == .a4)
        #expect(template.page.orientation == .portrait)
        #expect(!template.body.isEmpty)
    }
}
