import Foundation
import PostgresNIO
import ShowroomCore
import ShowroomTestSupport
import Testing
@testable import ShowroomData

/// Retention on a real database: rows are made with SQL at chosen ages, then read back.
@Suite(.enabled(if: TestDatabase.available)) struct RetentionRepositoryTests {
    struct Seeded {
        let oldConversation = UUID(), newConversation = UUID()
        let oldLead = UUID(), newLead = UUID()
        let oldAppointment = UUID(), newAppointment = UUID()
    }

    /// A store with one conversation, lead and appointment last active `ageDays` ago and one of each from today.
    func seed(_ db: Database, store: String = "ret-test", settings: String = "{}", ageDays: Int = 400) async throws -> Seeded {
        let s = Seeded()
        try await db.execute("""
            INSERT INTO stores (id, name, city, currency, locale, timezone, address, phone, hours, tax_profile, publishable_key, settings)
            VALUES (\(store), 'Retention Test', 'Shanghai', 'CNY', 'zh-CN', 'Asia/Shanghai', '1 Rd', '+86 21 0000 0000', '{}', '{}',
                    \("pk_" + store), \(settings)::jsonb)
            """)
        let old = "\(ageDays) days"
        for (id, age) in [(s.oldConversation, old), (s.newConversation, "0 days")] {
            try await db.execute("""
                INSERT INTO conversations (id, store_id, profile, summary, vehicle_context, next_seq, created_at, updated_at)
                VALUES (\(id), \(store), '{"name":"Wang Fang","phone":"13800138000"}', 'wants an SUV', '{"stock_number":"S1"}', 2,
                        now() - \(age)::interval, now() - \(age)::interval)
                """)
            try await db.execute("""
                INSERT INTO messages (conversation_id, seq, role, agent, text, cards, actions) VALUES
                  (\(id), 0, 'user', NULL, 'I am Wang Fang, 13800138000', '[]', '[]'),
                  (\(id), 1, 'assistant', 'catalog', 'Here is a Han', '[{"type":"vehicle","vin":"LGXCE4CB5N0000001"}]',
                   '[{"type":"reply","label":"Book","value":"book"}]')
                """)
            try await db.execute("""
                INSERT INTO turns (id, conversation_id, store_id, intent, agent) VALUES (\(UUID()), \(id), \(store), 'vehicle_search', 'catalog')
                """)
            try await db.execute("""
                INSERT INTO tool_calls (conversation_id, store_id, caller, tool, arguments, result, ok)
                VALUES (\(id), \(store), 'widget:booking', 'create_lead', '{"name":"Wang Fang","phone":"13800138000"}', '{"ok":true}', true)
                """)
        }
        for (lead, appointment, age, phone) in [(s.oldLead, s.oldAppointment, old, "13800138000"), (s.newLead, s.newAppointment, "0 days", "13900139000")] {
            try await db.execute("""
                INSERT INTO leads (id, store_id, contact_key, name, phone, email, consent, note, created_at, updated_at)
                VALUES (\(lead), \(store), \("tel:" + phone), 'Wang Fang', \(phone), 'wang@example.cn', true, 'call after 6',
                        now() - \(age)::interval, now() - \(age)::interval)
                """)
            // Both appointments lie in the future, so only the lead link can make one old.
            try await db.execute("""
                INSERT INTO appointments (id, store_id, lead_id, name, phone, starts_at, ends_at)
                VALUES (\(appointment), \(store), \(lead), 'Wang Fang', \(phone), now() + interval '1 day', now() + interval '1 day 45 minutes')
                """)
        }
        return s
    }

    func texts(_ db: Database, _ conversation: UUID) async throws -> [String] {
        try await db.rows("SELECT text || '|' || cards::text || '|' || actions::text FROM messages WHERE conversation_id = \(conversation) ORDER BY seq")
            .map { try $0.decode(String.self) }
    }

    /// A retention run measured from the database's clock: `seed` ages rows with its `now()`, so the
    /// outcome holds whatever the wall clock says, and however far this process's clock is from the database's.
    func retain(_ db: Database, olderThan: RetentionPeriod?, store: StoreID? = nil, dryRun: Bool = false) async throws -> [RetentionReport] {
        let now = try await db.rows("SELECT now()").first!.decode(Date.self)
        return try await RetentionRepository(db: db).run(olderThan: olderThan, store: store, dryRun: dryRun, now: now)
    }

    func count(_ db: Database, _ query: PostgresQuery) async throws -> Int {
        try await db.rows(query).first!.decode(Int.self)
    }

    @Test func anonymizeBlanksOldConversationsLeadsAndTheirAppointmentsOnly() async throws {
        try await TestDatabase.with { db in
            let s = try await seed(db)
            let reports = try await retain(db, olderThan: try RetentionPeriod(parsing: "180d"))
            let r = try #require(reports.first { $0.storeID == "ret-test" })
            #expect((r.action, r.conversations, r.messages, r.toolCalls, r.leads, r.appointments) == (.anonymize, 1, 2, 1, 1, 1))

            #expect(try await texts(db, s.oldConversation) == ["[removed]|[]|[]", "[removed]|[]|[]"])
            #expect(try await texts(db, s.newConversation).first == "I am Wang Fang, 13800138000|[]|[]")
            let conv = try await db.rows("""
                SELECT anonymized, profile::text, summary, vehicle_context IS NULL FROM conversations WHERE id = \(s.oldConversation)
                """).first!.decode((Bool, String, String, Bool).self)
            #expect(conv == (true, "{}", "", true))
            let kept = try await db.rows("SELECT anonymized, profile->>'name' FROM conversations WHERE id = \(s.newConversation)")
                .first!.decode((Bool, String?).self)
            #expect(kept == (false, "Wang Fang"))
            let calls = try await db.rows("""
                SELECT arguments::text, result IS NULL FROM tool_calls WHERE conversation_id = \(s.oldConversation)
                """).first!.decode((String, Bool).self)
            #expect(calls == ("{}", true))
            #expect(try await count(db, "SELECT count(*)::int FROM turns WHERE conversation_id = \(s.oldConversation)") == 1)

            let lead = try await db.rows("""
                SELECT name, phone, email, note, anonymized, contact_key FROM leads WHERE id = \(s.oldLead)
                """).first!.decode((String, String?, String?, String?, Bool, String).self)
            #expect(lead.0 == "[removed]" && lead.1 == nil && lead.2 == nil && lead.3 == nil && lead.4)
            #expect(!lead.5.contains("13800138000"))
            let newLead = try await db.rows("SELECT name, phone, anonymized FROM leads WHERE id = \(s.newLead)")
                .first!.decode((String, String?, Bool).self)
            #expect(newLead == ("Wang Fang", "13900139000", false))

            let appts = try await db.rows("SELECT id, name, phone FROM appointments ORDER BY name")
                .map { try $0.decode((UUID, String, String).self) }
            #expect(appts.first { $0.0 == s.oldAppointment }.map { [$0.1, $0.2] } == ["[removed]", "[removed]"])
            #expect(appts.first { $0.0 == s.newAppointment }.map { [$0.1, $0.2] } == ["Wang Fang", "13900139000"])

            // A second run finds nothing left to do.
            let again = try await retain(db, olderThan: try RetentionPeriod(parsing: "180d"))
            #expect(again.allSatisfy { $0.isEmpty })
        }
    }

    @Test func deletePolicyRemovesOldRowsWithTheirMessagesTurnsAndToolCalls() async throws {
        try await TestDatabase.with { db in
            let s = try await seed(db, settings: #"{"lead_retention":"delete"}"#)
            let r = try #require(try await retain(db, olderThan: nil).first)
            #expect((r.action, r.conversations, r.messages, r.toolCalls, r.leads, r.appointments) == (.delete, 1, 2, 1, 1, 1))
            #expect(try await count(db, "SELECT count(*)::int FROM conversations WHERE id = \(s.oldConversation)") == 0)
            #expect(try await count(db, "SELECT count(*)::int FROM messages WHERE conversation_id = \(s.oldConversation)") == 0)
            #expect(try await count(db, "SELECT count(*)::int FROM turns WHERE conversation_id = \(s.oldConversation)") == 0)
            #expect(try await count(db, "SELECT count(*)::int FROM tool_calls WHERE conversation_id = \(s.oldConversation)") == 0)
            #expect(try await count(db, "SELECT count(*)::int FROM leads WHERE id = \(s.oldLead)") == 0)
            #expect(try await count(db, "SELECT count(*)::int FROM messages WHERE conversation_id = \(s.newConversation)") == 2)
            #expect(try await count(db, "SELECT count(*)::int FROM leads WHERE id = \(s.newLead)") == 1)
            // The old lead's appointment stays for the store's calendar, without the person.
            let appt = try await db.rows("SELECT lead_id IS NULL, name, phone FROM appointments WHERE id = \(s.oldAppointment)")
                .first!.decode((Bool, String, String).self)
            #expect(appt == (true, "[removed]", "[removed]"))
        }
    }

    @Test func dryRunReportsTheSameCountsAndChangesNothing() async throws {
        try await TestDatabase.with { db in
            let s = try await seed(db, settings: #"{"lead_retention":"delete"}"#)
            let dry = try #require(try await retain(db, olderThan: nil, dryRun: true).first)
            #expect((dry.conversations, dry.messages, dry.leads, dry.dryRun) == (1, 2, 1, true))
            #expect(try await count(db, "SELECT count(*)::int FROM conversations WHERE id = \(s.oldConversation)") == 1)
            #expect(try await texts(db, s.oldConversation).first == "I am Wang Fang, 13800138000|[]|[]")
            #expect(try await count(db, "SELECT count(*)::int FROM leads WHERE id = \(s.oldLead)") == 1)
            let real = try #require(try await retain(db, olderThan: nil).first)
            #expect((real.conversations, real.messages, real.leads) == (dry.conversations, dry.messages, dry.leads))
        }
    }

    @Test func storeRetentionDaysApplyUnlessTheFlagOverridesThem() async throws {
        try await TestDatabase.with { db in
            let s = try await seed(db, settings: #"{"retention_days":30}"#, ageDays: 60)
            let longer = try #require(try await retain(db, olderThan: try RetentionPeriod(parsing: "90d")).first)
            #expect(longer.isEmpty)
            let byStore = try #require(try await retain(db, olderThan: nil).first)
            #expect((byStore.period, byStore.conversations, byStore.leads) == (RetentionPeriod(days: 30), 1, 1))
            #expect(try await count(db, "SELECT count(*)::int FROM conversations WHERE anonymized AND id = \(s.oldConversation)") == 1)
        }
    }

    @Test func oneStoreCanBeChosenAndUnknownStoresAreNotFound() async throws {
        try await TestDatabase.with { db in
            let a = try await seed(db, store: "ret-a")
            let b = try await seed(db, store: "ret-b")
            let reports = try await retain(db, olderThan: .standard, store: "ret-b")
            #expect(reports.map(\.storeID) == ["ret-b"])
            #expect(try await count(db, "SELECT count(*)::int FROM conversations WHERE anonymized AND id = \(a.oldConversation)") == 0)
            #expect(try await count(db, "SELECT count(*)::int FROM conversations WHERE anonymized AND id = \(b.oldConversation)") == 1)
            await #expect(throws: ShowroomError.self) {
                try await retain(db, olderThan: nil, store: "nope")
            }
        }
    }
}
