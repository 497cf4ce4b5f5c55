import ArgumentParser

/// `showroom-bench`: the figures of BENCHMARKS.md that ordo-one's in-process harness does not
/// take: HTTP load and SSE streams against a running `showroom serve`, the scripted model
/// server, the openai backend's calls and overhead, imports, and faceted search on 1M units.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "showroom-bench",
        abstract: "Showroom load generator and data benchmarks (see BENCHMARKS.md).",
        subcommands: [LoadCommand.self, HoldCommand.self, ScriptedLLMCommand.self, LLMCommand.self,
                      ImportsCommand.self, SearchCommand.self])
}
