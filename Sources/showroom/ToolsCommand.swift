import ArgumentParser
import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData

struct ToolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tools", abstract: "List the tool registry or call a tool.",
        subcommands: [List.self, Call.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the registry: name, scope, description, arguments.")
        @Flag(help: "Print JSON (OpenAI-style tool specs with scope).") var json = false

        func run() async throws {
            let registry = ToolCatalog.registry()
            if json {
                let out: [JSONValue] = registry.tools.map {
                    ["name": .string($0.name), "scope": .string($0.scope.rawValue), "description": .string($0.description),
                     "parameters": $0.schema]
                }
                print(JSONValue.array(out).jsonString())
                return
            }
            for t in registry.tools {
                let args = (t.schema["properties"]?.objectValue?.keys.sorted() ?? []).joined(separator: ", ")
                print("\(t.name) [\(t.scope.rawValue)]\n  \(t.description)\n  arguments: \(args)")
            }
        }
    }

    struct Call: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Validate arguments, run a tool against the database, print its JSON result.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Tool name.") var name: String
        @Argument(help: "Arguments as a JSON object.") var arguments: String = "{}"

        func run() async throws {
            let registry = ToolCatalog.registry()
            guard let args = JSONValue.parse(arguments), args.objectValue != nil else {
                fail(ShowroomError("invalid_arguments", "Arguments must be a JSON object."), code: 2)
            }
            let name = self.name
            let outcome: ToolOutcome
            do {
                outcome = try await options.withDatabase { _, db in
                    await registry.call(name: name, arguments: args, caller: ToolCaller(db: db, scope: .staff, label: "cli"))
                }
            } catch let e as ShowroomError { fail(e) }
            if let e = outcome.error {
                fail(e, code: ["invalid_arguments", "unknown_tool"].contains(e.code) ? 2 : 1)
            }
            print(outcome.result?.jsonString() ?? "null")
        }
    }
}
