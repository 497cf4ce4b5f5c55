import Foundation
import ShowroomCore

/// Events of one turn, in order: `route`, zero or more `tool`, `delta` chunks, `card`s, then `done`.
/// The server forwards them as Server-Sent Events (api.md).
public enum TurnEvent: Sendable {
    case route(intent: Intent, agent: String)
    case tool(name: String, status: String)
    case delta(String)
    case card(JSONValue)
    case done(TurnResult)

    /// SSE event name.
    public var name: String {
        switch self {
        case .route: "route"
        case .tool: "tool"
        case .delta: "delta"
        case .card: "card"
        case .done: "done"
        }
    }

    /// SSE data object.
    public var data: JSONValue {
        switch self {
        case .route(let i, let a): ["intent": .string(i.rawValue), "agent": .string(a)]
        case .tool(let n, let s): ["name": .string(n), "status": .string(s)]
        case .delta(let t): ["text": .string(t)]
        case .card(let c): c
        case .done(let r): r.json
        }
    }
}

/// The answer to one turn: api.md's `{"turn_id", "intent", "agent", "messages"}`.
public struct TurnResult: Sendable {
    public var turnID: UUID
    public var intent: Intent
    public var agent: String
    public var messages: [JSONValue]
    /// Details for staff views, tests and metrics (not part of the public answer).
    public var toolCalls: [ToolOutcome]
    public var backend: String
    public var fallback: Bool
    public var llmCalls: Int
    public var usage: (prompt: Int, completion: Int)
    public var guardrail: String?
    public var status: String

    public var json: JSONValue {
        ["turn_id": .string(turnID.uuidString.lowercased()), "intent": .string(intent.rawValue), "agent": .string(agent),
         "messages": .array(messages), "status": .string(status)]
    }
}
