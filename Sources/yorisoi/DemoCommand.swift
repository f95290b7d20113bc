import ArgumentParser
import Foundation
import YorisoiCase
import YorisoiPDF
import YorisoiPipeline

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Renders the specimen, every sample case in samples/cases and every meeting in samples/meetings into a folder.")

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "out"

    func run() throws {
        try runReportingErrors(doing: "rendering the demo") {
            let resources = try Resources.load()
            let folder = URL(fileURLWithPath: output)
            let specimen = folder.appendingPathComponent("specimen.pdf")
            try AtomicFile.write(Specimen(fonts: resources.fonts).document().write(), to: specimen)
            print(specimen.path)

            let renderer = try Renderer(locator: resources.locator, fonts: resources.fonts)
            let samples = resources.locator.samples.appendingPathComponent("cases")
            let files = try FileManager.default.contentsOfDirectory(at: samples, includingPropertiesForKeys: nil)
                .filter { ["yaml", "yml", "json"].contains($0.pathExtension) }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            var failures = 0
            for file in files {
                guard let loaded = CaseLoader().load(contentsOf: file, displayName: file.lastPathComponent).first,
                      let code = loaded.typed?.municipality,
                      let entry = try? renderer.templates.municipality(code) else {
                    printError("\(file.lastPathComponent): skipped (no municipality with templates)")
                    continue
                }
                // Every kind the municipality has a template for and the sample is meant for.
                var documents = entry.kinds.compactMap { DocumentKind(rawValue: $0.kind) }
                    .filter { Self.sample(loaded, isFor: $0) }.map { (kind: $0, name: $0.rawValue, template: URL?.none) }
                // Several agencies' アセスメントシート: the 事務局's consolidated sheet as well.
                if (loaded.typed?.assessment?.sheets.count ?? 0) >= 2, documents.contains(where: { $0.kind == .assessment }) {
                    documents.append((.assessment, Renderer.mergedAssessmentKind, try renderer.mergedAssessmentTemplate(municipality: code)))
                }
                for document in documents {
                    let outcome = try renderer.render(loaded, kind: document.kind, templateFile: document.template)
                    let name = "\(file.deletingPathExtension().lastPathComponent)-\(document.name).pdf"
                    guard let pdf = outcome.pdf else {
                        failures += 1
                        let report = DiagnosticReport(files: [.init(file: file.lastPathComponent, diagnostics: outcome.diagnostics)])
                        for line in report.textLines() { printError(line) }
                        continue
                    }
                    let destination = folder.appendingPathComponent(name)
                    try AtomicFile.write(pdf, to: destination)
                    print("\(destination.path)  (\(outcome.pageCount) pages)")
                }
            }
            failures += try renderMeetings(in: resources.locator.samples.appendingPathComponent("meetings"), renderer: renderer, into: folder)
            if failures > 0 { throw ExitCode(1) }
        }
    }

    /// Every meeting file in `samples/meetings/` as a packet, `packet-<name>.pdf`.
    func renderMeetings(in meetings: URL, renderer: Renderer, into folder: URL) throws -> Int {
        let files = ((try? FileManager.default.contentsOfDirectory(at: meetings, includingPropertiesForKeys: nil)) ?? [])
            .filter { ["yaml", "yml"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        var failures = 0
        for file in files {
            let (meeting, findings) = MeetingLoader().load(contentsOf: file, displayName: file.lastPathComponent)
            guard let meeting else {
                failures += 1
                for line in DiagnosticReport(files: [.init(file: file.lastPathComponent, diagnostics: findings)]).textLines() {
                    printError(line)
                }
                continue
            }
            let outcome = try PacketBuilder(renderer: renderer).build(meeting, meetingFile: file.lastPathComponent)
            guard let pdf = outcome.pdf, !outcome.hasErrors else {
                failures += 1
                for line in DiagnosticReport(files: outcome.reports).textLines() { printError(line) }
                continue
            }
            let destination = folder.appendingPathComponent("packet-\(file.deletingPathExtension().lastPathComponent).pdf")
            try AtomicFile.write(pdf, to: destination)
            print("\(destination.path)  (\(outcome.pagesPerCopy) pages)")
        }
        return failures
    }

    /// A sample is rendered as a kind when it carries that kind's section.
    static func sample(_ loaded: LoadedCase, isFor kind: DocumentKind) -> Bool {
        guard let root = loaded.root else { return false }
        switch kind {
        case .supportPlan, .supportPlanChild: return root["plan"] != nil
        case .assessment: return root["assessment"] != nil
        case .recommendation: return root["recommendation"] != nil
        case .measure: return root["measure"] != nil
        }
    }
}
