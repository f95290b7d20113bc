import Testing
import YorisoiCase

@Suite struct DiagnosticReportTests {
    let report = DiagnosticReport(files: [
        .init(file: "case.yaml", diagnostics: [
            Diagnostic(.e101, path: "/plan/intent", at: SourcePosition(line: 12, column: 3),
                       message: "意向（こども・保護者）が記載されていません", messageEN: "intent (child or guardian) is missing"),
        ]),
        .init(file: "ok \"quoted\".yaml", diagnostics: [
            Diagnostic(.w109, path: "/plan/review", at: nil, message: "見直し時期がありません", messageEN: "review date is missing"),
        ]),
    ])

    @Test func textFormIsOneLinePerDiagnostic() {
        #expect(report.textLines() == [
            "case.yaml:12:3: error E101 /plan/intent: 意向（こども・保護者）が記載されていません",
            "ok \"quoted\".yaml:1:1: warning W109 /plan/review: 見直し時期がありません",
        ])
    }

    @Test func jsonFormMatchesTheContract() {
        #expect(report.json() == """
        {"files": [{"file": "case.yaml", "ok": false, "diagnostics": [{"severity": "error", "code": "E101", \
        "path": "/plan/intent", "line": 12, "column": 3, "message": "意向（こども・保護者）が記載されていません", \
        "message_en": "intent (child or guardian) is missing"}]}, {"file": "ok \\"quoted\\".yaml", "ok": true, \
        "diagnostics": [{"severity": "warning", "code": "W109", "path": "/plan/review", "line": 1, "column": 1, \
        "message": "見直し時期がありません", "message_en": "review date is missing"}]}]}
        """)
        #expect(report.hasErrors && !report.hasConfigurationProblems)
    }

    @Test func jsonFormParsesBack() throws {
        let parsed = try #require(CaseLoader().load(data: .init(report.json().utf8), format: .json, displayName: "r").first?.root)
        #expect(parsed.resolve(pointer: "/files/0/diagnostics/0/message_en")?.value == .string("intent (child or guardian) is missing"))
        #expect(parsed.resolve(pointer: "/files/1/file")?.value == .string("ok \"quoted\".yaml"))
    }
}
