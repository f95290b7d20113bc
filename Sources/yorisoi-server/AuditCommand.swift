import ArgumentParser
import Foundation
import Yorisoi
import YorisoiServer

/// `yorisoi audit verify --data DIR`: the server's audit log checked offline — the hash chain, and
/// that every 発番簿 row and every 決裁 has the audit rows that must go with it. Exit 0 when all
/// hold, 1 when any does not (each problem named by row id, never by content), 2 when the
/// database cannot be opened.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Checks the server's audit log.",
        subcommands: [Verify.self, Export.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Checks the audit hash chain and that every ledger row and approval has its audit row.")

        @Option(help: "The server's --data folder (holding yorisoi.sqlite).")
        var data: String = "yorisoi-data"
        @OptionGroup var database: DatabaseOption

        func run() throws {
            if let postgres = try database.postgres(command: "yorisoi audit verify") {
                let result: AuditVerification
                do {
                    result = try BlockingValue.run { try await postgres.verify() }
                } catch {
                    FileHandle.standardError.write(Data("yorisoi audit verify: データベースを読めません (cannot read the database): \(String(reflecting: error))\n".utf8))
                    throw ExitCode(2)
                }
                try Self.report(result)
                return
            }
            let folder = URL(fileURLWithPath: data, isDirectory: true)
            let file = folder.appendingPathComponent(SQLiteStore.fileName).path
            guard FileManager.default.isReadableFile(atPath: file) else {
                FileHandle.standardError.write(Data("yorisoi audit verify: \(file) を読めません (cannot read the database)\n".utf8))
                throw ExitCode(2)
            }
            let result: AuditVerification
            do {
                let store = try SQLiteStore(directory: folder)
                result = try BlockingValue.run { try await store.verify() }
            } catch {
                FileHandle.standardError.write(Data("yorisoi audit verify: データベースを開けません (cannot open the database): \(error)\n".utf8))
                throw ExitCode(2)
            }
            try Self.report(result)
        }

        static func report(_ result: AuditVerification) throws {
            if let broken = result.firstBrokenRow {
                print("audit verify: 監査ログの鎖が行 \(broken) で切れています (hash chain broken at row \(broken))")
            }
            for problem in result.missing {
                print("audit verify: 監査行がありません (missing audit row): \(problem)")
            }
            guard result.ok else { throw ExitCode(1) }
            print("audit verify: \(result.rows) 行、鎖は切れていません。発番簿と決裁のすべての行に監査行があります "
                  + "(\(result.rows) rows, chain intact, every ledger row and approval has its audit row)")
        }
    }
}

extension AuditCommand {
    /// `yorisoi audit export --from D --to D`: the audit rows of those days as CSV (UTF-8 with a
    /// BOM, for Excel): who did what, when, to which case of which municipality — never content.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Writes the audit rows from --from to --to (inclusive days) as CSV.")

        @Option(help: "First day, YYYY-MM-DD (UTC).") var from: String
        @Option(help: "Last day, YYYY-MM-DD (UTC).") var to: String
        @Option(help: "The server's --data folder (holding yorisoi.sqlite).") var data: String = "yorisoi-data"
        @OptionGroup var database: DatabaseOption
        @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String = "-"

        func run() throws {
            guard let first = Self.day(from), let last = Self.day(to), first <= last else {
                throw ValidationError("--from and --to are days YYYY-MM-DD, --from not after --to")
            }
            let end = Calendar(identifier: .gregorian).date(byAdding: .day, value: 1, to: last)!
            if let postgres = try database.postgres(command: "yorisoi audit export") {
                let rows = try BlockingValue.run { try await postgres.auditRows(from: Self.iso(first), to: Self.iso(end)) }
                try write(AuditCSV.bytes(rows))
                return
            }
            let folder = URL(fileURLWithPath: data, isDirectory: true)
            guard FileManager.default.isReadableFile(atPath: folder.appendingPathComponent(SQLiteStore.fileName).path) else {
                FileHandle.standardError.write(Data("yorisoi audit export: \(data) にデータベースがありません (no database)\n".utf8))
                throw ExitCode(2)
            }
            // Before anything is read: the CSV must not replace the database it is read from.
            let database = folder.appendingPathComponent(SQLiteStore.fileName).path
            do {
                try OutputFile.refuseIfInput(output, inputs: ["", "-wal", "-shm", "-journal"].map { database + $0 })
            } catch {
                FileHandle.standardError.write(Data("yorisoi audit export: \(error.description)\n".utf8))
                throw ExitCode(2)
            }
            let store = try SQLiteStore(directory: folder)
            let rows = try BlockingValue.run { try await store.auditRows(from: Self.iso(first), to: Self.iso(end)) }
            try write(AuditCSV.bytes(rows))
        }

        func write(_ bytes: [UInt8]) throws {
            if output == "-" {
                FileHandle.standardOutput.write(Data(bytes))
            } else {
                try Data(bytes).write(to: URL(fileURLWithPath: output), options: .atomic)
            }
        }

        static func day(_ text: String) -> Date? {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyy-MM-dd"
            return formatter.date(from: text).flatMap { formatter.string(from: $0) == text ? $0 : nil }
        }

        static func iso(_ date: Date) -> String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            formatter.timeZone = TimeZone(identifier: "UTC")
            return formatter.string(from: date)
        }
    }
}

/// Waits for one async value from a synchronous command.
enum BlockingValue {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        try BlockingRun.run { box.value = try await work() }
        return box.value!
    }

    final class Box<T>: @unchecked Sendable {
        // Written by the task before BlockingRun's semaphore is signalled, read after its wait.
        var value: T?
    }
}
