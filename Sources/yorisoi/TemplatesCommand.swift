import ArgumentParser
import Foundation
import YorisoiPipeline
import YorisoiTemplates

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Lists the municipalities and the document kinds each one has.")

    func run() throws {
        try runReportingErrors(doing: "listing templates") {
            let locator = try ResourceLocator.discover()
            let library: TemplateLibrary
            do { library = try TemplateLibrary(root: locator.templates) } catch {
                throw PipelineError.configuration("\(error)")
            }
            for entry in library.municipalities {
                let kinds = entry.kinds.map { "\($0.kind)（\($0.source == .municipality ? "独自様式" : "国の様式例")）" }
                print("\(entry.profile.code.rawValue)  \(entry.profile.name)  \(kinds.joined(separator: "、"))")
            }
        }
    }
}
