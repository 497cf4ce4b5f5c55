import ArgumentParser
import AsyncHTTPClient
import BenchSupport
import Foundation
import ShowroomAgents
import ShowroomCore
import ShowroomData
import ShowroomLLM
import ShowroomTestSupport

/// The openai backend's figures on the seeded conversation mix, in process on a scratch
/// database with the demo catalog: LLM calls per customer turn, prompt size per turn, and the
/// service's own time above an injected model latency. Every agent's `default` profile is an
/// openai profile pointing at the scripted server, which answers as a good model would (the
/// embedded backend's choice of tool and reply, see `MirroredChatModel`) after `--latency-ms`.
/// Turns run one at a time. Needs DATABASE_URL.
struct LLMCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "llm", abstract: "openai backend: calls, tokens, overhead.")

    @Option(help: "Conversations of the seeded mix.") var conversations = 60
    @Option(help: "Injected model latency per request, ms.") var latencyMs = 300
    @Option(help: "Seed of the conversation mix.") var seed: UInt64 = 7

    func run() async throws {
        let database = try await BenchDatabase.open()
        do {
            try await measure(database)
            await database.close()
        } catch {
            await database.close()
            throw error
        }
    }

    struct Turn {
        var intent: String
        var calls: Int
        var promptTokens: Int
        var requestBytes: Int
        var wallMs: Double
        var llmMs: Double
        var fallback: Bool
    }

    func measure(_ database: BenchDatabase) async throws {
        let server = try await ScriptedOpenAIServer.start(latencyMs: latencyMs)
        let stack = try ChatModelStack(profile: server.profile(timeoutSeconds: 30, maxRetries: 0), client: HTTPClient.shared,
                                       fallback: EmbeddedChatModel())
        let runner = try await database.runner(models: ["default": MirroredChatModel(inner: stack.model, server: server)])
        let embeddedRunner = try await database.runner()
        var turns: [Turn] = []
        var embeddedMs: [Double] = []
        var seen = 0
        for c in ConversationMix(count: conversations, seed: seed).conversations {
            let id = try await database.conversation(store: c.store, locale: c.locale)
            let baseline = try await database.conversation(store: c.store, locale: c.locale)
            for text in c.turns {
                let t0 = ContinuousClock.now
                let r = try await runner.respond(TurnInput(conversationID: id, text: text))
                let wall = ChatClient.milliseconds(ContinuousClock.now - t0)
                let received = await server.received
                let mine = received[seen...]
                seen = received.count
                let llmMs = try await database.db.rows("SELECT llm_ms FROM turns WHERE id = \(r.turnID)").first?.decode(Int.self) ?? 0
                turns.append(Turn(intent: r.intent.rawValue, calls: r.llmCalls,
                                  promptTokens: mine.reduce(0) { $0 + TokenEstimate.prompt($1.body) },
                                  requestBytes: mine.reduce(0) { $0 + $1.body.jsonString().utf8.count },
                                  wallMs: wall, llmMs: Double(llmMs), fallback: r.fallback))
                let e0 = ContinuousClock.now
                _ = try await embeddedRunner.respond(TurnInput(conversationID: baseline, text: text))
                embeddedMs.append(ChatClient.milliseconds(ContinuousClock.now - e0))
            }
        }
        await server.shutdown()

        let n = Double(turns.count)
        let calls = turns.map { Double($0.calls) }
        print("llm: \(turns.count) customer turns (\(conversations) conversations), model latency \(latencyMs) ms, one turn at a time")
        print(String(format: "  LLM calls per turn         mean %.2f (aim <= 1.2); turns with 0/1/2/3+ calls: %d/%d/%d/%d",
                     calls.reduce(0, +) / n, turns.filter { $0.calls == 0 }.count, turns.filter { $0.calls == 1 }.count,
                     turns.filter { $0.calls == 2 }.count, turns.filter { $0.calls >= 3 }.count))
        print("  prompt tokens per turn     \(LatencySummary(turns.map { Double($0.promptTokens) }))  (estimated, see TokenEstimate)")
        print("  request bytes per turn     \(LatencySummary(turns.map { Double($0.requestBytes) }))")
        print("  fallbacks                  \(turns.filter(\.fallback).count)")
        let overhead = turns.map { $0.wallMs - Double($0.calls * latencyMs) }
        print("  turn wall ms               \(LatencySummary(turns.map(\.wallMs)))")
        print("  overhead ms (wall - calls x latency)   \(LatencySummary(overhead))  (aim p99 <= 5)")
        print("  overhead ms (wall - measured LLM time) \(LatencySummary(turns.map { $0.wallMs - $0.llmMs }))")
        print("  per-call HTTP overhead ms (LLM time / calls - latency) \(LatencySummary(turns.filter { $0.calls > 0 }.map { $0.llmMs / Double($0.calls) - Double(latencyMs) }))")
        print("  same turns, embedded backend, wall ms  \(LatencySummary(embeddedMs))")
        var byIntent: [String: [Int]] = [:]
        for t in turns { byIntent[t.intent, default: []].append(t.calls) }
        for (intent, c) in byIntent.sorted(by: { $0.key < $1.key }) {
            print(String(format: "    %-16@ turns %3d  calls/turn %.2f", intent as NSString, c.count, Double(c.reduce(0, +)) / Double(c.count)))
        }
    }
}
