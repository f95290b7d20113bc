import ArgumentParser
import Foundation
import Yorisoi

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

    @Option(name: .customLong("family-copy"),
            help: "A family copy: every label also in やさしい日本語 and in this language (en, pt, vi, zh-Hans; docs/family-copy.md).")
    var familyCopy: String?

    @Flag(help: "Ruby (ふりがな) over the kanji of every text, not only a こども版's (docs/ruby.md).")
    var ruby = false

    @Flag(name: .customLong("no-ruby"), help: "No ruby at all, a こども版 included.")
    var noRuby = false

    @Option(name: .customLong("ruby-grade"),
            help: "The school grade (0–6) whose kanji the reader knows; ruby goes over every other kanji. Default: the profile's ruby_grade, else 0 (every kanji).")
    var rubyGrade: Int?

    @Option(help: "Seconds the render may take; past it the render is stopped, nothing is written and E037 says why (exit 1).")
    var timeout: Double = RenderBudget.defaultSeconds

    /// A usage error (exit 2) before anything is read.
    func validate() throws {
        if merge && kind != DocumentKind.assessment.rawValue {
            throw ValidationError("--merge combines アセスメントシート; it needs --kind assessment")
        }
        if ruby && noRuby { throw ValidationError("--ruby and --no-ruby contradict each other; give one") }
        if let rubyGrade, !RubyOption.grades.contains(rubyGrade) {
            throw ValidationError("--ruby-grade must be a school grade from \(RubyOption.grades.lowerBound) to \(RubyOption.grades.upperBound)")
        }
        guard RenderBudget.duration(seconds: timeout) != nil else {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
    }

    func run() throws {
        try runReportingErrors(doing: "rendering \(caseFile)") {
            let documentKind = try documentKind(kind)
            let inputs = [caseFile] + (template.map { [$0] } ?? [])
            // Before any work, and again at the write (the file may appear meanwhile).
            try OutputFile.refuseIfInput(output, inputs: inputs)
            let engine = try YorisoiEngine(resources: .locate())
            let input: CaseInput = caseFile == "-" ? .standardInput : .file(URL(fileURLWithPath: caseFile), displayName: caseFile)
            // --merge picks the consolidated-sheet template unless --template names one.
            let choice: TemplateChoice = template.map { .file(URL(fileURLWithPath: $0)) } ?? (merge ? .mergedAssessment : .municipality)
            let report = try engine.render(input, kind: documentKind, municipality: municipality, template: choice,
                                       timeBudget: RenderBudget.duration(seconds: timeout), familyCopy: familyCopy,
                                       ruby: RubyOption(mode: noRuby ? .off : ruby ? .on : .template, grade: rubyGrade))
            let lines = DiagnosticReport(files: [.init(file: caseFile, diagnostics: report.diagnostics)])
            printReport(lines)
            if report.hasConfigurationProblems { throw ExitCode(2) }
            guard let pdf = report.pdf, report.ok else { throw ExitCode(1) }
            try OutputFile.write(pdf, to: output, inputs: inputs)
        }
    }
}
