import ArgumentParser

@main
struct Showroom: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "showroom",
        abstract: "Showroom: a multi-agent car-sales assistant for dealerships.",
        subcommands: [ServeCommand.self, MigrateCommand.self, ImportCommand.self, RouteCommand.self, ToolsCommand.self, ChatCommand.self,
                      KeysCommand.self, McpCommand.self, RetentionCommand.self,
                      ])
}
