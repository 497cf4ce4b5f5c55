import Foundation
import PostgresNIO
import ShowroomCore

/// Writes the tool-call audit and the staff audit log.
public struct AuditRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// One tool call: arguments and result as JSON text, outcome and duration.
    public func recordToolCall(conversationID: UUID?, turnID: UUID?, storeID: String?, caller: String, tool: String,
                               arguments: String, result: String?, ok: Bool, errorCode: String?, durationMs: Double) async throws {
        try await db.execute("""
            INSERT INTO tool_calls (conversation_id, turn_id, store_id, caller, tool, arguments, result, ok, error_code, duration_ms)
            VALUES (\(conversationID), \(turnID), \(storeID), \(caller), \(tool), \(arguments)::jsonb, \(result)::jsonb,
                    \(ok), \(errorCode), \(durationMs))
            """)
    }

    /// Results of the conversation's most recent successful tool calls (what earlier turns may cite).
    public func recentResults(conversationID: UUID, limit: Int = 30) async throws -> [JSONValue] {
        try await db.rows("""
            SELECT result::text FROM tool_calls WHERE conversation_id = \(conversationID) AND ok AND result IS NOT NULL
            ORDER BY id DESC LIMIT \(limit)
            """).compactMap { try $0.decode(String.self) }.compactMap(JSONValue.parse)
    }

    /// One staff action or refusal.
    public func record(actor: String, action: String, target: String?, outcome: String, detail: String? = nil) async throws {
        try await db.execute("""
            INSERT INTO audit_log (actor, action, target, outcome, detail)
            VALUES (\(actor), \(action), \(target), \(outcome), \(detail)::jsonb)
            """)
    }
}
