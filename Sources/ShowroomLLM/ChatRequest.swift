import ShowroomCore

/// One chat-completions request, independent of the backend.
public struct ChatRequest: Sendable, Hashable {
    public var messages: [ChatMessage]
    /// Tools offered to the model; empty means a text-only turn.
    public var tools: [ToolSpec]
    public var toolChoice: ToolChoice
    /// Sampling temperature; nil uses the backend profile's default.
    public var temperature: Double?
    /// Upper bound on completion tokens; nil leaves it to the server.
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
