import Foundation
import ShowroomCore
import ShowroomData
import ShowroomLLM
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

/// Margin data (floor price, cost) reaches only the roles that may use `floor_price`: not through
/// a conversation's transcript, not through another key's assist conversation.
@Suite(.enabled(if: TestDatabase.available)) struct StaffRedactionTests {
    /// Plays a model that asks for the floor price of SHT001 and then repeats the figures.
    static let floorModel = ScriptedChatModel { request in
        if request.messages.contains(where: { $0.role == .tool }) || request.tools.isEmpty {
            return ScriptedChatModel.text("SHT001: floor 199000, cost 185000.")
        }
        return ScriptedChatModel.call("floor_price", #"{"store_id":"sh-test","stock_number":"SHT001"}"#)
    }

    @Test func aSalesKeyReadsAManagersAssistConversationWithoutFloorOrCost() async throws {
        try await StaffHarness.with(backend: "scripted", models: ["scripted": Self.floorModel]) { h in
            let asked = try await h.json(.post, "/v1/staff/assist", key: "managerSH",
                                         json: ["store_id": "sh-test", "text": "floor price of SHT001?"])
            #expect(asked.status == 200, "\(asked.json)")
            #expect(asked.json["tool_calls"]?.arrayValue?.map { $0["name"] } == ["floor_price"])
            #expect(asked.json["messages"]?.arrayValue?.last?["text"]?.stringValue?.contains("199000") == true)
            let id = try #require(asked.json["conversation_id"]?.stringValue)

            let manager = try await h.json(.get, "/v1/staff/conversations/\(id)", key: "managerSH")
            let managerCall = try #require(manager.json["turns"]?.arrayValue?.first?["tool_calls"]?.arrayValue?.first)
            #expect(managerCall["result"]?["floor"] == 199000)
            #expect(managerCall["redacted"] == nil)

            let sales = try await h.call(.get, "/v1/staff/conversations/\(id)", key: "salesSH")
            #expect(sales.status == 200)
            #expect(!sales.text.contains("199000") && !sales.text.contains("185000"), "\(sales.text)")
            let view = try #require(JSONValue.parse(sales.text))
            let salesCall = try #require(view["turns"]?.arrayValue?.first?["tool_calls"]?.arrayValue?.first)
            #expect(salesCall["tool"] == "floor_price")
            #expect(salesCall["result"] == .null)
            #expect(salesCall["redacted"] == true)
            #expect(salesCall["arguments"]?["stock_number"] == "SHT001")
            let reply = try #require(view["messages"]?.arrayValue?.last)
            #expect(reply["role"] == "assistant")
            #expect(reply["redacted"] == true)
            // The question itself stays readable.
            #expect(view["messages"]?.arrayValue?.contains { $0["text"] == "floor price of SHT001?" } == true)
        }
    }

    @Test func onlyTheKeyThatOpenedAnAssistConversationContinuesIt() async throws {
        try await StaffHarness.with(backend: "scripted", models: ["scripted": Self.floorModel]) { h in
            let asked = try await h.json(.post, "/v1/staff/assist", key: "managerSH",
                                         json: ["store_id": "sh-test", "text": "floor price of SHT001?"])
            let id = try #require(asked.json["conversation_id"]?.stringValue)
            for other in ["salesSH", "adminAll", "salesAll"] {
                let r = try await h.call(.post, "/v1/staff/assist", key: other,
                                         json: ["store_id": "sh-test", "text": "and again?", "conversation_id": .string(id)])
                #expect(r.status == 403, "\(other): \(r.text)")
                #expect(!r.text.contains("199000"))
            }
            let again = try await h.json(.post, "/v1/staff/assist", key: "managerSH",
                                         json: ["store_id": "sh-test", "text": "price again?", "conversation_id": .string(id)])
            #expect(again.status == 200, "\(again.json)")
            let refusals = try await h.db.rows("SELECT count(*) FROM audit_log WHERE action = 'assist' AND outcome = 'forbidden_owner'")
            #expect(try refusals.first?.decode(Int.self) == 3)
        }
    }

    @Test func aSalesKeysAssistNeverRunsFloorPriceEvenWhenTheModelAsksForIt() async throws {
        try await StaffHarness.with(backend: "scripted", models: ["scripted": Self.floorModel]) { h in
            let asked = try await h.call(.post, "/v1/staff/assist", key: "salesSH",
                                         json: ["store_id": "sh-test", "text": "floor price of SHT001?"])
            #expect(asked.status == 200, "\(asked.text)")
            #expect(!asked.text.contains("199000") && !asked.text.contains("185000"), "\(asked.text)")
            let ran = try await h.db.rows("SELECT count(*) FROM tool_calls WHERE tool = 'floor_price' AND ok")
            #expect(try ran.first?.decode(Int.self) == 0)
            let refused = try await h.db.rows("SELECT count(*) FROM tool_calls WHERE tool = 'floor_price' AND NOT ok")
            #expect(try refused.first?.decode(Int.self) == 1)
        }
    }
}
