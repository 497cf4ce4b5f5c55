import ShowroomCore

/// One message in a chat-completions conversation (OpenAI wire roles).
public struct ChatMessage: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable, Hashable { case system, user, assistant, tool }

    public var role: Role
    public var content: String?
    /// Tool calls the assistant asked for (assistant messages only).
    public var toolCalls: [ToolCall]
    /// The call this message answers (tool messages only).
    public var toolCallID: String?
    /// Tool name for tool messages (some servers want it).
    public var name: String?

    public init(role: Role, content: String?, toolCalls: [ToolCall] = [], toolCallID: String? = nil, name: String? = nil) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.name = name
    }

    public static func system(_ text: String) -> ChatMessage { .init(role: .system, content: text) }
    public static func user(_ text: String) -> ChatMessage { .init(role: .user, content: text) }
    public static func assistant(_ text: String?, toolCalls: [ToolCall] = []) -> ChatMessage {
        .init(role: .assistant, content: text, toolCalls: toolCalls)
    }
    public static func tool(id: String, name: String, result: String) -> ChatMessage {
        .init(role: .tool, content: result, toolCallID: id, name: name)
    }
}
