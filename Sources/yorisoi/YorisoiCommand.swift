import ArgumentParser
import Foundation

@main
struct YorisoiCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yorisoi",
        abstract: "Renders こども家庭センター documents from case files into PDF.",
        subcommands: [RenderCommand.self, BatchCommand.self, ValidateCommand.self, TemplatesCommand.self, SpecimenCommand.self, BenchCommand.self, DemoCommand.self, PacketCommand.self, ReviewsCommand.self, MonthlyReportCommand.self, ServeHandoverCommand.self, AuditHandoverCommand.self, AccountsHandoverCommand.self]
    )

    /// Parses and runs like ArgumentParser's default, except that a usage error (unknown option,
    /// missing argument) exits 2 as CONTRACT §1 says, not ArgumentParser's 64.
    static func main() {
        // serve, accounts and audit: replaced by yorisoi-server, before anything is parsed.
        ServerHandover.execIfServerCommand(CommandLine.arguments)
        do {
            var command = try parseAsRoot()
            // Every command here makes documents and exits (the server is yorisoi-server).
            MemoryTuning.keepFreedMemoryForReuse()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
