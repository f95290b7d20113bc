import ArgumentParser
import Foundation
import Yorisoi

/// Runs a command body and turns failures into CONTRACT exit codes with a one-line message on
/// stderr (never a stack trace): 1 invalid input, 2 usage/configuration, 3 internal failure.
func runReportingErrors(doing task: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as YorisoiError {
        if error.isUnexpected {
            printError("内部エラー (internal failure) while \(task): \(error)")
            throw ExitCode(3)
        }
        printError(error.description)
        throw ExitCode(error.exitCode)
    } catch {
        printError("内部エラー (internal failure) while \(task): \(error)")
        throw ExitCode(3)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data("yorisoi: \(text)\n".utf8))
}

/// A report's lines on standard error in one write: a packet of 200 cases has over a thousand
/// findings, and a write per line was a system call (and, into a pipe, a wake-up) for each.
func printReport(_ report: DiagnosticReport) {
    let lines = report.textLines()
    guard !lines.isEmpty else { return }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

/// The kind named on the command line, or the usage error listing the kinds.
func documentKind(_ name: String) throws(YorisoiError) -> DocumentKind {
    guard let kind = DocumentKind(rawValue: name) else {
        throw YorisoiError.usage("unknown kind '\(name)'; use one of: \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return kind
}
