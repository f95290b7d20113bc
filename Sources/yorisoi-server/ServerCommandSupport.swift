import ArgumentParser
import Foundation
import Yorisoi
import YorisoiServer

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

/// `--database postgres://USER@HOST:PORT/DB` (the password from PGPASSWORD or
/// `--database-password-file`) for the commands that open the server's store.
struct DatabaseOption: ParsableArguments {
    @Option(help: "postgres://USER@HOST:PORT/DB instead of --data (the password from PGPASSWORD or --database-password-file).")
    var database: String?

    @Option(name: .customLong("database-password-file"), help: "A file whose first line is the PostgreSQL password.")
    var databasePasswordFile: String?

    /// The PostgreSQL store, or nil without `--database`; exit 2 with a message when it cannot
    /// be reached.
    func postgres(command: String) throws -> PostgresStore? {
        guard let database else { return nil }
        do {
            let location = try PostgresLocation(url: database, password: try PostgresLocation.password(file: databasePasswordFile))
            return try BlockingValue.run { try await PostgresStore(location) }
        } catch let problem as PostgresLocation.Problem {
            FileHandle.standardError.write(Data("\(command): \(problem)\n".utf8))
            throw ExitCode(2)
        } catch {
            FileHandle.standardError.write(Data("\(command): データベースに接続できません (cannot connect to the database): \(String(reflecting: error))\n".utf8))
            throw ExitCode(2)
        }
    }
}
