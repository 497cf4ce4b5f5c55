/// A complete model reply: text and/or tool calls.
public struct ChatResponse: Sendable, Hashable {
    /// Reply text; nil when the model sent none (a tool-call-only reply).
    public var content: String?
    public var toolCalls: [ToolCall]
    public var usage: TokenUsage
    /// The server's `finish_reason` (`stop`, `tool_calls`, `length` ...), when it sent one.
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

    /// True when the reply carries neither text nor tool calls: a backend fault, not an answer.
    public var isEmpty: Bool { (content ?? "").isEmpty && toolCalls.isEmpty }
}
