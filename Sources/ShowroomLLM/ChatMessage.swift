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

/// A tool call requested by a model. `arguments` is the raw JSON text the model sent:
/// it is validated by the caller, never trusted.
public struct ToolCall: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var arguments: String

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}

/// A tool offered to a model: name, description and the JSON Schema of its arguments.
public struct ToolSpec: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    public var parameters: JSONValue

    public init(name: String, description: String, parameters: JSONValue) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }
}
