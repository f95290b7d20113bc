import Foundation
import Testing
import TestSupport
import YorisoiCase
@testable import YorisoiTemplates

/// Replays every input the template fuzz target once choked on (Tests/Fixtures/fuzz-regressions/
/// template, written by scripts/fuzz) through the same calls as the target: a template file when
/// it starts with "<", else an expression. Each must end in a template or a value, not a crash.
@Suite struct TemplateFuzzRegressionTests {
    @Test func everyKeptInputIsRefusedOrLoadedWithoutCrashing() throws {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions/template")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(names.contains("probe-4000-parentheses"))
        let loader = try TemplateLoader(templatesRoot: TestPaths.repositoryRoot.appendingPathComponent("Templates"))
        let scratch = try TestPaths.makeTemporaryDirectory("fuzz-template")
        let scope = EvaluationScope(case: CaseNode(.null))
        for name in names {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
            if bytes.first == UInt8(ascii: "<") {
                let file = scratch.appendingPathComponent("t.xml")
                try Data(bytes).write(to: file)
                _ = try? loader.load(file)
            } else {
                let text = String(decoding: bytes, as: UTF8.self)
                if let expression = try? ExpressionParser.parse(text, at: .file("fuzz")) { _ = try? scope.evaluate(expression) }
                if let interpolation = try? InterpolationParser.parse(text, at: .file("fuzz")) { _ = try? scope.render(interpolation) }
                _ = try? ExpressionParser.parseLoopHeader(text, at: .file("fuzz"))
            }
        }
    }
}
