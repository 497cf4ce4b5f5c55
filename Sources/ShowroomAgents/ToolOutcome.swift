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

    /// What a model reads back: the result without what only the widget needs (`"type": "vehicle"`
    /// on cards, `"status": "available"` on units a customer search only returns when available,
    /// nulls), or the error shape with a fix-it message. Shorter prompts are faster and cheaper.
    public var modelText: String {
        if let result { return Self.compact(result).jsonString() }
        return (error ?? ShowroomError("tool_failed", "The tool failed.")).json.jsonString()
    }

    static let widgetOnly: [String: JSONValue] = ["type": "vehicle", "status": "available"]

    static func compact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o):
            var out: [String: JSONValue] = [:]
            for (k, v) in o where widgetOnly[k] != v && !v.isNull { out[k] = compact(v) }
            return .object(out)
        case .array(let a): return .array(a.map(compact))
        default: return value
        }
    }
}
