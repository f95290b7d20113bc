import Foundation
import Testing
import TestSupport
import YorisoiCase
import YorisoiValidation

/// Every file in Tests/Fixtures/invalid with the one finding it exists to provoke. For an error,
/// it must be the only error (a fixture that trips several rules tests none of them well).
@Suite struct InvalidFixtureTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var file: String
        var kind: DocumentKind
        var code: DiagnosticCode
        var path: String
        var line: Int
        var description: String { file }
    }

    static let table: [Expectation] = [
        // サポートプラン: mandatory items
        .init(file: "plan-intent-blank.yaml", kind: .supportPlan, code: .e101, path: "/plan/intent", line: 17),
        .init(file: "plan-issues-empty.yaml", kind: .supportPlan, code: .e102, path: "/plan/issues", line: 20),
        .init(file: "plan-supports-missing.yaml", kind: .supportPlan, code: .e103, path: "/plan/supports", line: 14),
        .init(file: "plan-support-without-service.yaml", kind: .supportPlan, code: .e104, path: "/plan/supports/0/service", line: 23),
        .init(file: "plan-support-without-content.yaml", kind: .supportPlan, code: .e105, path: "/plan/supports/0/content", line: 24),
        .init(file: "plan-issue-without-text.yaml", kind: .supportPlanChild, code: .e106, path: "/plan/issues/0/text", line: 21),
        // Dates
        .init(file: "review-before-created.yaml", kind: .supportPlan, code: .e201, path: "/plan/review", line: 28),
        .init(file: "birthdate-after-created.yaml", kind: .supportPlan, code: .e202, path: "/child/birthdate", line: 8),
        .init(file: "goal-period-reversed.yaml", kind: .supportPlan, code: .e207, path: "/plan/goals/short/from", line: 29),
        .init(file: "date-not-real.yaml", kind: .supportPlan, code: .e021, path: "/created", line: 5),
        .init(file: "date-month-only-where-day-needed.yaml", kind: .supportPlan, code: .e021, path: "/created", line: 5),
        .init(file: "jsonl-bad-date-on-line-3.jsonl", kind: .supportPlan, code: .e021, path: "/created", line: 3),
        // Municipality and identity
        .init(file: "municipality-check-digit.yaml", kind: .supportPlan, code: .e205, path: "/municipality", line: 3),
        .init(file: "municipality-five-digits.yaml", kind: .supportPlan, code: .e204, path: "/municipality", line: 3),
        .init(file: "municipality-without-profile.yaml", kind: .supportPlan, code: .e206, path: "/municipality", line: 3),
        .init(file: "municipality-missing.yaml", kind: .supportPlan, code: .e203, path: "/municipality", line: 1),
        .init(file: "id-missing.yaml", kind: .supportPlan, code: .e025, path: "/id", line: 1),
        .init(file: "id-not-a-file-name.yaml", kind: .supportPlan, code: .e026, path: "/id", line: 2),
        // Structure
        .init(file: "duplicate-key.yaml", kind: .supportPlan, code: .e008, path: "/child/name", line: 9),
        .init(file: "json-duplicate-key.json", kind: .assessment, code: .e008, path: "/id", line: 5),
        .init(file: "unknown-key.yaml", kind: .supportPlan, code: .w020, path: "/child/~unknown1", line: 8),
        .init(file: "satisfaction-out-of-range.yaml", kind: .supportPlan, code: .e022, path: "/plan/satisfaction", line: 28),
        .init(file: "category-unknown.yaml", kind: .supportPlan, code: .e023, path: "/category", line: 4),
        .init(file: "version-unsupported.yaml", kind: .supportPlan, code: .e024, path: "/version", line: 1),
        .init(file: "wrong-type.yaml", kind: .supportPlan, code: .e020, path: "/guardians", line: 10),
        // Syntax and encoding
        .init(file: "yaml-syntax-error.yaml", kind: .supportPlan, code: .e004, path: "", line: 17),
        .init(file: "json-syntax-error.json", kind: .supportPlan, code: .e004, path: "", line: 4),
        .init(file: "top-level-list.yaml", kind: .supportPlan, code: .e009, path: "", line: 1),
        .init(file: "two-documents.yaml", kind: .supportPlan, code: .e010, path: "", line: 30),
        .init(file: "empty.yaml", kind: .supportPlan, code: .e007, path: "", line: 1),
        .init(file: "not-utf8.yaml", kind: .supportPlan, code: .e003, path: "", line: 4),
        // Glyphs
        .init(file: "private-use-character.yaml", kind: .supportPlan, code: .e402, path: "/child/name", line: 7),
        // 利用勧奨
        .init(file: "recommendation-missing.yaml", kind: .recommendation, code: .e301, path: "/recommendation", line: 1),
        .init(file: "recommendation-without-reason.yaml", kind: .recommendation, code: .e307, path: "/recommendation/reason", line: 8),
        .init(file: "recommendation-addressee-unknown.yaml", kind: .recommendation, code: .e303, path: "/recommendation/addressee", line: 10),
        .init(file: "recommendation-service-outside-catalogue.yaml", kind: .recommendation, code: .w301,
              path: "/recommendation/services/0/service", line: 12),
        // 措置
        .init(file: "measure-without-recommendation.yaml", kind: .measure, code: .e312, path: "/recommendation", line: 1),
        .init(file: "measure-before-recommendation.yaml", kind: .measure, code: .e313, path: "/measure/date", line: 16),
        .init(file: "measure-without-difficulty.yaml", kind: .measure, code: .e314, path: "/measure/difficulty", line: 15),
        .init(file: "measure-period-reversed.yaml", kind: .measure, code: .e317, path: "/measure/services/0/from", line: 21),
        .init(file: "measure-period-missing.yaml", kind: .measure, code: .e316, path: "/measure/services/0/to", line: 19),
        // アセスメントシート
        .init(file: "assessment-without-sheets.yaml", kind: .assessment, code: .e601, path: "/assessment/sheets", line: 9),
        .init(file: "assessment-sheet-without-agency.yaml", kind: .assessment, code: .e602, path: "/assessment/sheets/0/agency", line: 10),
    ]

    static let folder = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/invalid")

    @Test(arguments: table)
    func fixtureGivesItsDiagnostic(_ expectation: Expectation) throws {
        let templates = try TemporaryTemplates.make()
        defer { try? FileManager.default.removeItem(at: templates) }
        let context = ValidationContext(municipalities: TemplatesFolder(root: templates))
        let diagnostics = Validate.file(Self.folder.appendingPathComponent(expectation.file), kind: expectation.kind, context: context)
        let found = diagnostics.contains {
            $0.code == expectation.code && $0.path == expectation.path && $0.line == expectation.line
        }
        let summary = diagnostics.map { "\($0.code.rawValue) \($0.path) @\($0.line):\($0.column)" }
        #expect(found, "\(expectation.file): \(summary)")
        let otherErrors = diagnostics.filter { $0.isError && $0.code != expectation.code }
        #expect(otherErrors.isEmpty, "\(expectation.file): unexpected \(summary)")
        if expectation.code.severity == .warning {
            #expect(!diagnostics.hasErrors, "\(expectation.file): \(summary)")
        }
    }

    @Test func tableHasEnoughFixturesAndCoversTheFolder() throws {
        #expect(Self.table.count >= 20)
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: Self.folder.path))
        #expect(files == Set(Self.table.map(\.file)))
    }

    @Test func messagesNeverEchoFamilyData() throws {
        let templates = try TemporaryTemplates.make()
        defer { try? FileManager.default.removeItem(at: templates) }
        let context = ValidationContext(municipalities: TemplatesFolder(root: templates))
        for expectation in Self.table {
            for diagnostic in Validate.file(Self.folder.appendingPathComponent(expectation.file), kind: expectation.kind, context: context) {
                for secret in ["例野", "ひなた", "さくら", "架空", "登園", "準備", "あかり", "申請が困難"] {
                    #expect(!diagnostic.message.contains(secret) && !diagnostic.messageEN.contains(secret),
                            "\(expectation.file) \(diagnostic.code.rawValue)")
                }
            }
        }
    }
}
