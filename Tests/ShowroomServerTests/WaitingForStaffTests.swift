import Foundation
import HTTPTypes
import ShowroomCore
import ShowroomData
import ShowroomTestSupport
import Synchronization
import Testing
@testable import ShowroomServer

/// A clock a test sets.
final class TestClock: Sendable {
    let value: Mutex<Date>
    init(_ iso: String) { value = Mutex(ISO8601DateFormatter().date(from: iso)!) }
    func set(_ iso: String) { value.withLock { $0 = ISO8601DateFormatter().date(from: iso)! } }
    var now: @Sendable () -> Date { { self.value.withLock { $0 } } }
}

/// A store's assistant switched off or in quiet hours, through the public chat API: customers
/// wait for staff, a lead is captured from the details they give, and they are told when staff answer.
/// The fixture store sh-test (Asia/Shanghai) opens on Mondays only, 09:00-21:00.
@Suite(.enabled(if: TestDatabase.available)) struct WaitingForStaffTests {
    func settings(_ h: StaffHarness, _ body: JSONValue) async throws {
        let r = try await h.json(.patch, "/v1/staff/stores/sh-test/settings", key: "managerSH", json: body)
        #expect(r.status == 200, "\(r.json)")
    }

    func leads(_ h: StaffHarness) async throws -> [(name: String, phone: String?, email: String?, conversation: UUID?)] {
        try await h.db.rows("SELECT name, phone, email, conversation_id FROM leads ORDER BY created_at").map {
            try $0.decode((String, String?, String?, UUID?).self)
        }
    }

    func status(_ h: StaffHarness, _ id: String) async throws -> String? {
        try await ConversationRepository(db: h.db).summary(UUID(uuidString: id)!)?.status
    }

    @Test func quietHoursInTheStoresTimeZoneSilenceTheAssistantAndCaptureALead() async throws {
        // Friday 22:30 in Shanghai (14:30 UTC): inside 21:00-09:00 there, not in UTC.
        let clock = TestClock("2026-05-01T14:30:00Z")
        try await StaffHarness.with(now: clock.now) { h in
            try await settings(h, ["quiet_hours": "21:00-09:00"])
            let customer = try await TakeoverTests.customer(h)
            let greeting = try await h.call(.get, "/v1/chat/sessions/\(customer.id)/messages",
                                            headers: [.authorization: "Bearer \(customer.token)"])
            #expect(greeting.text.contains("21:00-09:00"), "\(greeting.text)")
            #expect(greeting.text.contains("周一09:00"), "\(greeting.text)")

            let asked = try await customer.say("find me an SUV")
            #expect(asked["agent"] == "concierge")
            #expect(asked["status"] == "waiting_staff")
            let notice = try #require(asked["messages"]?.arrayValue?.last?["text"]?.stringValue)
            #expect(notice.contains("quiet hours (21:00-09:00)"), "\(notice)")
            #expect(notice.contains("back tomorrow at 09:00"), "\(notice)")
            #expect(notice.contains("our team will reply here Monday at 09:00"), "\(notice)")
            #expect(notice.contains("agree to be contacted"), "\(notice)")
            #expect(asked["messages"]?.arrayValue?.last?["cards"] == [])
            #expect(try await h.db.rows("SELECT 1 FROM tool_calls WHERE tool = 'search_inventory'").isEmpty)
            #expect(try await status(h, customer.id) == "waiting_staff")

            let waiting = try await h.json(.get, "/v1/staff/conversations?status=waiting_staff", key: "salesSH")
            #expect(waiting.json["conversations"]?.arrayValue?.map { $0["id"] } == [.string(customer.id)])

            let details = try await customer.say("My name is Bob Lee, 415 555 0123, you may contact me")
            let thanks = try #require(details["messages"]?.arrayValue?.last?["text"]?.stringValue)
            #expect(thanks.hasPrefix("Thanks, Bob Lee"), "\(thanks)")
            #expect(thanks.contains("Our team will contact you Monday at 09:00"), "\(thanks)")
            let captured = try await leads(h)
            #expect(captured.count == 1)
            #expect(captured.first?.name == "Bob Lee")
            #expect(captured.first?.phone == "4155550123")
            #expect(captured.first?.conversation == UUID(uuidString: customer.id))
            // Captured once: another message adds no lead and no second thanks.
            let more = try await customer.say("also interested in a Tang")
            #expect(more["messages"]?.arrayValue?.last?["text"]?.stringValue?.contains("Thanks") == false)
            #expect(try await leads(h).count == 1)

            // Monday 10:00 in Shanghai the quiet hours are over: a new session is answered by the assistant.
            clock.set("2026-05-04T02:00:00Z")
            let later = try await TakeoverTests.customer(h)
            let answered = try await later.say("find me an SUV")
            #expect(answered["agent"] == "catalog")
            #expect(answered["status"] == "active")
        }
    }

    @Test func aSwitchedOffAssistantMarksTheConversationWaitingAndNeedsConsentForALead() async throws {
        // Monday 10:00 in Shanghai: the store is open.
        let clock = TestClock("2026-05-04T02:00:00Z")
        try await StaffHarness.with(now: clock.now) { h in
            try await settings(h, ["assistant_enabled": false])
            let customer = try await TakeoverTests.customer(h)
            let asked = try await customer.say("I want to talk to a human, call me at 415 555 0123, Bob")
            #expect(asked["status"] == "waiting_staff")
            let notice = try #require(asked["messages"]?.arrayValue?.last?["text"]?.stringValue)
            #expect(notice.contains("switched off"), "\(notice)")
            #expect(notice.contains("reply here shortly"), "\(notice)")
            #expect(try await leads(h).isEmpty)

            let zh = try await customer.say("我叫王小明，电话13800138000，同意联系")
            let thanks = try #require(zh["messages"]?.arrayValue?.last?["text"]?.stringValue)
            #expect(thanks.hasPrefix("谢谢王小明"), "\(thanks)")
            #expect(thanks.contains("智能顾问暂时关闭"), "\(thanks)")
            #expect(thanks.contains("工作人员会尽快联系您"), "\(thanks)")
            let captured = try await leads(h)
            #expect(captured.map(\.name) == ["王小明"])
            #expect(captured.first?.phone == "13800138000")
            #expect(try await status(h, customer.id) == "waiting_staff")

            // Staff take it; the customer's next message keeps it with staff.
            #expect(try await h.json(.post, "/v1/staff/conversations/\(customer.id)/takeover", key: "salesSH").status == 200)
            let withStaff = try await customer.say("在吗")
            #expect(withStaff["status"] == "staff")

            #expect(try await h.json(.patch, "/v1/staff/stores/sh-test/settings", key: "managerSH",
                                     json: ["quiet_hours": "09:00-09:00"]).status == 400)
            #expect(try await h.json(.patch, "/v1/staff/stores/sh-test/settings", key: "managerSH",
                                     json: ["quiet_hours": "late"]).status == 400)
            let on = try await h.json(.patch, "/v1/staff/stores/sh-test/settings", key: "managerSH",
                                      json: ["assistant_enabled": true, "quiet_hours": nil])
            #expect(on.json["settings"]?["assistant_enabled"] == true)
            #expect(on.json["settings"]?["quiet_hours"] == .null)
            let fresh = try await TakeoverTests.customer(h)
            #expect(try await fresh.say("find me an SUV")["agent"] == "catalog")
        }
    }

    @Test func theAssistChatIsNotSilencedByTheStoresSwitch() async throws {
        try await StaffHarness.with(now: TestClock("2026-05-01T14:30:00Z").now) { h in
            try await settings(h, ["assistant_enabled": false])
            let r = try await h.json(.post, "/v1/staff/assist", key: "salesSH", json: ["store_id": "sh-test", "text": "find an suv"])
            #expect(r.json["agent"] == "catalog")
            #expect(r.json["tool_calls"]?.arrayValue?.first?["name"] == "search_inventory")
        }
    }
}
