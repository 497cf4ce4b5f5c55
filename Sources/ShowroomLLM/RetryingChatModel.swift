import Logging

/// Retries another model on 429, 5xx, 408, timeouts and transport errors (see `RetryPolicy`).
///
/// Never retries other 4xx answers or malformed replies. A stream is retried only while it
/// has yielded nothing: once the consumer has seen an event, a retry would repeat text, so
/// the error is passed on (a `FallbackChatModel` outside handles it).
public struct RetryingChatModel: ChatModel {
    public let base: any ChatModel
    public let policy: RetryPolicy
    private let logger: Logger
    private let metrics: LLMMetrics

    public var name: String { base.name }

    public init(_ base: any ChatModel, policy: RetryPolicy, metrics: LLMMetrics = .init(),
                logger: Logger = Logger(label: "showroom.llm")) {
        self.base = base
        self.policy = policy
        self.metrics = metrics
        self.logger = logger
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        var retry = 0
        while true {
            do {
                return try await base.complete(request)
            } catch {
                retry += 1
                try await pause(beforeRetry: retry, after: error)
            }
        }
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream.producing { yield in
            var retry = 0
            while true {
                var yielded = false
                do {
                    for try await event in base.stream(request) {
                        yielded = true
                        yield(event)
                    }
                    return
                } catch {
                    if yielded { throw error }
                    retry += 1
                    try await pause(beforeRetry: retry, after: error)
                }
            }
        }
    }

    /// Sleeps before the next attempt, or rethrows when the policy gives up.
    private func pause(beforeRetry retry: Int, after error: any Error) async throws {
        let failure = ChatModelError.from(error)
        guard let seconds = policy.delay(beforeRetry: retry, after: failure, random: Double.random(in: 0..<1)) else {
            throw error
        }
        logger.info("retrying LLM request", metadata: [
            "backend": "\(name)", "retry": "\(retry)", "error": "\(failure)", "delay_s": "\(seconds)",
        ])
        metrics.retry(backend: name)
        do {
            try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
        } catch {
            throw ChatModelError.cancelled
        }
    }
}
