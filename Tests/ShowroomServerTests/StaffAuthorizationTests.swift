import Foundation
import HTTPTypes
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

/// Every staff route family refuses a missing key (401), a role below its least role (403) and
/// a store outside the key's scope (403), and audits each refusal.
@Suite(.enabled(if: TestDatabase.available)) struct StaffAuthorizationTests {
    /// One request per route family, each needing at least `role`.
    static let families: [(HTTPRequest.Method, String, StaffRole, JSONValue?)] = [
        (.get, "/v1/staff/inventory", .sales, nil),
        (.post, "/v1/staff/inventory", .manager, ["store_id": "sh-test", "stock_number": "X1", "vin": "LGXCE4CB3N0000099",
                                                  "make": "BYD", "model": "Han", "year": 2025, "condition": "new", "list_price": 1000]),
        (.get, "/v1/staff/inventory/SHT001", .sales, nil),
        (.patch, "/v1/staff/inventory/SHT001", .manager, ["list_price": 200000]),
        (.delete, "/v1/staff/inventory/SHT003", .manager, nil),
        (.get, "/v1/staff/leads", .sales, nil),
        (.get, "/v1/staff/conversations", .sales, nil),
        (.get, "/v1/staff/analytics", .manager, nil),
        (.post, "/v1/staff/route", .sales, ["text": "hello"]),
        (.post, "/v1/staff/assist", .sales, ["store_id": "sh-test", "text": "hello"]),
        (.get, "/v1/staff/agents", .admin, nil),
        (.post, "/v1/staff/agents/reload", .admin, nil),
        (.patch, "/v1/staff/stores/sh-test/settings", .manager, ["assistant_enabled": true]),
    ]

    @Test func everyFamilyRefusesAMissingOrUnknownKeyWith401() async throws {
        try await StaffHarness.with { h in
            for (method, path, _, body) in Self.families {
                let none = try await h.json(method, path, json: body)
                #expect(none.status == 401, "\(method) \(path)")
                let challenge = try await h.call(method, path, json: body).headers[.wwwAuthenticate]
                #expect(challenge == #"Bearer realm="showroom-staff""#, "\(method) \(path)")
                #expect(none.json["error"]?["code"] == "unauthorized", "\(method) \(path)")
                let wrong = try await h.json(method, path, key: "sk_notarealkeyatall0000000000000000000000", json: body)
                #expect(wrong.status == 401, "\(method) \(path)")
            }
            let audited = try await h.db.rows("SELECT count(*) FROM audit_log WHERE outcome = 'unauthorized'").first?.decode(Int.self)
            #expect(audited == Self.families.count * 3)
        }
    }

    @Test func everyFamilyRefusesARoleBelowItsLeastRoleWith403() async throws {
        try await StaffHarness.with { h in
            for (method, path, role, body) in Self.families where role > .sales {
                let key = role == .admin ? "managerSH" : "salesSH"
                let r = try await h.json(method, path, key: key, json: body)
                #expect(r.status == 403, "\(method) \(path)")
                #expect(r.json["error"]?["code"] == "forbidden", "\(method) \(path)")
            }
            for (method, path, role, body) in Self.families where role <= .manager {
                let r = try await h.json(method, path, key: "adminAll", json: body)
                #expect(r.status != 401 && r.status != 403, "\(method) \(path) as admin: \(r.status) \(r.json)")
            }
            let refused = try await h.db.rows("SELECT count(*) FROM audit_log WHERE outcome = 'forbidden_role'").first?.decode(Int.self)
            #expect(refused == Self.families.filter { $0.2 > .sales }.count)
        }
    }

    @Test func aKeyLimitedToOneStoreIsRefusedForAnotherEverywhere() async throws {
        try await StaffHarness.with { h in
            let conversation = try await ConversationRepository(db: h.db).create(store: "sf-test", channel: "widget", locale: "en",
                                                                                  vehicleContext: nil)
            let lead = UUID()
            try await h.db.execute("""
                INSERT INTO leads (id, store_id, contact_key, name, phone, consent) VALUES (\(lead), 'sf-test', 'p:1', 'Ann', '+14150000001', true)
                """)
            let c = conversation.uuidString.lowercased(), l = lead.uuidString.lowercased()
            let refused: [(HTTPRequest.Method, String, JSONValue?)] = [
                (.get, "/v1/staff/inventory?store_id=sf-test", nil),
                (.get, "/v1/staff/inventory/SFT001?store_id=sf-test", nil),
                (.patch, "/v1/staff/inventory/SFT001?store_id=sf-test", ["list_price": 1]),
                (.delete, "/v1/staff/inventory/SFT001?store_id=sf-test", nil),
                (.post, "/v1/staff/inventory", ["store_id": "sf-test", "stock_number": "X1", "vin": "LGXCE4CB3N0000099",
                                                "make": "Tesla", "model": "Model Y", "year": 2025, "condition": "new", "list_price": 1000]),
                (.get, "/v1/staff/leads?store_id=sf-test", nil),
                (.get, "/v1/staff/leads/\(l)", nil),
                (.get, "/v1/staff/leads/\(l)/adf", nil),
                (.post, "/v1/staff/inventory/import?store_id=sf-test", nil),
                // Without store_id: the unit is found only in a store outside the key's scope.
                (.get, "/v1/staff/inventory/SFT001", nil),
                (.patch, "/v1/staff/inventory/SFT001", ["list_price": 1]),
                (.delete, "/v1/staff/inventory/SFT001", nil),
                (.get, "/v1/staff/conversations?store_id=sf-test", nil),
                (.get, "/v1/staff/conversations/\(c)", nil),
                (.post, "/v1/staff/conversations/\(c)/takeover", nil),
                (.post, "/v1/staff/conversations/\(c)/messages", ["text": "hi"]),
                (.post, "/v1/staff/conversations/\(c)/release", nil),
                (.get, "/v1/staff/analytics?store_id=sf-test", nil),
                (.post, "/v1/staff/assist", ["store_id": "sf-test", "text": "hello"]),
                (.patch, "/v1/staff/stores/sf-test/settings", ["assistant_enabled": false]),
            ]
            for (method, path, body) in refused {
                let r = try await h.json(method, path, key: "managerSH", json: body)
                #expect(r.status == 403, "\(method) \(path): \(r.json)")
                #expect(r.json["error"]?["code"] == "forbidden_store", "\(method) \(path)")
            }
            let audited = try await h.db.rows("SELECT count(*) FROM audit_log WHERE outcome = 'forbidden_store' AND target = 'sf-test'")
                .first?.decode(Int.self)
            #expect(audited == refused.count)
            // Nothing changed behind the refusals.
            let unit = try await InventoryRepository(db: h.db).staffUnit(store: "sf-test", stockNumber: "SFT001")
            #expect(unit?.vehicle.price.amount == 48990)
            #expect(try await ConversationRepository(db: h.db).summary(conversation)?.status == "active")
            #expect(try await StoreRepository(db: h.db).require("sf-test").assistantEnabled)
        }
    }

    @Test func aScopedKeySeesOnlyItsStoresInLists() async throws {
        try await StaffHarness.with { h in
            let mine = try await h.json(.get, "/v1/staff/inventory?limit=50", key: "salesSH")
            let stores = Set(mine.json["units"]?.arrayValue?.compactMap { $0["store_id"]?.stringValue } ?? [])
            #expect(stores == ["sh-test"])
            #expect(mine.json["total"] == 3)
            let all = try await h.json(.get, "/v1/staff/inventory", key: "salesAll")
            #expect(all.json["total"] == 5)
            // A stock number only another store holds is refused (403), one no store holds is not found.
            #expect(try await h.json(.get, "/v1/staff/inventory/SFT001", key: "salesSH").status == 403)
            #expect(try await h.json(.get, "/v1/staff/inventory/NOPE01", key: "salesSH").status == 404)
        }
    }

    @Test func eachStaffKeyHasItsOwnPerMinuteAllowanceAcrossTheAPIAndMCP() async throws {
        try await StaffHarness.with(staffPerKeyPerMinute: 3) { h in
            #expect(try await h.json(.get, "/v1/staff/leads", key: "salesSH").status == 200)
            #expect(try await h.json(.get, "/v1/staff/conversations", key: "salesSH").status == 200)
            let mcp = try await h.call(.post, "/mcp", key: "salesSH", json: ["jsonrpc": "2.0", "id": 1, "method": "tools/list"],
                                       headers: [.accept: "application/json, text/event-stream", HTTPField.Name("MCP-Protocol-Version")!: "2025-06-18"])
            #expect(mcp.status == 200, "\(mcp.text)")
            let spent = try await h.call(.get, "/v1/staff/leads", key: "salesSH")
            #expect(spent.status == 429)
            #expect(Int(spent.headers[.retryAfter] ?? "") ?? 0 >= 1)
            #expect(try await h.json(.get, "/v1/staff/leads", key: "managerSH").status == 200)
        }
    }

    @Test func onlyAnAdminNotLimitedToStoresReloadsTheAgents() async throws {
        try await StaffHarness.with { h in
            let scoped = try await StaffKeyRepository(db: h.db).create(role: .admin, stores: ["sh-test"], label: "scoped admin").secret
            let r = try await h.json(.post, "/v1/staff/agents/reload", key: scoped)
            #expect(r.status == 403)
            #expect(r.json["error"]?["code"] == "forbidden_store")
            #expect(try await h.json(.get, "/v1/staff/agents", key: scoped).status == 200)
            #expect(try await h.json(.post, "/v1/staff/agents/reload", key: "adminAll").status == 200)
            let outcomes = try await h.db.rows("SELECT outcome FROM audit_log WHERE action = 'reloadAgents' ORDER BY id")
                .map { try $0.decode(String.self) }
            #expect(outcomes == ["forbidden_store", "ok"])
        }
    }

    @Test func aRevokedKeyIsRefusedAndTheAuditSaysWhy() async throws {
        try await StaffHarness.with { h in
            let repo = StaffKeyRepository(db: h.db)
            let (secret, key) = try await repo.create(role: .manager, stores: [], label: "leaving")
            #expect(try await h.json(.get, "/v1/staff/leads", key: secret).status == 200)
            #expect(try await repo.revoke(key.prefix))
            let refused = try await h.json(.get, "/v1/staff/leads", key: secret)
            #expect(refused.status == 401)
            #expect(refused.json["error"]?["code"] == "unauthorized")
            #expect(try await h.json(.get, "/v1/staff/leads", key: "sk_neverissued000000000000000000000000000").status == 401)
            #expect(try await h.json(.get, "/v1/staff/leads", key: "not-a-staff-key").status == 401)
            #expect(try await h.json(.get, "/v1/staff/leads").status == 401)
            let audit = try await h.db.rows("""
                SELECT actor, detail->>'reason' FROM audit_log WHERE outcome = 'unauthorized' ORDER BY id
                """).map { try $0.decode((String, String).self) }
            #expect(audit.map(\.0) == [key.prefix, "anonymous", "anonymous", "anonymous"])
            #expect(audit.map(\.1) == ["revoked_key", "unknown_key", "malformed_key", "missing_key"])
        }
    }
}
