import Foundation
import PostgresNIO
import ShowroomCore

/// Applies each store's retention policy to old personal data.
///
/// "Old" means last active (`updated_at`) before the cutoff. Per store, in one transaction:
/// - anonymize: conversations lose profile, summary and vehicle context; all their messages'
///   text becomes `[removed]` with cards and actions cleared; their tool-call arguments and
///   results are cleared; leads get name `[removed]`, no phone, e-mail or note, and a
///   contact key that no longer holds the contact; rows are flagged `anonymized` and skipped
///   on later runs. Turn records (intent, agent, timings) stay for analytics.
/// - delete: those conversations (messages and turns cascade), their tool calls, and those
///   leads are removed.
/// In both, appointments of the affected leads and appointments that ended before the cutoff
/// get name and phone `[removed]`. A dry run does the same work and rolls it back, so its
/// counts are exactly what a real run would change at that moment.
public struct RetentionRepository: Sendable {
    public let db: Database

    public init(db: Database) { self.db = db }

    static let removed = "[removed]"

    /// Runs retention for every store (or one), newest policy from `stores.settings`.
    /// - Parameters:
    ///   - olderThan: overrides every store's `retention_days` when given.
    ///   - store: limits the run to one store; `not_found` when it does not exist.
    public func run(olderThan: RetentionPeriod?, store: StoreID? = nil, dryRun: Bool, now: Date = Date()) async throws
        -> [RetentionReport]
    {
        let rows = try await db.rows("""
            SELECT id, settings::text FROM stores WHERE \(store?.rawValue)::text IS NULL OR id = \(store?.rawValue) ORDER BY id
            """)
        if let store, rows.isEmpty { throw ShowroomError.notFound("No store with id '\(store.rawValue)'.") }
        var reports: [RetentionReport] = []
        for row in rows {
            let (id, settings) = try row.decode((String, String).self)
            var policy = RetentionPolicy(settings: JSONValue.parse(settings) ?? [:])
            if let olderThan { policy.period = olderThan }
            reports.append(try await apply(policy, store: StoreID(id), dryRun: dryRun, now: now))
        }
        return reports
    }

    /// Applies one policy to one store in one transaction (rolled back when `dryRun`).
    public func apply(_ policy: RetentionPolicy, store: StoreID, dryRun: Bool, now: Date = Date()) async throws -> RetentionReport {
        let cutoff = policy.period.cutoff(from: now)
        var report = RetentionReport(storeID: store, action: policy.action, period: policy.period, cutoff: cutoff, dryRun: dryRun)
        try await db.withConnection { conn in
            try await conn.query("BEGIN", logger: db.logger)
            do {
                switch policy.action {
                case .anonymize: try await anonymize(conn, store: store.rawValue, cutoff: cutoff, into: &report)
                case .delete: try await delete(conn, store: store.rawValue, cutoff: cutoff, into: &report)
                }
                report.appointments += try await count(conn, """
                    WITH a AS (
                      UPDATE appointments SET name = \(Self.removed), phone = \(Self.removed), updated_at = now()
                      WHERE store_id = \(store.rawValue) AND ends_at < \(cutoff) AND (name <> \(Self.removed) OR phone <> \(Self.removed))
                      RETURNING 1)
                    SELECT count(*)::int FROM a
                    """)[0]
                try await conn.query(dryRun ? "ROLLBACK" : "COMMIT", logger: db.logger)
            } catch {
                _ = try? await conn.query("ROLLBACK", logger: db.logger)
                throw error
            }
        }
        return report
    }

    func anonymize(_ conn: PostgresConnection, store: String, cutoff: Date, into report: inout RetentionReport) async throws {
        let c = try await count(conn, """
            WITH c AS (
              UPDATE conversations SET profile = '{}', summary = '', vehicle_context = NULL, anonymized = true
              WHERE store_id = \(store) AND updated_at < \(cutoff) AND NOT anonymized
              RETURNING id),
            m AS (
              UPDATE messages SET text = \(Self.removed), cards = '[]', actions = '[]'
              WHERE conversation_id IN (SELECT id FROM c) RETURNING 1),
            t AS (
              UPDATE tool_calls SET arguments = '{}', result = NULL
              WHERE conversation_id IN (SELECT id FROM c) RETURNING 1)
            SELECT (SELECT count(*)::int FROM c), (SELECT count(*)::int FROM m), (SELECT count(*)::int FROM t)
            """)
        report.conversations = c[0]
        report.messages = c[1]
        report.toolCalls = c[2]
        let l = try await count(conn, """
            WITH l AS (
              UPDATE leads SET name = \(Self.removed), phone = NULL, email = NULL, note = NULL, anonymized = true,
                contact_key = 'anonymized:' || id::text
              WHERE store_id = \(store) AND updated_at < \(cutoff) AND NOT anonymized
              RETURNING id),
            a AS (
              UPDATE appointments SET name = \(Self.removed), phone = \(Self.removed), updated_at = now()
              WHERE lead_id IN (SELECT id FROM l) AND (name <> \(Self.removed) OR phone <> \(Self.removed)) RETURNING 1)
            SELECT (SELECT count(*)::int FROM l), (SELECT count(*)::int FROM a)
            """)
        report.leads = l[0]
        report.appointments = l[1]
    }

    func delete(_ conn: PostgresConnection, store: String, cutoff: Date, into report: inout RetentionReport) async throws {
        let c = try await count(conn, """
            WITH c AS (
              DELETE FROM conversations WHERE store_id = \(store) AND updated_at < \(cutoff) RETURNING id),
            t AS (
              DELETE FROM tool_calls WHERE conversation_id IN (SELECT id FROM c) RETURNING 1)
            SELECT (SELECT count(*)::int FROM c),
                   (SELECT count(*)::int FROM messages WHERE conversation_id IN (SELECT id FROM c)),
                   (SELECT count(*)::int FROM t)
            """)
        report.conversations = c[0]
        report.messages = c[1]
        report.toolCalls = c[2]
        // Appointments first: deleting a lead sets their lead_id to NULL.
        report.appointments = try await count(conn, """
            WITH a AS (
              UPDATE appointments SET name = \(Self.removed), phone = \(Self.removed), updated_at = now()
              WHERE lead_id IN (SELECT id FROM leads WHERE store_id = \(store) AND updated_at < \(cutoff))
                AND (name <> \(Self.removed) OR phone <> \(Self.removed))
              RETURNING 1)
            SELECT count(*)::int FROM a
            """)[0]
        report.leads = try await count(conn, """
            WITH l AS (DELETE FROM leads WHERE store_id = \(store) AND updated_at < \(cutoff) RETURNING 1)
            SELECT count(*)::int FROM l
            """)[0]
    }

    /// Runs a statement whose single row holds integer counts.
    func count(_ conn: PostgresConnection, _ query: PostgresQuery) async throws -> [Int] {
        guard let row = try await conn.rows(query, logger: db.logger).first else { return [] }
        return try row.map { try $0.decode(Int.self) }
    }
}
