import ArgumentParser

@main
struct Yorisoi: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yorisoi",
        abstract: "Renders こども家庭センター documents from case files into PDF.",
        subcommands: [SpecimenCommand.self, BenchCommand.self, DemoCommand.self]
    )
}
