import Foundation
import FuzzSupport
import YorisoiCase
import YorisoiTemplates

// scripts/fuzz template: input starting with "<" is a template file, loaded with the repository's
// schema (safe XML parse, RELAX NG, model, expressions); anything else is a template expression
// and a `{{ }}` text, parsed and evaluated against a small case.

/// The repository's Templates folder (the schema, and the targets of `extends`).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")
let loader = try! TemplateLoader(templatesRoot: root)
/// Outside the Templates folder, as `render --template` reads one; one file per process.
let file = FileManager.default.temporaryDirectory
    .appendingPathComponent("yorisoi-fuzz-template-\(ProcessInfo.processInfo.processIdentifier).xml")
let scope: EvaluationScope = {
    let yaml = "id: F-1\nchild: {name: 例野 ひなた, birthdate: 2019-05-03}\nplan: {supports: [{service: 訪問}, {service: 相談}], review: 2025-04}\n"
    let tree = CaseLoader().load(data: Data(yaml.utf8), format: .yaml, displayName: "scope.yaml").first?.root
    return EvaluationScope(case: tree ?? CaseNode(.null))
}()

LibFuzzer.run { bytes in
    if bytes.first == UInt8(ascii: "<") {
        guard (try? Data(bytes).write(to: file)) != nil else { return }
        _ = try? loader.load(file)
    } else {
        let text = String(decoding: bytes, as: UTF8.self)
        if let expression = try? ExpressionParser.parse(text, at: .file("fuzz")) { _ = try? scope.evaluate(expression) }
        if let interpolation = try? InterpolationParser.parse(text, at: .file("fuzz")) { _ = try? scope.render(interpolation) }
        _ = try? ExpressionParser.parseLoopHeader(text, at: .file("fuzz"))
    }
}
