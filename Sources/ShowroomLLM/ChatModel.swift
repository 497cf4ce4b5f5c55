import ShowroomCore

/// Whether and which tool a model must call.
public enum ToolChoice: Sendable, Hashable {
    case auto, none, required
    case function(String)
}

/// One chat-completions request, independent of the backend.
public struct ChatRequest: Sendable, Hashable {
    public var messages: [ChatMessage]
    public var tools: [ToolSpec]
    public var toolChoice: ToolChoice
    public var temperature: Double?
    public var maxTokens: Int?
    /// Free-form hints for backends that plan without a model (the embedded backend reads
    /// the router's decision here); HTTP backends ignore it.
    public var metadata: [String: JSONValue]

    public init(messages: [ChatMessage], tools: [ToolSpec] = [], toolChoice: ToolChoice = .auto,
                temperature: Double? = nil, maxTokens: Int? = nil, metadata: [String: JSONValue] = [:]) {
        self.messages = messages
        self.tools = tools
        self.toolChoice = toolChoice
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.metadata = metadata
    }
}

/// Token counts reported by a backend (zero when it reports none).
public struct TokenUsage: Sendable, Hashable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int

    public init(promptTokens: Int = 0, completionTokens: Int = 0) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    public static func + (a: TokenUsage, b: TokenUsage) -> TokenUsage {
        .init(promptTokens: a.promptTokens + b.promptTokens, completionTokens: a.completionTokens + b.completionTokens)
    }
}

/// A complete model reply: text and/or tool calls.
public struct ChatResponse: Sendable, Hashable {
    public var content: String?
    public var toolCalls: [ToolCall]
    public var usage: TokenUsage
    public var finishReason: String?
    /// Name of the backend that produced this reply (after any fallback), e.g. `openai:qwen` or `embedded`.
    public var backend: String
    /// Why a fallback backend answered instead of the primary (nil when it did not).
    public var fallbackReason: String?

    public init(content: String?, toolCalls: [ToolCall] = [], usage: TokenUsage = .init(),
                finishReason: String? = nil, backend: String, fallbackReason: String? = nil) {
        self.content = content
        self.toolCalls = toolCalls
        self.usage = usage
        self.finishReason = finishReason
        self.backend = backend
        self.fallbackReason = fallbackReason
    }
}

/// An incremental piece of a streamed reply.
public enum ChatStreamEvent: Sendable, Hashable {
    /// A chunk of reply text.
    case delta(String)
    /// The finished reply (text assembled, tool calls complete), always last.
    case completed(ChatResponse)
}

/// Failures a backend reports; wrappers (retry, circuit breaker, fallback) act on them.
public enum ChatModelError: Error, Sendable, Hashable {
    case transport(String)
    case http(status: Int, retryAfterSeconds: Double?, body: String)
    case timeout
    case malformed(String)
    case circuitOpen
    case cancelled
}

/// A chat model backend: embedded, OpenAI-compatible HTTP, or a wrapper around another.
public protocol ChatModel: Sendable {
    /// Name for metrics and records, e.g. `embedded` or `openai:local-llama`.
    var name: String { get }
    /// One complete reply.
    func complete(_ request: ChatRequest) async throws -> ChatResponse
    /// A streamed reply: text deltas as they arrive, then `.completed`.
    func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error>
}

extension ChatModel {
    /// Default streaming for backends that cannot stream: one delta, then the reply.
    public func stream(_ request: ChatRequest) -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let response = try await complete(request)
                    if let text = response.content, !text.isEmpty { continuation.yield(.delta(text)) }
                    continuation.yield(.completed(response))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
