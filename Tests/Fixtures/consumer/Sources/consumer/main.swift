// A program outside the Yorisoi package that depends on the `Yorisoi` product only.
// Usage: consumer REPOSITORY CASE.yaml OUT.pdf — renders the case as a サポートプラン.
import Foundation
import Yorisoi

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: consumer REPOSITORY CASE OUT\n".utf8))
    exit(2)
}
do {
    let engine = try YorisoiEngine(resources: .repository(root: URL(fileURLWithPath: arguments[1])))
    let report = try engine.render(.file(URL(fileURLWithPath: arguments[2])), kind: .supportPlan)
    for d in report.diagnostics {
        print("\(d.severity.rawValue) \(d.code.rawValue) \(d.path) \(d.line):\(d.column) \(d.messageEN)")
    }
    guard let pdf = report.pdf else { exit(1) }
    try OutputFile.write(pdf, to: arguments[3])
    print("pages: \(report.pageCount)")
} catch {
    // Every throw above is a YorisoiError (typed throws); its description is the one-line message.
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
