/// Calls another model only while its `CircuitBreaker` allows it; otherwise fails fast with
/// `ChatModelError.circuitOpen`, so a `FallbackChatModel` outside answers at once instead of
/// waiting for a backend that is down.
public struct CircuitBreakerChatModel: ChatModel {
    public let base: any ChatModel
    /// The shared state (inspect `state` for health checks).
    public let breaker: CircuitBreaker

    public var name: String { base.name }

    public init(_ base: any ChatModel, breaker: CircuitBreaker) {
        self.base = base
        self.breaker = breaker
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let permit = try await breaker.acquire()
        do {
            let response = try await base.complete(request)
            await breaker.record(permit, healthy: true)
            return response
        } catch {
            await breaker.record(permit, healthy: CircuitBreaker.verdict(error))
            throw error
        }
    }

    /// A stream counts as healthy when it completes; one the consumer abandons gives no verdict.
    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream.producing { yield in
            let permit = try await breaker.acquire()
            var completed = false
            do {
                for try await event in base.stream(request) {
                    if case .completed = event { completed = true }
                    yield(event)
                }
            } catch {
                await breaker.record(permit, healthy: CircuitBreaker.verdict(error))
                throw error
            }
            await breaker.record(permit, healthy: completed ? true : nil)
        }
    }
}
