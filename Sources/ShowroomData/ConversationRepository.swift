import Foundation
import PostgresNIO
import ShowroomCore

/// Conversations, their messages and turns. State lives here, never only in memory,
/// so any replica can serve any turn.
public struct ConversationRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Creates a conversation and returns its id; `staffKey` is the key that opened a staff
    /// assist conversation (only it may continue the conversation).
    public func create(store: StoreID, channel: String, locale: String, vehicleContext: JSONValue?,
                       staffKey: UUID? = nil) async throws -> UUID {
        let id = UUID()
        try await db.execute("""
            INSERT INTO conversations (id, store_id, channel, locale, vehicle_context, staff_key_id)
            VALUES (\(id), \(store.rawValue), \(channel), \(locale), \(vehicleContext?.jsonString())::jsonb, \(staffKey))
            """)
        return id
    }

    /// The conversation with its most recent `recentLimit` messages, or nil.
    public func load(_ id: UUID, recentLimit: Int = 12) async throws -> ConversationState? {
        let rows = try await db.rows("""
            SELECT store_id, channel, locale, status, profile::text, summary, vehicle_context::text, turn_count
            FROM conversations WHERE id = \(id)
            """)
        guard let row = rows.first else { return nil }
        let (store, channel, locale, status, profile, summary, vehicle, turns) =
            try row.decode((String, String, String, String, String, String, String?, Int).self)
        let recent = try await messages(id, last: recentLimit)
        return ConversationState(id: id, storeID: StoreID(store), channel: channel, locale: locale, status: status,
                                 profile: JSONValue.parse(profile) ?? [:], summary: summary,
                                 vehicleContext: vehicle.flatMap(JSONValue.parse), turnCount: turns, recent: recent)
    }

    /// Messages oldest first: all of them, or only the last `last`, or those after `afterSeq`.
    public func messages(_ id: UUID, last: Int? = nil, afterSeq: Int? = nil) async throws -> [StoredMessage] {
        let rows = try await db.rows("""
            SELECT seq, turn_id, role, agent, text, cards::text, actions::text, created_at FROM (
              SELECT * FROM messages WHERE conversation_id = \(id) AND seq > \(afterSeq ?? -1)
              ORDER BY seq DESC LIMIT \(last ?? 100_000)) m
            ORDER BY seq ASC
            """)
        return try rows.map { row in
            let (seq, turn, role, agent, text, cards, actions, at) =
                try row.decode((Int, UUID?, String, String?, String, String, String, Date).self)
            return StoredMessage(seq: seq, turnID: turn, role: role, agent: agent, text: text,
                                 cards: JSONValue.parse(cards) ?? [], actions: JSONValue.parse(actions) ?? [], createdAt: at)
        }
    }

    /// Appends messages (and optionally a turn record and new profile/status) atomically, in one
    /// statement (one round trip). Sequence numbers come from the conversation row, which the
    /// statement's UPDATE locks, so two replicas appending to one conversation never lose or
    /// duplicate a message; an unknown conversation writes nothing.
    @discardableResult
    public func append(_ conversation: UUID, messages: [StoredMessage], turn: TurnRecord? = nil,
                       profile: JSONValue? = nil, summary: String? = nil, status: String? = nil) async throws -> [StoredMessage] {
        let count = messages.count
        let turnIDs = messages.map { $0.turnID?.uuidString ?? "" }
        let roles = messages.map(\.role)
        let agents = messages.map { $0.agent ?? "" }
        let texts = messages.map(\.text)
        let cards = messages.map { $0.cards.jsonString() }
        let actions = messages.map { $0.actions.jsonString() }
        let t = turn
        let rows = try await db.rows("""
            WITH c AS (
              UPDATE conversations SET next_seq = next_seq + \(count), updated_at = now(),
                turn_count = turn_count + \(t == nil ? 0 : 1),
                profile = coalesce(\(profile?.jsonString())::jsonb, profile),
                summary = coalesce(\(summary), summary),
                status = coalesce(\(status), status)
              WHERE id = \(conversation) RETURNING next_seq - \(count) AS first_seq, store_id
            ), t AS (
              INSERT INTO turns (id, conversation_id, store_id, intent, agent, confidence, slots, backend, fallback,
                llm_calls, prompt_tokens, completion_tokens, llm_ms, total_ms, timings, guardrail)
              SELECT \(t?.id), \(conversation), c.store_id, \(t?.intent), \(t?.agent), \(t?.confidence), \(t?.slots.jsonString())::jsonb,
                \(t?.backend), \(t?.fallback), \(t?.llmCalls), \(t?.promptTokens), \(t?.completionTokens), \(t?.llmMs), \(t?.totalMs),
                \(t?.timings.jsonString())::jsonb, \(t?.guardrail)
              FROM c WHERE \(t != nil)
            ), m AS (
              INSERT INTO messages (conversation_id, turn_id, seq, role, agent, text, cards, actions)
              SELECT \(conversation), NULLIF(x.turn_id, '')::uuid, c.first_seq + x.ord - 1, x.role, NULLIF(x.agent, ''), x.text,
                     x.cards::jsonb, x.actions::jsonb
              FROM c, unnest(\(turnIDs)::text[], \(roles)::text[], \(agents)::text[], \(texts)::text[], \(cards)::text[], \(actions)::text[])
                   WITH ORDINALITY AS x(turn_id, role, agent, text, cards, actions, ord)
              RETURNING seq, created_at
            )
            SELECT c.first_seq, (SELECT coalesce(max(created_at), now()) FROM m) FROM c
            """)
        guard let row = rows.first else {
            throw ShowroomError("conversation_not_found", "No such conversation.", status: 404)
        }
        let (firstSeq, createdAt) = try row.decode((Int, Date).self)
        return messages.enumerated().map { i, m in
            var stored = m
            stored.seq = firstSeq + i
            stored.createdAt = createdAt
            return stored
        }
    }

    /// Sets a conversation's status (`active`, `waiting_staff`, `staff`, `closed`).
    public func setStatus(_ id: UUID, _ status: String) async throws {
        try await db.execute("UPDATE conversations SET status = \(status), updated_at = now() WHERE id = \(id)")
    }
}
