import Foundation
import Testing
import TestSupport

/// `yorisoi validate` with the real font chain: a character no font can draw is refused.
@Suite struct ValidateCommandTests {
    func validate(_ text: String, format: String = "json") throws -> ExternalTool.Result {
        let folder = try TestPaths.makeTemporaryDirectory()
        let file = folder.appendingPathComponent("case.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return try ExternalTool.run(TestPaths.yorisoiExecutable.path,
                                    ["validate", file.path, "--kind", "support-plan", "--format", format],
                                    currentDirectory: TestPaths.repositoryRoot)
    }

    var sample: String {
        get throws {
            try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("samples/cases/sodegaura-support-plan.yaml"),
                       encoding: .utf8)
        }
    }

    @Test func sampleWithRareButDrawableNamesIsClean() throws {
        // 𠮷 exists only in IPAmj明朝, the last font of the chain.
        let result = try validate(try sample.replacingOccurrences(of: "name: 例野 ひなた", with: "name: \u{20BB7}野 ひなた"))
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains(#""ok": true"#))
    }

    @Test func characterNoFontCanDrawIsAnErrorNamingFieldAndCodePoint() throws {
        let result = try validate(try sample.replacingOccurrences(of: "name: 例野 ひなた", with: "name: 例野 \u{1F9A9}なた"))
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""code": "E401""#))
        #expect(result.stdout.contains(#""path": "/child/name""#))
        #expect(result.stdout.contains("U+1F9A9"))
        #expect(!result.stdout.contains("なた"))   // the family's text is never echoed
    }

    @Test func privateUseCharacterGetsItsOwnCode() throws {
        let result = try validate(try sample.replacingOccurrences(of: "name: 例野 ひなた", with: "name: 例野 \u{E000}なた"),
                                  format: "text")
        #expect(result.status == 1)
        #expect(result.stderr.contains("E402 /child/name"))
    }
}
