import Foundation
import Logging
import MCP
import ShowroomCore

/// Wraps an MCP transport so that the end of its input ends the server only after every
/// request read has been answered.
///
/// The SDK's server answers each request in a task of its own and stops reading at the end
/// of input; over stdio (`showroom mcp`) a client that pipes `initialize`, `tools/list` and then
/// closes stdin would lose the answers still being worked on when the process exits. Here the
/// input stream finishes only when the requests' ids have all been answered (or `drainLimit`
/// passed, so a handler that never answers cannot keep the process alive).
///
/// A message that is not JSON-RPC 2.0 is answered here (`JSONRPCEnvelope`, id null when it has
/// none) and never reaches the server, whose own answer would carry an invented id.
public actor DrainingTransport: Transport {
    let inner: any Transport
    public nonisolated let logger: Logger
    /// Longest wait for outstanding answers at the end of input.
    let drainLimit: Duration
    /// Ids (as JSON text) of requests read and not yet answered.
    private(set) var pending: Set<String> = []

    public init(_ inner: any Transport, logger: Logger, drainLimit: Duration = .seconds(30)) {
        self.inner = inner
        self.logger = logger
        self.drainLimit = drainLimit
    }

    public func connect() async throws { try await inner.connect() }

    public func disconnect() async { await inner.disconnect() }

    public func send(_ data: Data) async throws {
        try await inner.send(data)
        for id in Self.ids(in: data, requests: false) { pending.remove(id) }
    }

    public func receive() -> AsyncThrowingStream<Data, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await data in await self.inner.receive() {
                        if let refusal = JSONRPCEnvelope.refusal(data) {
                            try await self.inner.send(Data(refusal.jsonString().utf8))
                            continue
                        }
                        await self.read(data)
                        continuation.yield(data)
                    }
                    await self.drain()
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    func read(_ data: Data) {
        pending.formUnion(Self.ids(in: data, requests: true))
    }

    /// Waits until every request read has been answered, at most `drainLimit`.
    func drain() async {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: drainLimit)
        while !pending.isEmpty && clock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        if !pending.isEmpty {
            logger.warning("input ended with unanswered requests", metadata: ["ids": .string(pending.sorted().joined(separator: ","))])
        }
    }

    /// The ids of the requests (`method` and `id`) or of the responses (`id`, no `method`) in a
    /// message or batch, as JSON text.
    static func ids(in data: Data, requests: Bool) -> [String] {
        guard let message = JSONValue.parse(String(decoding: data, as: UTF8.self)) else { return [] }
        let messages = message.arrayValue ?? [message]
        return messages.compactMap { m in
            guard let id = m["id"], id != .null, (m["method"] != nil) == requests else { return nil }
            return id.jsonString()
        }
    }
}
