import ArgumentParser
import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData

struct RouteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Print the routing decision (intent, agent, confidence, slots) for one turn, or for JSON lines on stdin.")

    @OptionGroup var options: GlobalOptions
    @Flag(help: "Print JSON (the default for one turn as well; kept for the spec's spelling).") var json = false
    @Flag(help: "Read {\"id\", \"text\"} lines on stdin and write one decision per line with the same id.") var jsonl = false
    @Argument(help: "The customer's text.") var text: String?

    func run() async throws {
        let router = try await options.withDatabase { _, db in try await CatalogTurnRouter.load(db: db) }
        if jsonl {
            while let line = readLine(strippingNewline: true) {
                guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
                guard let obj = JSONValue.parse(line), let text = obj["text"]?.stringValue else {
                    print(JSONValue.object(["id": JSONValue.parse(line)?["id"] ?? .null,
                                            "error": ShowroomError.invalid("each line needs a text field").json["error"] ?? .null]).jsonString())
                    continue
                }
                var out = (try? JSONValue(encoding: await router.route(text)))?.objectValue ?? [:]
                out["id"] = obj["id"] ?? .null
                print(JSONValue.object(out).jsonString())
            }
            return
        }
        guard let text else { fail(ShowroomError.invalid("Give the text to route, or --jsonl."), code: 2) }
        print((try JSONValue(encoding: await router.route(text))).jsonString())
    }
}
