import ArgumentParser
import Yorisoi

struct SpecimenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "specimen",
        abstract: "Sets the typesetting specimen page (JLREQ, 均等割り, rare names, 和暦).")

    @Option(name: .shortAndLong, help: "Output PDF path, or - for standard output.")
    var output: String = "out/specimen.pdf"

    func run() throws {
        try runReportingErrors(doing: "rendering the specimen") {
            let pdf = try YorisoiEngine.specimen(resources: .locate())
            try OutputFile.write(pdf, to: output)
        }
    }
}
