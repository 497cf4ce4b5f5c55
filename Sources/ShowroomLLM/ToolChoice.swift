/// Whether and which tool a model must call (OpenAI `tool_choice`).
public enum ToolChoice: Sendable, Hashable {
    /// The model decides between text and tool calls.
    case auto
    /// Text only, even when tools are offered.
    case none
    /// At least one tool call.
    case required
    /// This named tool.
    case function(String)
}
