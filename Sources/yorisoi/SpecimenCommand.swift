import ArgumentParser
import YorisoiPDF
import YorisoiPipeline

struct SpecimenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specimen",
        abstract: "Sets the typesetting specimen page (JLREQ, 均等割り, rare names, 和暦).")

    @Option(name: .shortAndLong, help: "Output PDF path, or - for standard output.")
    var output: String = "out/specimen.pdf"

    func run() throws {
        try runReportingErrors(doing: "rendering the specimen") {
            let resources = try Resources.load()
            let pdf = try Specimen(fonts: resources.fonts).document().write()
            try AtomicFile.writeOrStream(pdf, to: output)
        }
    }
}
