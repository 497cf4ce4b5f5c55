import Foundation
import PostgresNIO
import ShowroomCore

/// The staff side of conversations: filtered lists, full transcripts with per-turn details
/// and tool calls, and the takeover status changes.
extension ConversationRepository {
    /// One conversation in a list.
    public struct Summary: Sendable, Hashable {
        public var id: UUID
        public var storeID: StoreID
        public var channel: String
        public var locale: String
        public var status: String
        public var turnCount: Int
        public var messageCount: Int
        /// The latest customer message, cut to 160 characters ("" when none).
        public var preview: String
        public var createdAt: Date
        public var updatedAt: Date
        /// The staff key that opened a staff-assist conversation (nil for widget and CLI ones).
        public var staffKeyID: UUID?

        public var json: JSONValue {
            let f = ISO8601DateFormatter()
            return [
                "id": .string(id.uuidString.lowercased()), "store_id": .string(storeID.rawValue), "channel": .string(channel),
                "locale": .string(locale), "status": .string(status), "turn_count": .number(Double(turnCount)),
                "message_count": .number(Double(messageCount)), "preview": .string(preview),
                "created_at": .string(f.string(from: createdAt)), "updated_at": .string(f.string(from: updatedAt)),
            ]
        }
    }

    /// One answered turn: routing, agent, backend, fallback, timings, model usage, guardrail, tool calls.
    public struct TurnDetail: Sendable, Hashable {
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
        public var createdAt: Date
        /// `[{tool, caller, arguments, result, ok, error_code, duration_ms, created_at}]`, in call order.
        public var toolCalls: JSONValue

        public var json: JSONValue {
            [
                "id": .string(id.uuidString.lowercased()), "intent": .string(intent), "agent": .string(agent),
                "confidence": .number(confidence), "slots": slots, "backend": .string(backend), "fallback": .bool(fallback),
                "llm_calls": .number(Double(llmCalls)), "prompt_tokens": .number(Double(promptTokens)),
                "completion_tokens": .number(Double(completionTokens)), "llm_ms": .number(Double(llmMs)),
                "total_ms": .number(Double(totalMs)), "timings": timings, "guardrail": guardrail.map { .string($0) } ?? .null,
                "created_at": .string(createdAt.formatted(.iso8601)), "tool_calls": toolCalls,
            ]
        }
    }

    static let summaryColumns = """
        c.id, c.store_id, c.channel, c.locale, c.status, c.turn_count, c.next_seq,
        coalesce((SELECT left(m.text, 160) FROM messages m WHERE m.conversation_id = c.id AND m.role = 'user'
                  ORDER BY m.seq DESC LIMIT 1), ''),
        c.created_at, c.updated_at, c.staff_key_id
        """

    /// Conversations of the stores in scope, most recently active first, paged, with the count before paging.
    public func list(stores: [StoreID]?, status: String? = nil, channel: String? = nil, days: DayRange = .all,
                     limit: Int = 50, offset: Int = 0) async throws -> (total: Int, conversations: [Summary]) {
        let s = stores?.map(\.rawValue)
        let rows = try await db.rows("""
            SELECT \(unescaped: Self.summaryColumns), count(*) OVER ()
            FROM conversations c JOIN stores st ON st.id = c.store_id
            WHERE (\(s)::text[] IS NULL OR c.store_id = ANY(\(s)::text[]))
              AND (\(status)::text IS NULL OR c.status = \(status))
              AND (\(channel)::text IS NULL OR c.channel = \(channel))
              AND (\(days.from)::date IS NULL OR (c.created_at AT TIME ZONE st.timezone)::date >= \(days.from)::date)
              AND (\(days.to)::date IS NULL OR (c.created_at AT TIME ZONE st.timezone)::date <= \(days.to)::date)
            ORDER BY c.updated_at DESC, c.id
            LIMIT \(limit) OFFSET \(offset)
            """)
        var total = 0
        var out: [Summary] = []
        for row in rows {
            out.append(try Self.decodeSummary(row))
            total = try Array(row)[11].decode(Int.self)
        }
        if out.isEmpty && offset > 0 {
            total = try await list(stores: stores, status: status, channel: channel, days: days, limit: 1, offset: 0).total
        }
        return (total, out)
    }

