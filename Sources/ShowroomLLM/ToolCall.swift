/// A tool call requested by a model. `arguments` is the raw JSON text the model sent:
/// it is validated by the caller, never trusted.
public struct ToolCall: Sendable, Hashable, Codable {
    /// The id the model gave the call; a tool message answers it by this id.
    public var id: String
    public var name: String
    /// JSON text, exactly as received (possibly invalid: the caller validates it).
    public var arguments: String

    public init(id: String, name: String, arguments: String) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
