import ArgumentParser
import AsyncHTTPClient
import BenchSupport
import Foundation

/// Runs the seeded conversation mix against a running server: every conversation creates a
/// session and sends its 3–6 turns in order; `--concurrency` conversations run at once.
/// Reports turns/s, latency percentiles of JSON and streamed turns (time to the first SSE
/// byte and to `done`), errors, and the server's RSS.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "load", abstract: "HTTP load: seeded zh/en conversations.")

    @Option(help: "Server root.") var url = "http://127.0.0.1:8080"
    @Option(help: "Conversations to run.") var conversations = 400
    @Option(help: "Conversations in flight at once.") var concurrency = 16
    @Option(help: "Share of turns sent as SSE streams (0...1), chosen by seed.") var streamShare = 0.5
    @Option(help: "Seed of the conversation mix.") var seed: UInt64 = 7
    @Option(help: "Server process id, for RSS from /proc/PID/status.") var pid: Int32?
    @Option(help: "Conversations run first and not counted (warm-up).") var warmup = 20

    func run() async throws {
        let client = ChatClient.makeHTTPClient(connections: concurrency + 4)
        let chat = ChatClient(client: client, baseURL: url)
        let mix = ConversationMix(count: conversations + warmup, seed: seed).conversations
        if warmup > 0 { _ = try await Self.drive(Array(mix.prefix(warmup)), chat: chat, concurrency: min(concurrency, warmup), streamShare: streamShare, seed: seed) }
        let sampler = RSSSampler(pid: pid)
        await sampler.start()
        let started = ContinuousClock.now
        let results = try await Self.drive(Array(mix.dropFirst(warmup)), chat: chat, concurrency: concurrency, streamShare: streamShare, seed: seed)
        let elapsed = ChatClient.milliseconds(ContinuousClock.now - started) / 1000
        let memory = await sampler.stop()
        try await client.shutdown()

        let ok = results.filter { $0.error == nil }
        let json = ok.filter { $0.firstByteMs == nil }.map(\.totalMs)
        let streamed = ok.filter { $0.firstByteMs != nil }
        print("load: \(conversations) conversations, \(results.count) turns, concurrency \(concurrency), \(String(format: "%.1f", elapsed)) s")
        print(String(format: "  turns/s            %.1f  (errors: %d)", Double(ok.count) / elapsed, results.count - ok.count))
        print("  all turns ms       \(LatencySummary(ok.map(\.totalMs)))")
        print("  JSON turns ms      \(LatencySummary(json))")
        print("  SSE first byte ms  \(LatencySummary(streamed.compactMap(\.firstByteMs)))")
        print("  SSE full turn ms   \(LatencySummary(streamed.map(\.totalMs)))")
        if let memory { print(String(format: "  server RSS MiB     max sampled %.1f, VmHWM %.1f", memory.sampledMax, memory.hwm)) }
        for e in Set(results.compactMap(\.error)).prefix(5) { print("  error: \(e)") }
    }

    /// Runs conversations with at most `concurrency` in flight; returns every turn's timing.
    static func drive(_ conversations: [ConversationMix.Conversation], chat: ChatClient, concurrency: Int,
                      streamShare: Double, seed: UInt64) async throws -> [ChatClient.TurnTiming] {
        try await withThrowingTaskGroup(of: [ChatClient.TurnTiming].self) { group in
            var next = 0
            var out: [ChatClient.TurnTiming] = []
            func add() {
                let c = conversations[next]
                var rng = SeededRandom(seed: seed &+ UInt64(next))
                let streams = c.turns.map { _ in rng.chance(streamShare) }
                next += 1
                group.addTask {
                    let s = try await chat.createSession(store: c.store, key: c.publishableKey, locale: c.locale)
                    var timings: [ChatClient.TurnTiming] = []
                    for (text, stream) in zip(c.turns, streams) {
                        timings.append(await chat.turn(session: s.id, token: s.token, text: text, stream: stream))
                    }
                    return timings
                }
            }
            while next < min(concurrency, conversations.count) { add() }
            while let r = try await group.next() {
                out += r
                if next < conversations.count { add() }
            }
            return out
        }
    }
}
