import ArgumentParser
import Foundation
import YorisoiPipeline
import YorisoiText

/// Runs a command body and turns failures into CONTRACT exit codes with a one-line message on
/// stderr (never a stack trace): 1 invalid input, 2 usage/configuration, 3 internal failure.
func runReportingErrors(doing task: String, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as ExitCode {
        throw error
    } catch let error as PipelineError {
        printError(error.description)
        throw ExitCode(error.exitCode)
    } catch let error as FontConfigurationError {
        printError(error.description)
        throw ExitCode(2)
    } catch let error as FontError {
        printError(error.description)
        throw ExitCode(2)
    } catch {
        printError("内部エラー (internal failure) while \(task): \(error)")
        throw ExitCode(3)
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data("yorisoi: \(text)\n".utf8))
}

/// The repository resources and the font library, found and loaded once per command.
struct Resources {
    let locator: ResourceLocator
    let fonts: FontLibrary

    /// - Parameter templates: a Templates folder to use instead of the one next to the fonts.
    static func load(templates: URL? = nil) throws -> Resources {
        var locator = try ResourceLocator.discover()
        if let templates { locator.templatesOverride = templates }
        return Resources(locator: locator, fonts: try FontLibrary(configurationFile: locator.fontConfiguration))
    }
}
