import ArgumentParser
import Foundation
import Yorisoi

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measures throughput (build with -c release): the specimen on one core, or a batch on all cores.",
        discussion: """
        yorisoi bench [--count N]                  the specimen rendered N times on one core
        yorisoi bench batch --count N [--jobs J]   N generated support plans through the batch path
        yorisoi bench packet --count N [--jobs J]  one meeting packet of N generated support plans
        yorisoi bench pathological                 shaping and line breaking of 5k–50k-mark clusters and a 1 MB paragraph
        Run the batch benchmark with --count 100 and --count 2000 to compare peak RSS (the batch streams).
        """)

    @Argument(help: "specimen (default), batch, packet or pathological.")
    var what: String = "specimen"

    @Option(name: .shortAndLong, help: "How many documents to render.")
    var count: Int = 500

    @Option(help: "For batch and packet: worker threads (default: the number of active cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .shortAndLong, help: "Folder for the benchmark's files (only its own files there are replaced).")
    var output: String = "out/bench"

    func run() throws {
        try runReportingErrors(doing: "running the benchmark") {
            guard count > 0 else { throw YorisoiError.usage("--count must be at least 1") }
            guard jobs > 0 else { throw YorisoiError.usage("--jobs must be at least 1") }
            let resources = try YorisoiResources.locate()
            let folder = URL(fileURLWithPath: output)
            switch what {
            case "specimen":
                print(try YorisoiEngine.benchmarkSpecimen(resources: resources, count: count, folder: folder))
            case "batch":
                let engine = try YorisoiEngine(resources: resources)
                print(try engine.benchmarkBatch(count: count, jobs: jobs, folder: folder))
            case "packet":
                let engine = try YorisoiEngine(resources: resources)
                let report = try engine.benchmarkPacket(count: count, jobs: jobs, folder: folder)
                print(String(format: "%@ — one PDF of %.2f MB", report.description, Double(report.bytes) / 1_048_576))
            case "pathological":
                _ = try YorisoiEngine.benchmarkPathological(resources: resources) { line in
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
            default:
                throw YorisoiError.usage("unknown benchmark '\(what)'; use specimen, batch, packet or pathological")
            }
            // Which malloc served the run: a benchmark compared across builds says what it ran on.
            print("allocator: \(MemoryTuning.allocator)")
        }
    }
}
