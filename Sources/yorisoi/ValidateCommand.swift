import ArgumentParser
import Foundation
import Yorisoi

/// `yorisoi validate CASE... --kind KIND [--format text|json] [--templates DIR]`: the rules that
/// `render` applies, without rendering. Exit 0 clean (warnings allowed), 1 errors, 2 usage or
/// configuration (unknown kind or format, unreadable file, no profile for the municipality).
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Checks case files against a document kind's rules without rendering."
    )

    @Argument(help: "Case files (YAML, JSON or JSON Lines); '-' reads standard input.")
    var cases: [String]

    @Option(help: "support-plan, support-plan-child, assessment, recommendation or measure.")
    var kind: String

    @Option(help: "text (diagnostics on stderr) or json (a report on stdout).")
    var format: String = "text"

    @Option(help: "The Templates folder (default: Templates in the current directory or a parent).")
    var templates: String?

    func run() throws {
        guard let documentKind = DocumentKind(rawValue: kind) else {
            throw usage("unknown kind '\(kind)'; use one of: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard format == "text" || format == "json" else {
            throw usage("unknown format '\(format)'; use text or json")
        }
        let engine: YorisoiEngine
        do {
            engine = try YorisoiEngine(resources: .locate(templates: templates.map { URL(fileURLWithPath: $0, isDirectory: true) }))
        } catch {
            throw usage("\(error)")
        }

        // A JSON Lines file holds several cases; its diagnostics already carry their own lines.
        // Each case is checked with its own municipality's catalogue and the real font chain.
        var report = DiagnosticReport()
        for path in cases {
            let input: CaseInput = path == "-" ? .standardInput : .file(URL(fileURLWithPath: path), displayName: path)
            let checked: ValidationReport
            do { checked = try engine.validate(input, kind: documentKind) } catch {
                throw usage("\(error)")
            }
            report.files.append(DiagnosticReport.File(file: path, diagnostics: checked.diagnostics))
        }

        switch format {
        case "json":
            print(report.json())
        default:
            printReport(report)
        }
        if report.hasConfigurationProblems { throw ExitCode(2) }
        if report.hasErrors { throw ExitCode(1) }
    }

    private func usage(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("yorisoi validate: " + message + "\n").utf8))
        return ExitCode(2)
    }
}
