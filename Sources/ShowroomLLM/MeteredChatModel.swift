/// Records requests, errors, latency and tokens of another model (see `LLMMetrics`), labelled
/// with its name. Cancelled calls count as requests, not as errors.
public struct MeteredChatModel: ChatModel {
    public let base: any ChatModel
    private let metrics: LLMMetrics

    public var name: String { base.name }

    public init(_ base: any ChatModel, metrics: LLMMetrics = .init()) {
        self.base = base
        self.metrics = metrics
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        metrics.request(backend: name)
        let start = ContinuousClock.now
        do {
            let response = try await base.complete(request)
            finished(response, since: start)
            return response
        } catch {
            failed(error, since: start)
            throw error
        }
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream.producing { yield in
            metrics.request(backend: name)
            let start = ContinuousClock.now
            do {
                for try await event in base.stream(request) {
                    if case .completed(let response) = event { finished(response, since: start) }
                    yield(event)
                }
            } catch {
                failed(error, since: start)
                throw error
            }
        }
    }

    private func finished(_ response: ChatResponse, since start: ContinuousClock.Instant) {
        metrics.latency(backend: name, .now - start)
        metrics.tokens(backend: name, response.usage)
    }

    private func failed(_ error: any Error, since start: ContinuousClock.Instant) {
        let failure = ChatModelError.from(error)
        guard failure != .cancelled else { return }
        metrics.latency(backend: name, .now - start)
        metrics.error(backend: name, reason: failure.metricReason)
    }
}
