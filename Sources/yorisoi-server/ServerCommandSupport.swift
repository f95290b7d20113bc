import ArgumentParser
import Foundation
import Yorisoi

// The same two helpers as the document executable's CommandSupport.swift: the two executables
// share no module of command-line code, and these are too small to be one.

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
