import Foundation
import PostgresNIO
import ShowroomCore

/// Set-based analytics over conversations, turns, leads and appointments (four queries, no loops
/// over rows). Days are store-local (`DayRange`); `stores == nil` means every store.
public struct AnalyticsRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    public func report(days: DayRange, stores: [StoreID]?) async throws -> AnalyticsReport {
        let s = stores?.map(\.rawValue)
        let (from, to) = (days.from, days.to)

        let sessionRow = try await db.rows("""
            SELECT count(*)::int8,
                   count(*) FILTER (WHERE c.turn_count > 0)::int8,
                   count(*) FILTER (WHERE EXISTS (
                     SELECT 1 FROM turns t WHERE t.conversation_id = c.id AND t.intent = 'human_handoff'))::int8
            FROM conversations c JOIN stores st ON st.id = c.store_id
            WHERE c.channel = 'widget'
              AND (\(s)::text[] IS NULL OR c.store_id = ANY(\(s)::text[]))
              AND (\(from)::date IS NULL OR (c.created_at AT TIME ZONE st.timezone)::date >= \(from)::date)
              AND (\(to)::date IS NULL OR (c.created_at AT TIME ZONE st.timezone)::date <= \(to)::date)
            """).first
        let (sessions, engaged, handedOff) = try sessionRow?.decode((Int, Int, Int).self) ?? (0, 0, 0)

        let mix = try await db.rows("""
            SELECT t.intent, count(*)::int8 AS n
            FROM turns t JOIN conversations c ON c.id = t.conversation_id JOIN stores st ON st.id = t.store_id
            WHERE c.channel = 'widget'
              AND (\(s)::text[] IS NULL OR t.store_id = ANY(\(s)::text[]))
              AND (\(from)::date IS NULL OR (t.created_at AT TIME ZONE st.timezone)::date >= \(from)::date)
              AND (\(to)::date IS NULL OR (t.created_at AT TIME ZONE st.timezone)::date <= \(to)::date)
            GROUP BY t.intent ORDER BY n DESC, t.intent
            """).map { try $0.decode((String, Int).self) }

        let perDay = try await db.rows("""
            WITH ev AS (
              SELECT c.store_id, c.created_at AS at, 'session' AS kind FROM conversations c WHERE c.channel = 'widget'
              UNION ALL
              SELECT t.store_id, t.created_at, 'turn' FROM turns t JOIN conversations c ON c.id = t.conversation_id
              WHERE c.channel = 'widget'
              UNION ALL
              SELECT store_id, created_at, 'lead' FROM leads
              UNION ALL
              SELECT store_id, created_at, 'test_drive' FROM appointments
            ), d AS (
              SELECT (ev.at AT TIME ZONE st.timezone)::date AS day, ev.kind
              FROM ev JOIN stores st ON st.id = ev.store_id
              WHERE (\(s)::text[] IS NULL OR ev.store_id = ANY(\(s)::text[]))
            )
            SELECT day::text,
                   count(*) FILTER (WHERE kind = 'session')::int8, count(*) FILTER (WHERE kind = 'turn')::int8,
                   count(*) FILTER (WHERE kind = 'lead')::int8, count(*) FILTER (WHERE kind = 'test_drive')::int8
            FROM d
            WHERE (\(from)::date IS NULL OR day >= \(from)::date) AND (\(to)::date IS NULL OR day <= \(to)::date)
            GROUP BY day ORDER BY day
            """).map { row in
            let (day, sessions, turns, leads, drives) = try row.decode((String, Int, Int, Int, Int).self)
            return AnalyticsReport.Day(day: day, sessions: sessions, turns: turns, leads: leads, testDrives: drives)
        }

        let usage = try await db.rows("""
            SELECT t.agent, t.backend, count(*)::int8, coalesce(sum(t.llm_calls), 0)::int8,
                   coalesce(sum(t.prompt_tokens), 0)::int8, coalesce(sum(t.completion_tokens), 0)::int8,
                   count(*) FILTER (WHERE t.fallback)::int8
            FROM turns t JOIN stores st ON st.id = t.store_id
            WHERE (\(s)::text[] IS NULL OR t.store_id = ANY(\(s)::text[]))
              AND (\(from)::date IS NULL OR (t.created_at AT TIME ZONE st.timezone)::date >= \(from)::date)
              AND (\(to)::date IS NULL OR (t.created_at AT TIME ZONE st.timezone)::date <= \(to)::date)
            GROUP BY t.agent, t.backend ORDER BY t.agent, t.backend
            """).map { row in
            let (agent, backend, turns, calls, prompt, completion, fallbacks) =
                try row.decode((String, String, Int, Int, Int, Int, Int).self)
            return AnalyticsReport.Usage(agent: agent, backend: backend, turns: turns, llmCalls: calls, promptTokens: prompt,
                                         completionTokens: completion, fallbacks: fallbacks)
        }

        return AnalyticsReport(sessions: sessions, engagedSessions: engaged, handedOffSessions: handedOff,
                               turns: mix.reduce(0) { $0 + $1.1 }, intentMix: mix.map { AnalyticsReport.IntentCount(intent: $0.0, turns: $0.1) },
                               perDay: perDay, usage: usage)
    }
}
