import ShowroomCore
import Testing
@testable import ShowroomAgents

@Suite struct ToolErrorTextTests {
    static func error(_ code: String, _ message: String) -> JSONValue { ["code": .string(code), "message": .string(message)] }

    @Test func chineseRepliesCarryNoEnglishToolMessage() {
        let cases = [
            Self.error("vehicle_unavailable", "That vehicle is no longer available for test drives."),
            Self.error("slot_in_past", "2026-11-26T09:00:00+08:00 is in the past"),
            Self.error("outside_store_hours", "2026-11-26T22:00 is outside opening hours: Thu 09:00-18:00, and a 30-minute drive must start between 09:00 and 17:30"),
            Self.error("unknown_vehicle", "No vehicle 'XX1' at this store."),
            Self.error("something_new", "Some English detail."),
        ]
        for e in cases {
            let text = ToolErrorText.customer(e, language: .zh)
            #expect(!text.contains(where: { $0.isASCII && $0.isLetter }), "\(text)")
        }
    }

    @Test func theConcreteTimesTheToolOfferedAreKept() {
        let hours = Self.error("outside_store_hours", "x is outside opening hours: Thu 09:00-18:00, and a 30-minute drive must start between 09:00 and 17:30")
        #expect(ToolErrorText.customer(hours, language: .zh).contains("09:00 到 17:30"))
        #expect(ToolErrorText.customer(hours, language: .en).contains("between 09:00 and 17:30"))
        let taken = Self.error("slot_taken", "Sat 10:00 is already booked; free nearby: Sat 10:30, Sat 11:00")
        #expect(ToolErrorText.customer(taken, language: .zh).hasSuffix("附近可约：Sat 10:30, Sat 11:00。"))
        #expect(ToolErrorText.customer(Self.error("slot_taken", "Sat 10:00 is already booked"), language: .en)
                == "That time is already booked. Please pick another time.")
    }

    @Test func englishKeepsAnUnknownErrorsMessage() {
        #expect(ToolErrorText.customer(Self.error("odd", "Odd thing."), language: .en) == "Sorry, I couldn't complete that: Odd thing.")
        #expect(!ToolErrorText.customer(Self.error("vehicle_unavailable", "SH1 is no longer available."), language: .en).contains("SH1"))
    }
}
