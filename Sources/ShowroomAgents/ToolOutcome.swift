import Foundation
import ShowroomCore

/// The result of one tool call as the runner, MCP and the CLI see it.
public struct ToolOutcome: Sendable {
    public var name: String
    public var arguments: JSONValue
    public var result: JSONValue?
    public var error: ShowroomError?
    public var durationMs: Double

    public var ok: Bool { error == nil }

    /// What a model reads back: the result, or the error shape with a fix-it message.
    public var modelText: String {
        if let result { return result.jsonString() }
        return (error ?? ShowroomError("tool_failed", "The tool failed.")).json.jsonString()
    }
}
