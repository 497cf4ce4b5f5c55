import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ShowroomCore
import ShowroomLLM

/// A real OpenAI-compatible HTTP server for tests and benchmarks: `POST /v1/chat/completions`
/// answered from a script, on 127.0.0.1 and a free port.
///
/// ```swift
/// try await ScriptedOpenAIServer.with([.serverError(), .text("Hello")]) { server in
///     let profile = server.profile(maxRetries: 1)   // base_url http://127.0.0.1:<port>/v1
///     ...
///     #expect(await server.received.count == 2)
/// }
/// ```
///
/// Replies are taken from the queue in order; when it is empty, `otherwise` answers (by
/// default a 500 saying the script ran out). Every request is recorded for assertions.
public final class ScriptedOpenAIServer: Sendable {
    /// The bound port.
    public let port: Int
    private let script: Script
    private let group: ServiceGroup
    private let task: Task<Void, Never>

    /// API root for a profile's `base_url`.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// Starts a server; stop it with `shutdown()` (or use `with`).
    /// - Parameter latencyMs: added before every reply (benchmarks: a model's think time).
    public static func start(_ replies: [Reply] = [], latencyMs: Int = 0,
                             otherwise: (@Sendable (ReceivedRequest) -> Reply)? = nil) async throws -> ScriptedOpenAIServer {
        let script = Script(replies: replies, otherwise: otherwise)
        var logger = Logger(label: "scripted-openai")
        // A failure to start is thrown by `start`; shutdown noise is not interesting here.
        logger.logLevel = .critical
        let (ports, portInput) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router(script: script, latencyMs: latencyMs),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "scripted-openai"),
            onServerRunning: { channel in portInput.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        // Stopped by a graceful shutdown, never by cancelling the serving task: cancelling can drop
        // an accepted connection that NIO then traps on ("Deinited NIOAsyncWriter without calling
        // finish()", apple/swift-nio#2813).
        let group = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            do { try await group.run() } catch { logger.error("scripted server stopped: \(error)") }
            portInput.finish()
        }
        for await port in ports where port > 0 {
            return ScriptedOpenAIServer(port: port, script: script, group: group, task: task)
        }
        await group.triggerGracefulShutdown()
        throw ShowroomError("server_failed", "the scripted OpenAI server did not start")
    }

    /// Runs `body` with a started server and shuts it down afterwards, also when `body` throws.
    @discardableResult
    public static func with<T: Sendable>(_ replies: [Reply] = [], latencyMs: Int = 0,
                                         otherwise: (@Sendable (ReceivedRequest) -> Reply)? = nil,
                                         _ body: (ScriptedOpenAIServer) async throws -> T) async throws -> T {
        let server = try await start(replies, latencyMs: latencyMs, otherwise: otherwise)
        do {
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    private init(port: Int, script: Script, group: ServiceGroup, task: Task<Void, Never>) {
        self.port = port
        self.script = script
        self.group = group
        self.task = task
    }

    /// Stops the server and waits until it has: delayed replies are cut short, open requests
    /// finish, then the listener closes.
    public func shutdown() async {
        await script.stop()
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// Requests received so far, in order.
    public var received: [ReceivedRequest] { get async { await script.received } }

    /// Appends replies to the queue.
    public func enqueue(_ replies: Reply...) async { await script.enqueue(replies) }

    /// A backend profile pointing at this server (model `scripted`), with short test timings.
    public func profile(name: String = "scripted", timeoutSeconds: Double = 5, maxRetries: Int = 0,
                        supportsTools: Bool = true, parallelToolCalls: Bool? = nil) -> BackendProfile {
        BackendProfile(name: name, kind: .openai, baseURL: baseURL, model: "scripted", timeoutSeconds: timeoutSeconds,
                       connectTimeoutSeconds: 1, maxRetries: maxRetries, supportsTools: supportsTools,
                       parallelToolCalls: parallelToolCalls)
    }

    /// The queue, the fallback answer and the record of requests.
    actor Script {
        private var replies: [Reply]
        private let otherwise: (@Sendable (ReceivedRequest) -> Reply)?
        private(set) var received: [ReceivedRequest] = []
        private(set) var stopping = false

        init(replies: [Reply], otherwise: (@Sendable (ReceivedRequest) -> Reply)?) {
            self.replies = replies
            self.otherwise = otherwise
        }

        func enqueue(_ more: [Reply]) { replies.append(contentsOf: more) }

        func stop() { stopping = true }

        /// Waits `ms` milliseconds, or less when the server is stopping.
        nonisolated func pause(ms: Int) async throws {
            var left = ms
            while left > 0, await !stopping {
                try await Task.sleep(for: .milliseconds(min(left, 50)))
                left -= 50
            }
        }

        /// Records the request and picks its reply.
        func next(for request: ReceivedRequest) -> Reply {
            received.append(request)
            if !replies.isEmpty { return replies.removeFirst() }
            return otherwise?(request) ?? .serverError(500, body: #"{"error":{"message":"script exhausted"}}"#)
        }
    }
}
