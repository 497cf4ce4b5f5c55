import Foundation
import ShowroomCore
import ShowroomData
import ShowroomLLM
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

/// A chat model that answers in words and remembers which tools each request offered.
actor RecordingModel: ChatModel {
    nonisolated let name = "recorder"
    private(set) var offered: [[String]] = []

    func complete(_ request: ChatRequest) async throws -> ChatResponse {
        offered.append(request.tools.map(\.name))
        return ChatResponse(content: "Noted.", usage: TokenUsage(promptTokens: 12, completionTokens: 3), backend: "recorder")
    }
}

/// The staff assist chat and the route debugger.
@Suite(.enabled(if: TestDatabase.available)) struct StaffAssistTests {
    @Test func theAssistChatOffersStaffToolsOnlyToRolesThatMayUseThem() async throws {
        let model = RecordingModel()
        try await StaffHarness.with(backend: "recorder", models: ["recorder": model]) { h in
            let sales = try await h.json(.post, "/v1/staff/assist", key: "salesSH", json: ["store_id": "sh-test", "text": "price of SHT001?"])
            #expect(sales.status == 200, "\(sales.json)")
            #expect(sales.json["agent"] == "pricing")
            let manager = try await h.json(.post, "/v1/staff/assist", key: "managerSH", json: ["store_id": "sh-test", "text": "price of SHT001?"])
            #expect(manager.status == 200)
            let offered = await model.offered
            #expect(offered.count == 2)
            #expect(offered.first?.contains("get_vehicle") == true)
            #expect(offered.first?.contains("floor_price") == false)
            #expect(offered.last?.contains("floor_price") == true)
        }
    }

    @Test func assistConversationsAreStaffChannelAndContinueOnlyThemselves() async throws {
        try await StaffHarness.with { h in
            let first = try await h.json(.post, "/v1/staff/assist", key: "salesSH", json: ["store_id": "sh-test", "text": "hello"])
            #expect(first.status == 200, "\(first.json)")
            let id = try #require(first.json["conversation_id"]?.stringValue)
            let summary = try await ConversationRepository(db: h.db).summary(try #require(UUID(uuidString: id)))
            #expect(summary?.channel == "staff")
            let again = try await h.json(.post, "/v1/staff/assist", key: "salesSH",
                                         json: ["store_id": "sh-test", "text": "find an suv", "conversation_id": .string(id)])
            #expect(again.json["conversation_id"] == .string(id))
            #expect(again.json["intent"] == "vehicle_search")
            #expect(again.json["tool_calls"]?.arrayValue?.first?["name"] == "search_inventory")
            let widget = try await ConversationRepository(db: h.db).create(store: "sh-test", channel: "widget", locale: "en",
                                                                           vehicleContext: nil)
            let hijack = try await h.json(.post, "/v1/staff/assist", key: "salesSH",
                                          json: ["store_id": "sh-test", "text": "hi", "conversation_id": .string(widget.uuidString)])
            #expect(hijack.status == 409)
            let list = try await h.json(.get, "/v1/staff/conversations?channel=staff", key: "salesSH")
            #expect(list.json["total"] == 1)
        }
    }

    @Test func theRouteDebuggerAnswersTheRoutersDecision() async throws {
        try await StaffHarness.with { h in
            let r = try await h.json(.post, "/v1/staff/route", key: "salesSH", json: ["text": "find me an SUV"])
            #expect(r.status == 200)
            #expect(r.json["intent"] == "vehicle_search")
            #expect(r.json["agent"] == "catalog")
            #expect(r.json["slots"]?["body_type"] == "suv", "\(r.json)")
            #expect(try await h.json(.post, "/v1/staff/route", key: "salesSH", json: ["text": " "]).status == 400)
            #expect(try await h.json(.post, "/v1/staff/route", key: "salesSH", json: ["txt": "x"]).status == 400)
        }
    }

    @Test func agentsAreListedAndReloadedByAdminsOnly() async throws {
        try await StaffHarness.with { h in
            let list = try await h.json(.get, "/v1/staff/agents", key: "adminAll")
            #expect(list.json["agents"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ==
                    ["booking", "catalog", "concierge", "pricing", "recommendation"])
            let reload = try await h.json(.post, "/v1/staff/agents/reload", key: "adminAll")
            #expect(reload.status == 200)
            #expect(reload.json["agents"]?.arrayValue?.count == 5)
            let audit = try await h.db.rows("SELECT action FROM audit_log WHERE outcome = 'ok'").map { try $0.decode(String.self) }
            #expect(audit == ["reloadAgents"])
        }
    }
}
