import Logging

/// Answers with `fallback` when `primary` fails or its reply is rejected, so the customer
/// always gets an answer while any backend works.
///
/// `validate` inspects the primary's reply and returns a rejection reason (or nil to accept);
/// the agents layer uses it to refuse unknown tools or arguments that break their schema.
/// A fallback answer carries `fallbackReason` (why) and the fallback's `backend` name.
///
/// Streams: if the primary fails (or is rejected) before it streamed any text, the fallback's
/// stream takes over. If text was already streamed, `.reset` is sent — the consumer discards
/// all text so far — followed by the fallback's complete answer as one `.delta` and `.completed`.
/// A cancelled call is never retried on the fallback.
public struct FallbackChatModel: ChatModel {
    public let primary: any ChatModel
    public let fallback: any ChatModel
    private let validate: @Sendable (ChatResponse) -> String?
    private let metrics: LLMMetrics
    private let logger: Logger

    /// The primary's name: this model stands for it.
    public var name: String { primary.name }

    public init(primary: any ChatModel, fallback: any ChatModel,
                validate: @escaping @Sendable (ChatResponse) -> String? = { _ in nil },
                metrics: LLMMetrics = .init(), logger: Logger = Logger(label: "showroom.llm")) {
        self.primary = primary
        self.fallback = fallback
        self.validate = validate
        self.metrics = metrics
        self.logger = logger
    }

    /// Why the primary's answer is not used: its error or the validator's rejection.
    private enum Failure {
        case failed(ChatModelError)
        case rejected(String)

        var reason: String {
            switch self {
            case .failed(let e): "\(e)"
            case .rejected(let why): "rejected: \(why)"
            }
        }

        var metricReason: String {
            switch self {
            case .failed(let e): e.metricReason
            case .rejected: "rejected"
            }
        }
    }

    public func complete(_ request: ChatRequest) async throws -> ChatResponse {
        let failure: Failure
        do {
            let response = try await primary.complete(request)
            guard let why = validate(response) else { return response }
            failure = .rejected(why)
        } catch {
            failure = try Self.failure(error)
        }
        record(failure)
        var answer = try await fallback.complete(request)
        answer.fallbackReason = failure.reason
        return answer
    }

    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream.producing { yield in
            var streamedText = false
            var failure: Failure?
            do {
                for try await event in primary.stream(request) {
                    switch event {
                    case .delta(let text):
                        streamedText = streamedText || !text.isEmpty
                    case .reset:
                        streamedText = false
                    case .completed(let response):
                        if let why = validate(response) { failure = .rejected(why) }
                    }
                    guard failure == nil else { break }
                    yield(event)
                    if case .completed = event { return }
                }
                try Task.checkCancellation()
                if failure == nil { failure = .failed(.malformed("stream ended without a reply")) }
            } catch {
                failure = try Self.failure(error)
            }
            guard let failure else { return }
            record(failure)
            if streamedText {
                yield(.reset(reason: failure.reason))
                var answer = try await fallback.complete(request)
                answer.fallbackReason = failure.reason
                if let text = answer.content, !text.isEmpty { yield(.delta(text)) }
                yield(.completed(answer))
                return
            }
            for try await event in fallback.stream(request) {
                guard case .completed(var answer) = event else {
                    yield(event)
                    continue
                }
                answer.fallbackReason = failure.reason
                yield(.completed(answer))
            }
        }
    }

    /// The primary's error as a reason to fall back; a cancellation is rethrown instead.
    private static func failure(_ error: any Error) throws -> Failure {
        let failure = ChatModelError.from(error)
        if failure == .cancelled || Task.isCancelled { throw error }
        return .failed(failure)
    }

    private func record(_ failure: Failure) {
        metrics.fallback(backend: primary.name, reason: failure.metricReason)
        logger.warning("LLM fallback", metadata: [
            "backend": "\(primary.name)", "fallback": "\(fallback.name)", "reason": "\(failure.reason)",
        ])
    }
}
