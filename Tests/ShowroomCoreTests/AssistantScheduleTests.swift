import Foundation
import Testing
@testable import ShowroomCore

@Suite struct AssistantScheduleTests {
    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    // Mon-Sat 09:00-21:00, Sunday closed.
    static let hours = try! StoreHours(["mon": "09:00-21:00", "tue": "09:00-21:00", "wed": "09:00-21:00", "thu": "09:00-21:00",
                                        "fri": "09:00-21:00", "sat": "09:00-21:00", "sun": "closed"])
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    func schedule(enabled: Bool = true, quiet: String? = nil, zone: TimeZone = shanghai) throws -> AssistantSchedule {
        AssistantSchedule(enabled: enabled, quietHours: try quiet.map(QuietHours.init), hours: Self.hours, timeZone: zone)
    }

    @Test func quietHoursPassingMidnightSilenceTheAssistantInTheStoresTimeZone() throws {
        let s = try schedule(quiet: "21:00-09:00")
        // 2026-05-01 is a Friday. 22:30 in Shanghai is 14:30 UTC.
        let night = s.status(at: Self.at("2026-05-01T14:30:00Z"))
        #expect(night.assistantAnswers == false)
        #expect(night.quiet?.text == "21:00-09:00")
        #expect(night.assistantBack == Self.at("2026-05-02T09:00:00+08:00"))
        #expect(night.staffFrom == Self.at("2026-05-02T09:00:00+08:00"))
        // 10:00 in Shanghai (02:00 UTC) the assistant answers; the same UTC moment read in UTC would be quiet.
        let morning = s.status(at: Self.at("2026-05-01T02:00:00Z"))
        #expect(morning.assistantAnswers == true)
        #expect(morning.storeOpen == true)
        #expect(try schedule(quiet: "21:00-09:00", zone: .gmt).status(at: Self.at("2026-05-01T02:00:00Z")).assistantAnswers == false)
    }

    @Test func theEndOfQuietHoursIsNotQuietAndTheStartIs() throws {
        let s = try schedule(quiet: "12:00-13:30")
        #expect(s.status(at: Self.at("2026-05-01T12:00:00+08:00")).assistantAnswers == false)
        #expect(s.status(at: Self.at("2026-05-01T13:29:59+08:00")).assistantAnswers == false)
        #expect(s.status(at: Self.at("2026-05-01T13:30:00+08:00")).assistantAnswers == true)
        #expect(s.status(at: Self.at("2026-05-01T11:59:00+08:00")).assistantAnswers == true)
        // Quiet while open: staff are in now.
        let lunch = s.status(at: Self.at("2026-05-01T12:30:00+08:00"))
        #expect(lunch.staffFrom == nil)
        #expect(lunch.assistantBack == Self.at("2026-05-01T13:30:00+08:00"))
    }

    @Test func aSwitchedOffAssistantWaitsForStaffWhoAnswerAtTheNextOpeningSkippingClosedDays() throws {
        let s = try schedule(enabled: false)
        let saturdayNight = s.status(at: Self.at("2026-05-02T22:00:00+08:00"))
        #expect(saturdayNight.assistantAnswers == false)
        #expect(saturdayNight.assistantBack == nil)
        #expect(saturdayNight.storeOpen == false)
        // Sunday is closed: Monday 09:00.
        #expect(saturdayNight.staffFrom == Self.at("2026-05-04T09:00:00+08:00"))
        let earlyMonday = s.status(at: Self.at("2026-05-04T08:59:00+08:00"))
        #expect(earlyMonday.staffFrom == Self.at("2026-05-04T09:00:00+08:00"))
        #expect(s.status(at: Self.at("2026-05-04T09:00:00+08:00")).staffFrom == nil)
    }

    @Test func aStoreThatNeverOpensHasNoStaffTime() throws {
        let s = AssistantSchedule(enabled: false, quietHours: nil, hours: try StoreHours([:]), timeZone: Self.shanghai)
        #expect(s.status(at: Self.at("2026-05-04T10:00:00+08:00")).staffFrom == nil)
        #expect(s.status(at: Self.at("2026-05-04T10:00:00+08:00")).storeOpen == false)
    }

    @Test func quietHoursRejectEmptyOrMalformedRanges() throws {
        for bad in ["09:00-09:00", "late", "25:00-01:00", "21:00", "21:00-24:00"] {
            #expect(throws: ShowroomError.self) { try QuietHours(bad) }
        }
        #expect((try? QuietHours(" 21:00 - 09:00 "))?.text == "21:00-09:00")
    }
}
