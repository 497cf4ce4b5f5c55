import Foundation
import ShowroomCore

/// What `GET /v1/staff/analytics` answers: customer (widget) activity over a range of days,
/// and model usage of every channel (widget, staff assist) by agent and backend.
public struct AnalyticsReport: Sendable, Hashable {
    /// Widget sessions (conversations) started in the range.
    public var sessions: Int
    /// Sessions with at least one answered turn.
    public var engagedSessions: Int
    /// Sessions with at least one `human_handoff` turn.
    public var handedOffSessions: Int
    /// Widget turns answered in the range.
    public var turns: Int
    /// Widget turns by intent, most frequent first.
    public var intentMix: [IntentCount]
    /// Activity per store-local day; days without any activity are left out.
    public var perDay: [Day]
    /// Turns of every channel grouped by agent and backend.
    public var usage: [Usage]

    public struct IntentCount: Sendable, Hashable {
        public var intent: String
        public var turns: Int
    }

    public struct Day: Sendable, Hashable {
        public var day: String
        public var sessions: Int
        public var turns: Int
        public var leads: Int
        public var testDrives: Int
    }

    public struct Usage: Sendable, Hashable {
        public var agent: String
        public var backend: String
        public var turns: Int
        public var llmCalls: Int
        public var promptTokens: Int
        public var completionTokens: Int
        public var fallbacks: Int
    }

    /// Handed-off sessions ÷ engaged sessions, rounded to 4 decimals (0 when none engaged).
    public var handoffRate: Double {
        engagedSessions == 0 ? 0 : (Double(handedOffSessions) / Double(engagedSessions) * 10_000).rounded() / 10_000
    }

    /// The staff API shape (`Analytics` in /openapi.json).
    public var json: JSONValue {
        func n(_ i: Int) -> JSONValue { .number(Double(i)) }
        let leads = perDay.reduce(0) { $0 + $1.leads }, drives = perDay.reduce(0) { $0 + $1.testDrives }
        return [
            "totals": [
                "sessions": n(sessions), "engaged_sessions": n(engagedSessions), "handoffs": n(handedOffSessions),
                "handoff_rate": .number(handoffRate), "turns": n(turns), "leads": n(leads), "test_drives": n(drives),
                "llm_calls": n(usage.reduce(0) { $0 + $1.llmCalls }),
                "prompt_tokens": n(usage.reduce(0) { $0 + $1.promptTokens }),
                "completion_tokens": n(usage.reduce(0) { $0 + $1.completionTokens }),
            ],
            "intent_mix": .array(intentMix.map { ["intent": .string($0.intent), "turns": n($0.turns)] }),
            "per_day": .array(perDay.map {
                ["day": .string($0.day), "sessions": n($0.sessions), "turns": n($0.turns), "leads": n($0.leads),
                 "test_drives": n($0.testDrives)]
            }),
            "llm_usage": .array(usage.map {
                ["agent": .string($0.agent), "backend": .string($0.backend), "turns": n($0.turns), "llm_calls": n($0.llmCalls),
                 "prompt_tokens": n($0.promptTokens), "completion_tokens": n($0.completionTokens), "fallbacks": n($0.fallbacks)]
            }),
        ]
    }
}
