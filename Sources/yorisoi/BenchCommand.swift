import ArgumentParser
import Foundation
import YorisoiPipeline

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measures throughput (build with -c release): the specimen rendered N times on one core.")

    @Option(name: .shortAndLong, help: "How many specimen PDFs to render.")
    var count: Int = 500

    @Option(name: .shortAndLong, help: "Folder for the benchmark's PDFs (emptied first).")
    var output: String = "out/bench"

    func run() throws {
        try runReportingErrors(doing: "running the benchmark") {
            guard count > 0 else { throw PipelineError.configuration("--count must be at least 1") }
            let resources = try Resources.load()
            let folder = URL(fileURLWithPath: output)
            try? FileManager.default.removeItem(at: folder)
            let report = try Benchmark.specimen(count: count, fonts: resources.fonts, folder: folder)
            print(report)
        }
    }
}
