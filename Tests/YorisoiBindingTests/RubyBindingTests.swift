import Foundation
import Testing
import TestSupport
import YorisoiBinding
import YorisoiCase
import YorisoiLayout
import YorisoiTemplates
import YorisoiText

/// A template asks for ruby with `ruby="true"` and keeps it off with `ruby="false"`, inherited
/// like the font (docs/ruby.md); `render --ruby` turns it on wherever the template says nothing.
@Suite struct RubyBindingTests {
    static let root = DocumentBinderTests.root
    static let request = RubyRequest(known: [], grade: 0)

    /// Each paragraph's spans: whether each carries the ruby request.
    func bound(_ body: String, rootAttribute: String = "", scope: RubyPlan.Scope) throws -> [[Bool]] {
        let folder = try TestPaths.makeTemporaryDirectory("ruby-template")
        let file = folder.appendingPathComponent("t.xml")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <template kind="explanation" title="試験"\(rootAttribute)>
          <block name="a">\(body)</block>
        </template>
        """.write(to: file, atomically: true, encoding: .utf8)
        let template = try TemplateLoader(templatesRoot: Self.root.appendingPathComponent("Templates")).load(file)
        let profile = try DocumentBinderTests.library.template(municipality: "990019", kind: "support-plan").profile
        let resolved = ResolvedTemplate(template: template, profile: profile)
        let caseFile = Self.root.appendingPathComponent("samples/cases/mihon-explanation.yaml")
        let caseRoot = try #require(CaseLoader().load(contentsOf: caseFile).first?.root)
        let document = try DocumentBinder(fonts: DocumentBinderTests.fonts, template: template, defaults: DocumentBinderTests.shipped,
                                          ruby: RubyPlan(scope: scope, request: Self.request))
            .bind(scope: resolved.scope(for: caseRoot))
        func paragraphs(_ blocks: [Block]) -> [ParagraphBlock] {
            blocks.flatMap { block -> [ParagraphBlock] in
                switch block {
                case .paragraph(let paragraph): return [paragraph]
                case .group(let group): return paragraphs(group.blocks)
                default: return []
                }
            }
        }
        return paragraphs(document.body).map { paragraph in
            paragraph.content.compactMap { inline -> Bool? in
                if case .text(let span) = inline { return span.style.ruby === Self.request } else { return nil }
            }
        }
    }

    @Test func theTemplateSaysWhereAndInsideItCanSayNo() throws {
        let body = """
          <text>学校</text><text ruby="false">学校</text><text ruby="false">学校<span ruby="true">学校</span></text>
        """
        let found = try bound(body, rootAttribute: " ruby=\"true\"", scope: .template)
        #expect(found == [[true], [false], [false, true]], "\(found)")
        // Without the attribute only what asks has it.
        #expect(try bound(body, scope: .template) == [[false], [false], [false, true]])
        // --ruby: everywhere but where the template says false.
        #expect(try bound(body, scope: .everywhere) == [[true], [false], [false, true]])
    }
}
