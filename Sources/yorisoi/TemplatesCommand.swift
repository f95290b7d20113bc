import ArgumentParser
import Foundation
import Yorisoi

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "Lists the municipalities and the document kinds each one has.")

    func run() throws {
        try runReportingErrors(doing: "listing templates") {
            for entry in try YorisoiEngine.templates(resources: .locate()) {
                let kinds = entry.kinds.map { "\($0.kind)（\($0.isOwn ? "独自様式" : "国の様式例")）" }
                print("\(entry.code)  \(entry.name)  \(kinds.joined(separator: "、"))")
            }
        }
    }
}
