import Foundation
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

/// `JSONText.quoted` escapes byte by byte; what it writes must be what escaping scalar by scalar
/// wrote (the reference below), and must read back as the text through a JSON parser.
@Suite struct JSONTextTests {
    static func reference(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func quotingMatchesTheScalarByScalarReference() throws {
        let pieces = ["", "a", "\"", "\\", "\n", "\r\n", "\t", "\u{0}", "\u{1f}", "\u{7f}", "氏名", "𠮷", "葛\u{E0100}",
                      "é", "👨‍👩‍👧", "\u{2028}", "/", "</script>", "ｱ", "\u{FEFF}"]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces
        for _ in 0..<2_000 {
            texts.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for text in texts {
            let quoted = JSONText.quoted(text)
            #expect(quoted == Self.reference(text), "\(Array(text.unicodeScalars.map(\.value)))")
            // (Foundation's parser drops a U+FEFF wherever it stands, so those texts are only
            // compared with the reference.)
            guard !text.unicodeScalars.contains("\u{FEFF}") else { continue }
            let back = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: [.fragmentsAllowed]) as? String
            #expect(back == text, "\(Array(text.unicodeScalars.map(\.value)))")
        }
    }
}
