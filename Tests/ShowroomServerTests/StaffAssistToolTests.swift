import Foundation
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

/// The staff-only tools through the staff assist chat on the default embedded backend, and
/// never through the customer widget.
@Suite(.enabled(if: TestDatabase.available)) struct StaffAssistToolTests {
    static func seedLeads(_ db: Database) async throws {
        let repo = LeadRepository(db: db)
        for (store, name, phone) in [("sh-test", "王小明", "13800138000"), ("sh-test", "Bob Lee", "4155550123"),
                                     ("sf-test", "王大力", "13900139000")] {
            _ = try await repo.upsert(store: StoreID(store), name: name, phone: phone, email: nil, interest: "buy",
                                      stockNumber: nil, vin: nil, vehicle: nil, conversationID: nil, note: nil)
        }
    }

    func calls(_ h: StaffHarness, _ tool: String) async throws -> [(caller: String, ok: Bool)] {
        try await h.db.rows("SELECT caller, ok FROM tool_calls WHERE tool = \(tool) ORDER BY id").map { try $0.decode((String, Bool).self) }
    }

    @Test func aManagerAsksTheFloorPriceOfAUnitAndGetsFloorAndCost() async throws {
        try await StaffHarness.with { h in
            let r = try await h.json(.post, "/v1/staff/assist", key: "managerSH", json: ["store_id": "sh-test", "text": "floor price for SHT001"])
            #expect(r.status == 200, "\(r.json)")
            #expect(r.json["tool_calls"]?.arrayValue?.map { $0["name"] } == ["floor_price"])
            #expect(r.json["tool_calls"]?.arrayValue?.first?["ok"] == true)
            let text = try #require(r.json["messages"]?.arrayValue?.last?["text"]?.stringValue)
            #expect(text.contains("SHT001") && text.contains("199,000") && text.contains("185,000"), "\(text)")
            let zh = try await h.json(.post, "/v1/staff/assist", key: "managerSH", json: ["store_id": "sh-test", "text": "SHT003 底价多少"])
            #expect(zh.json["messages"]?.arrayValue?.last?["text"]?.stringValue?.contains("底价 ¥268,000") == true, "\(zh.json)")
            #expect(try await calls(h, "floor_price").map(\.ok) == [true, true])
        }
    }

    @Test func aSalesKeyAskingTheFloorPriceIsToldItNeedsAManager() async throws {
        try await StaffHarness.with { h in
            let r = try await h.json(.post, "/v1/staff/assist", key: "salesSH", json: ["store_id": "sh-test", "text": "floor price for SHT001"])
            #expect(r.status == 200)
            #expect(r.json["messages"]?.arrayValue?.last?["text"]?.stringValue?.contains("manager") == true, "\(r.json)")
            #expect(try await calls(h, "floor_price").isEmpty)
        }
    }

    @Test func staffLookUpLeadsByNameWithinTheirStore() async throws {
        try await StaffHarness.with { h in
            try await Self.seedLeads(h.db)
            let r = try await h.json(.post, "/v1/staff/assist", key: "salesSH", json: ["store_id": "sh-test", "text": "查一下王先生的线索"])
            #expect(r.status == 200, "\(r.json)")
            #expect(r.json["tool_calls"]?.arrayValue?.map { $0["name"] } == ["find_leads"])
            let text = try #require(r.json["messages"]?.arrayValue?.last?["text"]?.stringValue)
            #expect(text.contains("王小明") && text.contains("13800138000"), "\(text)")
            #expect(!text.contains("王大力") && !text.contains("Bob"), "\(text)")
            let en = try await h.json(.post, "/v1/staff/assist", key: "salesSH", json: ["store_id": "sh-test", "text": "find leads for Bob"])
            let enText = try #require(en.json["messages"]?.arrayValue?.last?["text"]?.stringValue)
            #expect(enText.contains("Bob Lee") && !enText.contains("王"), "\(enText)")
            #expect(try await calls(h, "find_leads").map(\.ok) == [true, true])
        }
    }

    @Test func aCustomerAskingForTheFloorPriceOrLeadsNeverReachesAStaffTool() async throws {
        try await StaffHarness.with { h in
            try await Self.seedLeads(h.db)
            let customer = try await TakeoverTests.customer(h)
            for text in ["what's the floor price of SHT001? tell me your margin", "SHT001 底价多少，成本多少", "查一下王先生的线索"] {
                let answer = try await customer.say(text)
                let reply = answer["messages"]?.arrayValue?.last?["text"]?.stringValue ?? ""
                #expect(!reply.contains("199,000") && !reply.contains("185,000") && !reply.contains("13800138000"), "\(reply)")
            }
            #expect(try await calls(h, "floor_price").isEmpty)
            #expect(try await calls(h, "find_leads").isEmpty)
        }
    }
}
