import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

/// Analytics numbers against rows inserted here, with days read in each store's time zone
/// (Shanghai UTC+8, San Francisco UTC-8 in early March).
@Suite(.enabled(if: TestDatabase.available)) struct StaffAnalyticsTests {
    static func insertActivity(_ db: Database) async throws {
        // c1: sh 2026-03-01 23:30 local; c2: sh 2026-03-02 00:30 local; c3: sh staff channel; c4: sf 2026-03-01 23:00 local.
        let c1 = UUID(), c2 = UUID(), c3 = UUID(), c4 = UUID()
        try await db.execute("""
            INSERT INTO conversations (id, store_id, channel, turn_count, created_at) VALUES
            (\(c1), 'sh-test', 'widget', 2, '2026-03-01 15:30+00'), (\(c2), 'sh-test', 'widget', 1, '2026-03-01 16:30+00'),
            (\(c3), 'sh-test', 'staff', 1, '2026-03-01 03:00+00'), (\(c4), 'sf-test', 'widget', 1, '2026-03-02 07:00+00')
            """)
        try await db.execute("""
            INSERT INTO turns (id, conversation_id, store_id, intent, agent, backend, fallback, llm_calls, prompt_tokens,
                               completion_tokens, created_at) VALUES
            (gen_random_uuid(), \(c1), 'sh-test', 'greeting', 'concierge', 'openai-x', false, 2, 100, 20, '2026-03-01 15:31+00'),
            (gen_random_uuid(), \(c1), 'sh-test', 'human_handoff', 'booking', 'embedded', false, 0, 0, 0, '2026-03-01 15:32+00'),
            (gen_random_uuid(), \(c2), 'sh-test', 'vehicle_search', 'catalog', 'embedded', true, 0, 0, 0, '2026-03-01 16:31+00'),
            (gen_random_uuid(), \(c3), 'sh-test', 'price_quote', 'pricing', 'openai-x', false, 1, 50, 10, '2026-03-01 03:01+00'),
            (gen_random_uuid(), \(c4), 'sf-test', 'vehicle_search', 'catalog', 'embedded', false, 0, 0, 0, '2026-03-02 07:01+00')
            """)
        try await db.execute("""
            INSERT INTO leads (id, store_id, contact_key, name, phone, email, consent, interest, status, note, created_at) VALUES
            (gen_random_uuid(), 'sh-test', 'p:1', '王, "小明"', '+86 13800000001', NULL, true, 'buy', 'new', '=HYPERLINK("x")', '2026-03-01 02:00+00'),
            (gen_random_uuid(), 'sh-test', 'p:2', 'Li', '+86 13800000002', NULL, true, 'test-drive', 'contacted', NULL, '2026-03-01 17:00+00'),
            (gen_random_uuid(), 'sf-test', 'p:3', 'Ann', NULL, 'ann@example.com', true, 'lease', 'new', 'call after 5', '2026-03-01 20:00+00')
            """)
        try await db.execute("""
            INSERT INTO appointments (id, store_id, name, phone, starts_at, ends_at, created_at) VALUES
            (gen_random_uuid(), 'sh-test', 'Li', '+86 13800000002', '2026-03-05 02:00+00', '2026-03-05 02:45+00', '2026-03-01 17:05+00')
            """)
    }

    @Test func analyticsCountSessionsTurnsIntentsHandoffsLeadsTestDrivesAndTokensByStoreLocalDay() async throws {
        try await StaffHarness.with { h in
            try await Self.insertActivity(h.db)
            let r = try await h.json(.get, "/v1/staff/analytics?from=2026-03-01&to=2026-03-02", key: "adminAll")
            #expect(r.status == 200, "\(r.json)")
            let t = try #require(r.json["totals"])
            #expect(t["sessions"] == 3)
            #expect(t["engaged_sessions"] == 3)
            #expect(t["handoffs"] == 1)
            #expect(t["handoff_rate"] == 0.3333)
            #expect(t["turns"] == 4)
            #expect(t["leads"] == 3)
            #expect(t["test_drives"] == 1)
            #expect(t["llm_calls"] == 3)
            #expect(t["prompt_tokens"] == 150)
            #expect(t["completion_tokens"] == 30)
            #expect(r.json["intent_mix"] == [["intent": "vehicle_search", "turns": 2], ["intent": "greeting", "turns": 1],
                                             ["intent": "human_handoff", "turns": 1]])
            #expect(r.json["per_day"] == [
                ["day": "2026-03-01", "sessions": 2, "turns": 3, "leads": 2, "test_drives": 0],
                ["day": "2026-03-02", "sessions": 1, "turns": 1, "leads": 1, "test_drives": 1],
            ])
            #expect(r.json["llm_usage"] == [
                ["agent": "booking", "backend": "embedded", "turns": 1, "llm_calls": 0, "prompt_tokens": 0, "completion_tokens": 0, "fallbacks": 0],
                ["agent": "catalog", "backend": "embedded", "turns": 2, "llm_calls": 0, "prompt_tokens": 0, "completion_tokens": 0, "fallbacks": 1],
                ["agent": "concierge", "backend": "openai-x", "turns": 1, "llm_calls": 2, "prompt_tokens": 100, "completion_tokens": 20, "fallbacks": 0],
                ["agent": "pricing", "backend": "openai-x", "turns": 1, "llm_calls": 1, "prompt_tokens": 50, "completion_tokens": 10, "fallbacks": 0],
            ])
            #expect(r.json["store_ids"] == .null)
        }
    }

    @Test func aRangeAndAStoreNarrowTheNumbers() async throws {
        try await StaffHarness.with { h in
            try await Self.insertActivity(h.db)
            let day2 = try await h.json(.get, "/v1/staff/analytics?from=2026-03-02&to=2026-03-02", key: "adminAll")
            #expect(day2.json["totals"]?["sessions"] == 1)
            #expect(day2.json["totals"]?["handoffs"] == 0)
            #expect(day2.json["totals"]?["handoff_rate"] == 0)
            #expect(day2.json["per_day"]?.arrayValue?.count == 1)
            let sf = try await h.json(.get, "/v1/staff/analytics", key: "managerSF")
            #expect(sf.json["store_ids"] == ["sf-test"])
            #expect(sf.json["totals"]?["sessions"] == 1)
            #expect(sf.json["totals"]?["leads"] == 1)
            #expect(sf.json["totals"]?["llm_calls"] == 0)
            let empty = try await h.json(.get, "/v1/staff/analytics?from=2027-01-01", key: "adminAll")
            #expect(empty.json["totals"]?["sessions"] == 0)
            #expect(empty.json["per_day"] == [])
            #expect(try await h.json(.get, "/v1/staff/analytics?from=2026-13-01", key: "adminAll").status == 400)
        }
    }

    @Test func leadsFilterByStatusAndDayAndExportAsSafeCSV() async throws {
        try await StaffHarness.with { h in
            try await Self.insertActivity(h.db)
            let all = try await h.json(.get, "/v1/staff/leads", key: "salesAll")
            #expect(all.json["total"] == 3)
            let shNew = try await h.json(.get, "/v1/staff/leads?store_id=sh-test&status=new", key: "salesSH")
            #expect(shNew.json["leads"]?.arrayValue?.map { $0["name"] } == ["王, \"小明\""])
            let day2 = try await h.json(.get, "/v1/staff/leads?from=2026-03-02&to=2026-03-02", key: "salesAll")
            #expect(day2.json["leads"]?.arrayValue?.map { $0["name"] } == ["Li"])  // 17:00 UTC is the 2nd in Shanghai
            let scoped = try await h.json(.get, "/v1/staff/leads", key: "managerSF")
            #expect(scoped.json["leads"]?.arrayValue?.map { $0["name"] } == ["Ann"])

            let csv = try await h.call(.get, "/v1/staff/leads?store_id=sh-test&format=csv", key: "salesSH")
            #expect(csv.status == 200)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.headers[.contentDisposition] == #"attachment; filename="leads-sh-test.csv""#)
            let ranged = try await h.call(.get, "/v1/staff/leads?format=csv&from=2026-03-01&to=2026-03-02", key: "salesAll")
            #expect(ranged.headers[.contentDisposition] == #"attachment; filename="leads-all-stores-from-2026-03-01-to-2026-03-02.csv""#)
            for path in ["/v1/staff/leads?from=2026-03-02&to=2026-03-01", "/v1/staff/conversations?from=2026-03-02&to=2026-03-01"] {
                let backwards = try await h.json(.get, path, key: "salesAll")
                #expect(backwards.status == 400, "\(path)")
                #expect(backwards.json["error"]?["message"]?.stringValue?.contains("after") == true)
            }
            #expect(try await h.json(.get, "/v1/staff/analytics?from=2026-03-02&to=2026-03-01", key: "adminAll").status == 400)
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 3)
            #expect(lines[0] == StaffLeadsController.csvColumns.joined(separator: ","))
            #expect(lines[2].contains(#""王, ""小明""""#))
            #expect(lines[2].contains(#""'=HYPERLINK(""x"")""#))
            #expect(lines[2].contains(",+86 13800000001,"))

            let id = try #require(all.json["leads"]?.arrayValue?.first?["id"]?.stringValue)
            let one = try await h.json(.get, "/v1/staff/leads/\(id)", key: "salesAll")
            #expect(one.status == 200)
            #expect(one.json["id"] == .string(id))
            #expect(try await h.json(.get, "/v1/staff/leads/\(UUID())", key: "salesAll").status == 404)
            let adf = try await h.call(.get, "/v1/staff/leads/\(id)/adf", key: "salesAll")
            #expect(adf.status == 200)
            #expect(adf.headers[.contentType]?.hasPrefix("application/xml") == true)
            #expect(adf.text.contains("<adf>") && adf.text.contains(id))
            #expect(try await h.call(.get, "/v1/staff/leads/\(id)/adf", key: "salesSH").status == 403)  // Ann is sf-test's
        }
    }
}
