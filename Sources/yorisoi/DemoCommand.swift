import ArgumentParser
import Foundation
import Yorisoi

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Renders the specimen, every sample case in samples/cases and every meeting in samples/meetings into a folder.")

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "out"

    func run() throws {
        try runReportingErrors(doing: "rendering the demo") {
            let resources = try YorisoiResources.locate()
            let folder = URL(fileURLWithPath: output)
            let specimen = folder.appendingPathComponent("specimen.pdf")
            try OutputFile.write(YorisoiEngine.specimen(resources: resources), to: specimen)
            print(specimen.path)

            let engine = try YorisoiEngine(resources: resources)
            let samples = resources.samples.appendingPathComponent("cases")
            let files = try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
                .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            var failures = 0
            for file in files {
                // Every kind the municipality has a template for and the sample is meant for.
                guard let documents = try engine.sampleDocuments(file) else {
                    printError("\(file.lastPathComponent): skipped (no municipality with templates)")
                    continue
                }
                for document in documents {
                    let outcome = try engine.render(.file(file, displayName: file.lastPathComponent), kind: document.kind,
                                                    template: document.template)
                    let name = "\(file.deletingPathExtension().lastPathComponent)-\(document.name).pdf"
                    guard let pdf = outcome.pdf else {
                        failures += 1
                        let report = DiagnosticReport(files: [.init(file: file.lastPathComponent, diagnostics: outcome.diagnostics)])
                        for line in report.textLines() { printError(line) }
                        continue
                    }
                    let destination = folder.appendingPathComponent(name)
                    try OutputFile.write(pdf, to: destination)
                    print("\(destination.path)  (\(outcome.pageCount) pages)")
                }
            }
            failures += try renderMeetings(in: resources.samples.appendingPathComponent("meetings"), engine: engine, into: folder)
            if failures > 0 { throw ExitCode(1) }
        }
    }

    /// Every meeting file in `samples/meetings/` as a packet, `packet-<name>.pdf`.
    func renderMeetings(in meetings: URL, engine: YorisoiEngine, into folder: URL) throws -> Int {
        let files = ((try? FileManager.default.contentsOfDirectory(at: meetings, includingPropertiesForKeys: nil)) ?? [])
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var failures = 0
        for file in files {
            let meeting = PreparedMeeting(.file(file, displayName: file.lastPathComponent))
            guard meeting.isValid else {
                failures += 1
                for line in DiagnosticReport(files: [.init(file: file.lastPathComponent, diagnostics: meeting.diagnostics)]).textLines() {
                    printError(line)
                }
                continue
            }
            let outcome = try engine.packet(meeting)
            guard let pdf = outcome.pdf, !outcome.hasErrors else {
                failures += 1
                for line in DiagnosticReport(files: outcome.files).textLines() { printError(line) }
                continue
            }
            let destination = folder.appendingPathComponent("packet-\(file.deletingPathExtension().lastPathComponent).pdf")
            try OutputFile.write(pdf, to: destination)
            print("\(destination.path)  (\(outcome.pagesPerCopy) pages)")
        }
        return failures
    }
}
