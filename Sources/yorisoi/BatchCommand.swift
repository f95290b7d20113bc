import ArgumentParser
import Foundation
import Yorisoi

/// `yorisoi batch INPUT --kind KIND -o OUTDIR [--jobs N]`: every case of a folder, a JSON Lines
/// file or a CSV file → `OUTDIR/<case id>.pdf` and `OUTDIR/manifest.json` (CONTRACT §1).
///
/// Exit 0 all written; 1 some case invalid or failed (the valid ones are still written); 2 usage
/// or configuration (unknown kind, unreadable INPUT or mapping, a broken template); 128 + signal
/// (130 SIGINT, 143 SIGTERM) when interrupted, after the manifest lists the unstarted cases as
/// not_done.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Renders every case of a folder, a .jsonl or a .csv file into OUTDIR, with a manifest.")

    @Argument(help: "A folder of case files (.yaml/.yml/.json, and .jsonl/.csv holding many), a .jsonl or a .csv file.")
    var input: String

    @Option(help: "Document kind: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: String

    @Option(name: .shortAndLong, help: "Output folder (created when missing).")
    var output: String

    @Option(help: "Cases rendered at once (default: the number of active cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "For CSV: a YAML file mapping column titles (児童氏名, 課題1, …) to case paths (child.name, plan.issues.0.text).")
    var mapping: String?

    @Option(help: "Municipality code for every case (default: each case's `municipality`).")
    var municipality: String?

    @Option(help: "A template file to use for every case instead of the municipality's own.")
    var template: String?

    @Option(help: "The Templates folder (default: Templates next to Fonts/).")
    var templates: String?

    @Option(help: "Seconds one case may take to render; past it the case is stopped and listed as failed (E037).")
    var caseTimeout: Double = 60

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func run() throws {
        var exitStatus: Int32 = 0
        try runReportingErrors(doing: "running the batch") {
            let documentKind = try documentKind(kind)
            guard jobs >= 1 else { throw YorisoiError.usage("--jobs must be at least 1") }
            guard caseTimeout > 0, caseTimeout.isFinite else { throw YorisoiError.usage("--case-timeout must be a positive number of seconds") }
            try OutputFile.refuseBatchOverInputs(outputFolder: output, inputs: [input] + [mapping, template].compactMap { $0 })
            let resources = try YorisoiResources.locate(templates: templates.map { URL(fileURLWithPath: $0, isDirectory: true) })
            let columns = mapping.map { URL(fileURLWithPath: $0) } ?? resources.defaultColumnMapping(for: documentKind)
            let batchInput = try PreparedBatchInput(path: input, mapping: columns)
            let engine = try YorisoiEngine(resources: resources)

            let stop = BatchStop()
            let trap = InterruptTrap(stop: stop) { signal in
                printError("中断します。作成中の PDF を書き終えてから manifest.json を書きます（もう一度で即時終了） (stopping after the cases in progress; signal \(signal))")
            }
            defer { trap.release() }
            let progress = quiet ? nil : BatchProgressDisplay()
            let manifest = try engine.batch(batchInput, kind: documentKind, output: URL(fileURLWithPath: output, isDirectory: true),
                                            jobs: jobs, municipality: municipality, template: template.map { URL(fileURLWithPath: $0) },
                                            caseTimeout: .milliseconds(Int64((caseTimeout * 1000).rounded(.up))),
                                            stop: stop,
                                            started: { progress?.start(total: $0) },
                                            finished: { progress?.caseFinished($0) })
            progress?.finish()
            exitStatus = report(manifest, stop: stop)
        }
        if exitStatus != 0 { throw ExitCode(exitStatus) }
    }

    /// One line per case that is not ok (source, id and codes only — the manifest has the
    /// messages; past the first 200, a count), a summary line, and the exit status.
    private func report(_ manifest: BatchManifest, stop: BatchStop) -> Int32 {
        for entry in manifest.problems {
            let codes = entry.diagnostics.filter(\.isError).map(\.code.rawValue)
            printError("\(entry.source): \(entry.status.rawValue) \(entry.id ?? "-") \(Array(Set(codes)).sorted().joined(separator: ","))")
        }
        let manifestPath = URL(fileURLWithPath: output).appendingPathComponent("manifest.json").path
        if manifest.problemsLeftOut > 0 {
            printError("… ほか \(manifest.problemsLeftOut) 件 (and \(manifest.problemsLeftOut) more not ok) — \(manifestPath)")
        }
        printError("\(manifest.count(.ok)) ok, \(manifest.count(.invalid)) invalid, \(manifest.count(.failed)) failed, "
                   + "\(manifest.count(.notDone)) not done — \(manifestPath)")
        if stop.isRequested { return 128 + stop.signalNumber }
        if manifest.hasConfigurationProblem { return 2 }
        return manifest.allOK ? 0 : 1
    }
}
