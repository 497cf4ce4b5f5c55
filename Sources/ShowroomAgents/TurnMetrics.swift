import Metrics
import ShowroomCore

/// Turn counters and latency by agent, intent and backend.
enum TurnMetrics {
    static func record(intent: Intent, agent: String, backend: String, fallback: Bool, seconds: Double) {
        Counter(label: "showroom_turns_total", dimensions: [("agent", agent), ("intent", intent.rawValue)]).increment()
        Timer(label: "showroom_turn_seconds", dimensions: [("agent", agent)]).recordNanoseconds(Int64(seconds * 1e9))
        if fallback { Counter(label: "showroom_turn_fallbacks_total", dimensions: [("backend", backend)]).increment() }
    }
}
