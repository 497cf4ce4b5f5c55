import Foundation
import ShowroomCore

extension ConversationRepository {
    /// Records a turn that was cancelled (the customer closed the stream): a `turns` row with
    /// guardrail `cancelled`, so its stored message and the tool calls it made belong to a turn.
    /// Nothing happens when the turn finished after all (its row already exists).
    public func recordCancelledTurn(_ conversation: UUID, turnID: UUID, intent: String, agent: String) async throws {
        try await db.execute("""
            WITH c AS (
              UPDATE conversations SET turn_count = turn_count + 1, updated_at = now()
              WHERE id = \(conversation) AND NOT EXISTS (SELECT 1 FROM turns WHERE id = \(turnID))
              RETURNING id, store_id
            )
            INSERT INTO turns (id, conversation_id, store_id, intent, agent, guardrail)
            SELECT \(turnID), c.id, c.store_id, \(intent), \(agent), 'cancelled' FROM c
            ON CONFLICT (id) DO NOTHING
            """)
    }
}
