import ArgumentParser

@main
struct Showroom: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "showroom",
        abstract: "Showroom: a multi-agent car-sales assistant for dealerships.",
        subcommands: [MigrateCommand.self, ToolsCommand.self, KeysCommand.self, RetentionCommand.self,
                      ])
}
