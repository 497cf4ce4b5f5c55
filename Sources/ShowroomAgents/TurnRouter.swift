import ShowroomCore

/// Decides intent and slots for a turn. The embedded router answers on its own; an
/// LLM-backed router may be consulted for low-confidence turns.
public protocol TurnRouter: Sendable {
    func route(_ text: String) async -> RouteDecision
    /// The decision in the conversation so far: slot-only follow-ups keep the previous intent.
    func route(_ text: String, context: RouteContext) async -> RouteDecision
    /// Canonical `make|model` of every model the text names (for compare).
    func mentions(_ text: String) async -> [String]
}
