import Foundation
import HTTPTypes
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Testing
@testable import ShowroomServer

/// Live takeover end to end through the public widget API and the staff API.
@Suite(.enabled(if: TestDatabase.available)) struct TakeoverTests {
    struct Customer {
        let h: StaffHarness
        let id: String
        let token: String

        func say(_ text: String) async throws -> JSONValue {
            let r = try await h.call(.post, "/v1/chat/sessions/\(id)/messages", json: ["text": .string(text)],
                                     headers: [.authorization: "Bearer \(token)"])
            #expect(r.status == 200, "\(r.text)")
            return JSONValue.parse(r.text) ?? .null
        }

        func transcript(after: Int? = nil) async throws -> JSONValue {
            let r = try await h.call(.get, "/v1/chat/sessions/\(id)/messages" + (after.map { "?after=\($0)" } ?? ""),
                                     headers: [.authorization: "Bearer \(token)"])
            #expect(r.status == 200, "\(r.text)")
            return JSONValue.parse(r.text) ?? .null
        }
    }

    static func customer(_ h: StaffHarness) async throws -> Customer {
        let r = try await h.call(.post, "/v1/chat/sessions", json: ["store_id": "sh-test", "locale": "zh-CN"],
                                 headers: [HTTPField.Name("X-Showroom-Key")!: "pk_test_sh"])
        #expect(r.status == 201, "\(r.text)")
        let j = JSONValue.parse(r.text) ?? .null
        return Customer(h: h, id: try #require(j["session_id"]?.stringValue), token: try #require(j["session_token"]?.stringValue))
    }

    @Test func aHandoffIsTakenOverAnsweredByStaffAndReleasedToTheAssistant() async throws {
        try await StaffHarness.with { h in
            let customer = try await Self.customer(h)
            let handoff = try await customer.say("转人工")
            #expect(handoff["intent"] == "human_handoff")
            #expect(handoff["status"] == "waiting_staff")

            let waiting = try await h.json(.get, "/v1/staff/conversations?status=waiting_staff", key: "salesSH")
            #expect(waiting.status == 200)
            #expect(waiting.json["conversations"]?.arrayValue?.map { $0["id"] } == [.string(customer.id)])

            let took = try await h.json(.post, "/v1/staff/conversations/\(customer.id)/takeover", key: "salesSH")
            #expect(took.status == 200)
            #expect(took.json["previous_status"] == "waiting_staff")
            #expect(took.json["status"] == "staff")
            let stillWaiting = try await h.json(.get, "/v1/staff/conversations?status=waiting_staff", key: "salesSH")
            #expect(stillWaiting.json["total"] == 0)

            // While staff have it, the assistant does not answer the customer.
            let paused = try await customer.say("还在吗？")
            #expect(paused["agent"] == "concierge")
            #expect(paused["status"] == "staff")
            let pausedReply = paused["messages"]?.arrayValue?.last
            #expect(pausedReply?["text"]?.stringValue?.contains("工作人员") == true)

            let before = try await customer.transcript()
            let lastSeq = try #require(before["messages"]?.arrayValue?.last?["seq"]?.intValue)
            let sent = try await h.json(.post, "/v1/staff/conversations/\(customer.id)/messages", key: "salesSH",
                                        json: ["text": "您好，我是销售小王，请问想看哪款车？"])
            #expect(sent.status == 201)
            #expect(sent.json["message"]?["role"] == "staff")

            let after = try await customer.transcript(after: lastSeq)
            let fresh = try #require(after["messages"]?.arrayValue)
            #expect(fresh.count == 1)
            #expect(fresh.first?["role"] == "staff")
            #expect(fresh.first?["text"] == "您好，我是销售小王，请问想看哪款车？")
            #expect(after["status"] == "staff")

            let released = try await h.json(.post, "/v1/staff/conversations/\(customer.id)/release", key: "salesSH")
            #expect(released.json["status"] == "active")
            #expect(released.json["previous_status"] == "staff")

            let answered = try await customer.say("hello again")
            #expect(answered["status"] == "active")
            #expect(answered["intent"] == "greeting")
            let reply = try #require(answered["messages"]?.arrayValue?.last)
            #expect(reply["role"] == "assistant")
            #expect(reply["text"]?.stringValue?.contains("工作人员") == false)

            // The staff view shows the whole story: turns with agents, and the staff message in order.
            let detail = try await h.json(.get, "/v1/staff/conversations/\(customer.id)", key: "managerSH")
            let roles = detail.json["messages"]?.arrayValue?.compactMap { $0["role"]?.stringValue }
            #expect(roles == ["assistant", "user", "assistant", "user", "assistant", "staff", "user", "assistant"])
            #expect(detail.json["turns"]?.arrayValue?.map { $0["intent"] } == ["human_handoff", "greeting"])
            let audit = try await h.db.rows("""
                SELECT action FROM audit_log WHERE outcome = 'ok' ORDER BY id
                """).map { try $0.decode(String.self) }
            #expect(audit == ["takeOverConversation", "replyToConversation", "releaseConversation"])
        }
    }

    @Test func aStaffReplyTakesOverAWaitingConversationAndAClosedOneRefuses() async throws {
        try await StaffHarness.with { h in
            let customer = try await Self.customer(h)
            _ = try await customer.say("human please")
            let sent = try await h.json(.post, "/v1/staff/conversations/\(customer.id)/messages", key: "salesAll", json: ["text": "Hi!"])
            #expect(sent.status == 201)
            #expect(try await ConversationRepository(db: h.db).summary(UUID(uuidString: customer.id)!)?.status == "staff")
            let blank = try await h.json(.post, "/v1/staff/conversations/\(customer.id)/messages", key: "salesAll", json: ["text": "  "])
            #expect(blank.status == 400)
            try await h.db.execute("UPDATE conversations SET status = 'closed'")
            for action in ["takeover", "release"] {
                let r = try await h.json(.post, "/v1/staff/conversations/\(customer.id)/\(action)", key: "salesAll")
                #expect(r.status == 409)
                #expect(r.json["error"]?["code"] == "conversation_closed")
            }
            #expect(try await h.json(.post, "/v1/staff/conversations/\(customer.id)/messages", key: "salesAll",
                                     json: ["text": "late"]).status == 409)
            #expect(try await h.json(.post, "/v1/staff/conversations/\(UUID())/takeover", key: "salesAll").status == 404)
            #expect(try await h.json(.post, "/v1/staff/conversations/not-a-uuid/takeover", key: "salesAll").status == 400)
        }
    }
}
