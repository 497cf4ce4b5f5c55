import ArgumentParser
import BenchSupport
import Foundation
import ShowroomCore
import ShowroomTestSupport

/// Serves the scripted OpenAI-compatible server (Tests/Support) on loopback until stopped, for
/// `showroom serve` profiles in HTTP benchmarks. Every request waits `--latency-ms` (a model's
/// think time) and is answered with a short grounded text, with estimated token usage.
struct ScriptedLLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scripted-llm", abstract: "Run the scripted model server.")

    @Option(help: "Milliseconds every reply waits.") var latencyMs = 300
    @Option(help: "Write the bound port to this file.") var portFile: String?

    func run() async throws {
        let server = try await ScriptedOpenAIServer.start(latencyMs: latencyMs) { request in
            let zh = request.messages.last { $0["role"] == "user" }?["content"]?.stringValue?.unicodeScalars
                .contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } ?? false
            let text = zh ? "好的，我来帮您看看。" : "Sure, let me help you with that."
            return ScriptedReply.text(text).usage(prompt: TokenEstimate.prompt(request.body), completion: TokenEstimate.count(text))
        }
        print("scripted-llm listening on \(server.baseURL) (latency \(latencyMs) ms)")
        if let portFile { try "\(server.port)\n".write(toFile: portFile, atomically: true, encoding: .utf8) }
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }
}
