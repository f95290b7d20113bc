import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiValidation

/// Replays every input a case-loader fuzz target once choked on (Tests/Fixtures/fuzz-regressions,
/// written by scripts/fuzz) through the same calls as the target: a crash ends the test run.
@Suite struct CaseFuzzRegressionTests {
    static func inputs(_ target: String) -> [URL] {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions/\(target)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: ["case-yaml", "case-json"])
    func yamlAndJSONInputsLoadAndValidate(target: String) throws {
        for input in Self.inputs(target) {
            let data = try Data(contentsOf: input)
            let loaded = CaseLoader().load(data: data, format: target == "case-yaml" ? .yaml : .json, displayName: "fuzz")
            #expect(loaded.count == 1)
            for single in loaded {
                for kind in DocumentKind.allCases { _ = Validator().validate(single, kind: kind, context: ValidationContext()) }
            }
        }
    }

    @Test func jsonLinesInputsLoad() throws {
        for input in Self.inputs("case-jsonl") {
            var reader = JSONLinesCaseReader(bytes: Array(try Data(contentsOf: input)), displayName: "fuzz.jsonl")
            while let line = reader.nextLine() { _ = reader.load(line) }
        }
    }

    @Test func csvInputsLoad() throws {
        for input in Self.inputs("case-csv") {
            var reader = CSVCaseReader(bytes: Array(try Data(contentsOf: input)), displayName: "fuzz.csv")
            while let item = reader.nextItem() {
                if case .row(let row) = item { _ = reader.load(row) }
            }
        }
    }
}