    /// One conversation's summary, or nil.
    public func summary(_ id: UUID) async throws -> Summary? {
        try await db.rows("SELECT \(unescaped: Self.summaryColumns) FROM conversations c WHERE c.id = \(id)")
            .first.map(Self.decodeSummary)
    }

    /// The turns of a conversation, oldest first, each with its tool calls (one query).
    public func turnDetails(_ id: UUID) async throws -> [TurnDetail] {
        try await db.rows("""
            SELECT t.id, t.intent, t.agent, t.confidence, t.slots::text, t.backend, t.fallback, t.llm_calls, t.prompt_tokens,
                   t.completion_tokens, t.llm_ms, t.total_ms, t.timings::text, t.guardrail, t.created_at,
                   coalesce((SELECT json_agg(json_build_object(
                       'tool', tc.tool, 'caller', tc.caller, 'arguments', tc.arguments, 'result', tc.result, 'ok', tc.ok,
                       'error_code', tc.error_code, 'duration_ms', tc.duration_ms, 'created_at', tc.created_at) ORDER BY tc.id)
                     FROM tool_calls tc WHERE tc.turn_id = t.id), '[]')::text
            FROM turns t WHERE t.conversation_id = \(id)
            ORDER BY t.created_at, t.id
            """).map { row in
            let c = Array(row)
            return TurnDetail(
                id: try c[0].decode(UUID.self), intent: try c[1].decode(String.self), agent: try c[2].decode(String.self),
                confidence: try c[3].decode(Double.self), slots: JSONValue.parse(try c[4].decode(String.self)) ?? [:],
                backend: try c[5].decode(String.self), fallback: try c[6].decode(Bool.self), llmCalls: try c[7].decode(Int.self),
                promptTokens: try c[8].decode(Int.self), completionTokens: try c[9].decode(Int.self),
                llmMs: try c[10].decode(Int.self), totalMs: try c[11].decode(Int.self),
                timings: JSONValue.parse(try c[12].decode(String.self)) ?? [:], guardrail: try c[13].decode(String?.self),
                createdAt: try c[14].decode(Date.self), toolCalls: JSONValue.parse(try c[15].decode(String.self)) ?? [])
        }
    }

    /// Moves a conversation to `status` unless it is closed; returns the previous status,
    /// nil when there is no such conversation. Throws `conversation_closed` (409).
    @discardableResult
    public func transition(_ id: UUID, to status: String) async throws -> String? {
        let rows = try await db.rows("""
            UPDATE conversations n SET status = \(status), updated_at = now()
            FROM conversations o WHERE n.id = o.id AND n.id = \(id) AND o.status <> 'closed'
            RETURNING o.status
            """)
        if let row = rows.first { return try row.decode(String.self) }
        guard try await summary(id) != nil else { return nil }
        throw ShowroomError("conversation_closed", "The conversation is closed.", status: 409)
    }

    static func decodeSummary(_ row: PostgresRow) throws -> Summary {
        let c = Array(row)
        return Summary(
            id: try c[0].decode(UUID.self), storeID: StoreID(try c[1].decode(String.self)), channel: try c[2].decode(String.self),
            locale: try c[3].decode(String.self), status: try c[4].decode(String.self), turnCount: try c[5].decode(Int.self),
            messageCount: try c[6].decode(Int.self), preview: try c[7].decode(String.self),
            createdAt: try c[8].decode(Date.self), updatedAt: try c[9].decode(Date.self), staffKeyID: try c[10].decode(UUID?.self))
    }
}
