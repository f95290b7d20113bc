import ArgumentParser
import Foundation
import YorisoiCase
import YorisoiPipeline

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Renders one case file into one PDF (validating it first; on any error no file is written).")

    @Argument(help: "The case file (YAML or JSON), or - for standard input.")
    var caseFile: String

    @Option(help: "Document kind: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String

    @Option(help: "Municipality code (6 digits); default: the case file's `municipality`.")
    var municipality: String?

    @Option(help: "A template file to use instead of the municipality's own.")
    var template: String?

    @Option(name: .shortAndLong, help: "Output PDF path, or - for standard output.")
    var output: String

    @Flag(help: "With --kind assessment: every agency's sheet for the child combined into one, with who answered what; answers that differ are marked 相違.")
    var merge = false

    /// A usage error (exit 2) before anything is read.
    func validate() throws {
        if merge && kind != DocumentKind.assessment.rawValue {
            throw ValidationError("--merge combines アセスメントシート; it needs --kind assessment")
        }
    }

    func run() throws {
        try runReportingErrors(doing: "rendering \(caseFile)") {
            guard let documentKind = DocumentKind(rawValue: kind) else {
                throw PipelineError.configuration("unknown kind '\(kind)'; use one of: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let resources = try Resources.load()
            let renderer = try Renderer(locator: resources.locator, fonts: resources.fonts)
            let loader = CaseLoader()
            let loaded = caseFile == "-" ? loader.loadStandardInput()
                : loader.load(contentsOf: URL(fileURLWithPath: caseFile), displayName: caseFile)
            guard loaded.count == 1, let single = loaded.first else {
                throw PipelineError.invalidInput("\(caseFile): render takes one case; use batch for JSON Lines")
            }
            // --merge picks the consolidated-sheet template unless --template names one.
            var templateFile = template.map { URL(fileURLWithPath: $0) }
            if merge && templateFile == nil {
                templateFile = try renderer.mergedAssessmentTemplate(municipality: municipality ?? single.typed?.municipality)
            }
            let outcome = try renderer.render(single, kind: documentKind, municipality: municipality,
                                              templateFile: templateFile)
            let report = DiagnosticReport(files: [.init(file: caseFile, diagnostics: outcome.diagnostics)])
            for line in report.textLines() { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            if report.hasConfigurationProblems { throw ExitCode(2) }
            guard let pdf = outcome.pdf, !outcome.hasErrors else { throw ExitCode(1) }
            try AtomicFile.writeOrStream(pdf, to: output, inputs: [caseFile] + (template.map { [$0] } ?? []))
        }
    }
}
