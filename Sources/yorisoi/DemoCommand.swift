import ArgumentParser
import Foundation
import YorisoiPDF
import YorisoiPipeline

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Renders the specimen and every sample in samples/ into a folder.")

    @Option(name: .shortAndLong, help: "Output folder.")
    var output: String = "out"

    func run() throws {
        try runReportingErrors(doing: "rendering the demo") {
            let resources = try Resources.load()
            let folder = URL(fileURLWithPath: output)
            let specimen = folder.appendingPathComponent("specimen.pdf")
            try AtomicFile.write(Specimen(fonts: resources.fonts).document().write(), to: specimen)
            print(specimen.path)
        }
    }
}
