import ArgumentParser
import Foundation
import Yorisoi

struct PacketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packet",
        abstract: "Builds a meeting packet: cover and agenda, 進行管理表, then each case's documents, in one PDF.",
        discussion: """
            Cases without recorded consent are listed on the cover and left out of a 合同ケース会議 or \
            個別ケース検討会議 (unless the meeting file says include_unconsented: true at a council \
            meeting) and printed at a 実務者会議 or 進行管理会議. A case that cannot be rendered is listed on the cover \
            and the command exits 1, but the packet is still written for the meeting.
            """)

    @Argument(help: "The meeting file (YAML).")
    var meetingFile: String

    @Option(name: .shortAndLong, help: "Output PDF path, or - for standard output.")
    var output: String

    @Option(help: "Number of numbered copies (配布番号 k / N), all in one PDF.")
    var copies: Int = 1

    @Option(help: "Documents laid out at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Seconds the packet may take; past it the work is stopped, nothing is written and E037 says why (exit 1).")
    var timeout: Double = PacketCommand.defaultTimeout

    /// Ten times a single render's: a packet of 200 cases takes a few seconds.
    static let defaultTimeout = 10 * RenderBudget.defaultSeconds

    func validate() throws {
        guard (1...200).contains(copies) else { throw ValidationError("--copies must be between 1 and 200") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard RenderBudget.duration(seconds: timeout) != nil else {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
    }

    func run() throws {
        try runReportingErrors(doing: "building the packet for \(meetingFile)") {
            let meeting = PreparedMeeting(.file(URL(fileURLWithPath: meetingFile), displayName: meetingFile))
            guard meeting.isValid else {
                let report = DiagnosticReport(files: [.init(file: meetingFile, diagnostics: meeting.diagnostics)])
                for line in report.textLines() { printError(line) }
                throw ExitCode(report.hasConfigurationProblems ? 2 : 1)
            }
            // Before any work: the packet must not land on the meeting file or a case it lists.
            try OutputFile.refuseIfInput(output, inputs: [meetingFile] + meeting.filesRead)
            let engine = try YorisoiEngine(resources: .locate())
            let outcome = try engine.packet(meeting, copies: copies, jobs: jobs,
                                          timeBudget: RenderBudget.duration(seconds: timeout))
            let report = DiagnosticReport(files: outcome.files)
            printReport(report)
            guard let pdf = outcome.pdf else { throw ExitCode(report.hasConfigurationProblems ? 2 : 1) }
            try OutputFile.write(pdf, to: output, inputs: [meetingFile] + meeting.filesRead)
            printError("\(outcome.includedCases) cases, \(outcome.pagesPerCopy) pages"
                       + (copies > 1 ? " × \(copies) copies" : "")
                       + (outcome.leftOutCases > 0 ? ", \(outcome.leftOutCases) left out (no consent)" : ""))
            if outcome.hasErrors { throw ExitCode(1) }
        }
    }
}
