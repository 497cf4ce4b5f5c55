import ArgumentParser
import AsyncHTTPClient
import BenchSupport
import Foundation

/// Opens `--streams` sessions, then sends one streamed turn on each at once and keeps every
/// stream open until its turn ends. With the server's agents on a slow model (the scripted
/// server with `--latency-ms`), the streams stay open together; it reports how many were open
/// at the same time, heartbeats seen, the server's RSS, and how the turns ended.
struct HoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hold", abstract: "Hold N concurrent SSE streams.")

    @Option(help: "Server root.") var url = "http://127.0.0.1:8080"
    @Option(help: "Concurrent streams.") var streams = 1000
    @Option(help: "Server process id, for RSS from /proc/PID/status.") var pid: Int32?

    func run() async throws {
        let client = ChatClient.makeHTTPClient(connections: streams + 8)
        let chat = ChatClient(client: client, baseURL: url, timeout: .seconds(600))
        let mix = ConversationMix(count: streams, seed: 99).conversations
        // Sessions first (16 at a time), so the streams start together.
        var sessions: [(id: String, token: String, text: String)] = []
        try await withThrowingTaskGroup(of: [(String, String, String)].self) { group in
            for lane in 0..<16 {
                group.addTask {
                    var out: [(String, String, String)] = []
                    for i in stride(from: lane, to: mix.count, by: 16) {
                        let c = mix[i]
                        let s = try await chat.createSession(store: c.store, key: c.publishableKey, locale: c.locale)
                        out.append((s.id, s.token, c.turns[0]))
                    }
                    return out
                }
            }
            for try await part in group { sessions += part.map { (id: $0.0, token: $0.1, text: $0.2) } }
        }
        let before = pid.flatMap(ProcessMemory.read)
        let open = OpenStreams()
        let sampler = RSSSampler(pid: pid)
        await sampler.start()
        let started = ContinuousClock.now
        let results = await withTaskGroup(of: ChatClient.TurnTiming.self) { group in
            for s in sessions {
                group.addTask {
                    let t = await chat.turn(session: s.id, token: s.token, text: s.text, stream: true) { await open.opened() }
                    if t.firstByteMs != nil { await open.closed() }
                    return t
                }
            }
            var out: [ChatClient.TurnTiming] = []
            for await t in group { out.append(t) }
            return out
        }
        let elapsed = ChatClient.milliseconds(ContinuousClock.now - started) / 1000
        let memory = await sampler.stop()
        try await client.shutdown()
        let ok = results.filter { $0.error == nil }
        print("hold: \(streams) streamed turns started together, \(String(format: "%.1f", elapsed)) s until the last ended")
        print("  most streams open at once     \(await open.peak)  (counted from each stream's first byte to its end)")
        print("  completed with done           \(ok.count)  (errors: \(results.count - ok.count))")
        print("  heartbeats received           \(results.reduce(0) { $0 + $1.heartbeats })")
        print("  SSE first byte ms             \(LatencySummary(results.compactMap(\.firstByteMs)))")
        print("  SSE full turn ms              \(LatencySummary(ok.map(\.totalMs)))")
        if let before { print(String(format: "  server RSS MiB before          %.1f", before.rssMiB)) }
        if let memory { print(String(format: "  server RSS MiB while holding   max sampled %.1f, VmHWM %.1f", memory.sampledMax, memory.hwm)) }
        for e in Set(results.compactMap(\.error)).prefix(5) { print("  error: \(e)") }
    }
}

/// Counts streams open now and at most.
actor OpenStreams {
    private(set) var now = 0
    private(set) var peak = 0
    func opened() { now += 1; peak = max(peak, now) }
    func closed() { now -= 1 }
}
