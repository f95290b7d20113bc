import Foundation
import Testing
import TestSupport
import YorisoiCase

/// docs/diagnostic-codes.md is the published code list: it must name every code exactly once,
/// with the right severity, and nothing else.
@Suite struct DiagnosticCodeDocsTests {
    @Test func docsListEveryCodeWithItsSeverity() throws {
        let url = TestPaths.repositoryRoot.appendingPathComponent("docs/diagnostic-codes.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var documented: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| E") || line.hasPrefix("| W") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(documented[cells[0]] == nil, "\(cells[0]) documented twice")
            documented[cells[0]] = cells[1]
        }
        #expect(Set(documented.keys) == Set(DiagnosticCode.allCases.map(\.rawValue)))
        for code in DiagnosticCode.allCases {
            #expect(documented[code.rawValue]?.hasPrefix(code.severity.rawValue) == true, "\(code.rawValue)")
            #expect(documented[code.rawValue]?.contains("config") == code.isConfigurationProblem, "\(code.rawValue)")
        }
    }
}
