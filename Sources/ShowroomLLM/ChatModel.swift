/// A chat model backend: embedded, OpenAI-compatible HTTP, or a wrapper around another.
///
/// Resilience is composed, not built in: `RetryingChatModel`, `CircuitBreakerChatModel`,
/// `FallbackChatModel` and `MeteredChatModel` each wrap another `ChatModel`.
/// Failures are thrown as `ChatModelError`.
public protocol ChatModel: Sendable {
    /// Name for metrics and records, e.g. `embedded` or `openai:local-llama`.
    var name: String { get }
    /// One complete reply.
    func complete(_ request: ChatRequest) async throws -> ChatResponse
    /// A streamed reply: text deltas as they arrive, then `.completed` (see `ChatStreamEvent`).
    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error>
}

extension ChatModel {
    /// Default streaming for backends that cannot stream: one delta, then the reply.
    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream.producing { yield in
            let response = try await complete(request)
            if let text = response.content, !text.isEmpty { yield(.delta(text)) }
            yield(.completed(response))
        }
    }
}

extension AsyncThrowingStream where Failure == any Error {
    /// A stream fed by one task running `body`; the stream finishes when `body` returns, fails
    /// with what it throws, and the task is cancelled when the consumer stops listening.
    static func producing(_ body: @escaping @Sendable (_ yield: @escaping @Sendable (Element) -> Void) async throws -> Void) -> Self
    where Element: Sendable {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await body { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
