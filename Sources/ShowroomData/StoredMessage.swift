import Foundation
import ShowroomCore

/// One persisted chat message (api.md `message`), with its order in the conversation.
public struct StoredMessage: Sendable, Hashable {
    public var seq: Int
    public var turnID: UUID?
    public var role: String
    public var agent: String?
    public var text: String
    public var cards: JSONValue
    public var actions: JSONValue
    public var createdAt: Date

    public init(seq: Int = 0, turnID: UUID? = nil, role: String, agent: String?, text: String,
                cards: JSONValue = [], actions: JSONValue = [], createdAt: Date = Date()) {
        self.seq = seq
        self.turnID = turnID
        self.role = role
        self.agent = agent
        self.text = text
        self.cards = cards
        self.actions = actions
        self.createdAt = createdAt
    }

    /// The api.md message shape.
    public var json: JSONValue {
        var o: [String: JSONValue] = ["role": .string(role), "text": .string(text), "cards": cards, "actions": actions,
                                      "seq": .number(Double(seq)),
                                      "created_at": .string(createdAt.formatted(.iso8601))]
        o["agent"] = agent.map { .string($0) } ?? .null
        return .object(o)
    }
}

/// A conversation's state as a turn needs it.
public struct ConversationState: Sendable {
    public var id: UUID
    public var storeID: StoreID
    public var channel: String
    public var locale: String
    public var status: String
    public var profile: JSONValue
    public var summary: String
    public var vehicleContext: JSONValue?
    public var turnCount: Int
    /// The most recent messages, oldest first.
    public var recent: [StoredMessage]
}

/// What one turn persists in one transaction.
public struct TurnRecord: Sendable {
    public var id: UUID
    public var intent: String
    public var agent: String
    public var confidence: Double
    public var slots: JSONValue
    public var backend: String
    public var fallback: Bool
    public var llmCalls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var llmMs: Int
    public var totalMs: Int
    public var timings: JSONValue
    public var guardrail: String?

    public init(id: UUID, intent: String, agent: String, confidence: Double, slots: JSONValue, backend: String,
                fallback: Bool, llmCalls: Int, promptTokens: Int, completionTokens: Int, llmMs: Int, totalMs: Int,
                timings: JSONValue, guardrail: String?) {
        self.id = id
        self.intent = intent
        self.agent = agent
        self.confidence = confidence
        self.slots = slots
        self.backend = backend
        self.fallback = fallback
        self.llmCalls = llmCalls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.llmMs = llmMs
        self.totalMs = totalMs
        self.timings = timings
        self.guardrail = guardrail
    }
}
