import Foundation
import Testing
@testable import ShowroomCore

@Suite struct TestDriveSlotsTests {
    static let shanghaiHours = ["mon": "09:00-21:00", "tue": "09:00-21:00", "wed": "09:00-21:00", "thu": "09:00-21:00",
                                "fri": "09:00-21:00", "sat": "09:00-21:00", "sun": "10:00-18:00"]
    static let sanFranciscoHours = ["mon": "09:00-19:00", "tue": "09:00-19:00", "wed": "09:00-19:00", "thu": "09:00-19:00",
                                    "fri": "09:00-19:00", "sat": "09:00-18:00", "sun": "10:00-17:00"]

    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    static func booking(_ start: String, _ end: String) -> DateInterval { DateInterval(start: at(start), end: at(end)) }

    let shanghai = try! TestDriveSlots(hours: shanghaiHours, timeZone: "Asia/Shanghai", slotMinutes: 45)
    // 2026-05-01 is a Friday; 08:30 in Shanghai
    let fridayMorning = at("2026-05-01T08:30:00+08:00")

    @Test func freeSlotsFollowTheGridInsideOpeningHours() throws {
        let slots = try shanghai.freeSlots(now: fridayMorning, days: 3, bookings: [])
        // Fri: grid 09:00…20:15 (16 starts), minus 09:00 (< 1 h ahead of 08:30) = 15
        // Sat: 09:00…20:15 = 16; Sun 10:00-18:00: 10:00…16:45 = 10 (17:30 + 45 min would pass 18:00)
        #expect(slots.count == 41)
        #expect(slots.first?.start == Self.at("2026-05-01T09:45:00+08:00"))
        #expect(slots.last?.start == Self.at("2026-05-03T16:45:00+08:00"))
        #expect(slots.allSatisfy { $0.duration == 45 * 60 })
    }

    @Test func bookingsOffTheGridBlockEveryOverlappingSlot() throws {
        let taken = Self.booking("2026-05-02T10:00:00+08:00", "2026-05-02T10:45:00+08:00")
        let slots = try shanghai.freeSlots(now: fridayMorning, days: 3, bookings: [taken])
        // Sat 09:45-10:30 and 10:30-11:15 both overlap 10:00-10:45; 09:00-09:45 ends before it starts
        #expect(slots.count == 39)
        #expect(slots.contains { $0.start == Self.at("2026-05-02T09:00:00+08:00") })
        #expect(!slots.contains { $0.start == Self.at("2026-05-02T09:45:00+08:00") })
        #expect(!slots.contains { $0.start == Self.at("2026-05-02T10:30:00+08:00") })
    }

    @Test func sanFranciscoSlotsFollowDaylightSavingTime() throws {
        let sf = try TestDriveSlots(hours: Self.sanFranciscoHours, timeZone: "America/Los_Angeles", slotMinutes: 60)
        // Saturday 2026-03-07 07:00 PST; clocks go forward on Sunday 2026-03-08
        let slots = try sf.freeSlots(now: Self.at("2026-03-07T07:00:00-08:00"), days: 2, bookings: [])
        #expect(slots.first?.start == Self.at("2026-03-07T17:00:00Z"))  // 09:00 PST = 17:00 UTC
        let sunday = slots.filter { $0.start > Self.at("2026-03-08T08:00:00Z") }
        #expect(sunday.first?.start == Self.at("2026-03-08T17:00:00Z"))  // 10:00 PDT = 17:00 UTC
        #expect(sunday.count == 7)  // 10:00…16:00
        #expect(slots.count == 16)  // Saturday 09:00…17:00 = 9, Sunday 7
    }

    @Test func offGridStartInsideHoursIsAccepted() throws {
        let slot = try shanghai.validate(start: Self.at("2026-05-02T10:50:00+08:00"), now: fridayMorning, bookings: [])
        #expect(slot.end == Self.at("2026-05-02T11:35:00+08:00"))
    }

    @Test func pastAndTooSoonStartsAreSlotInPast() {
        let past = #expect(throws: ShowroomError.self) {
            try shanghai.validate(start: Self.at("2026-05-01T08:00:00+08:00"), now: fridayMorning, bookings: [])
        }
        #expect(past?.code == "slot_in_past")
        #expect(past?.message == "2026-05-01 08:00 is in the past")
        let soon = #expect(throws: ShowroomError.self) {
            try shanghai.validate(start: Self.at("2026-05-01T09:15:00+08:00"), now: fridayMorning, bookings: [])
        }
        #expect(soon?.code == "slot_in_past")
        #expect(soon?.message.contains("less than 1 hour from now") == true)
    }

    @Test func driveMustFitWhollyInsideOpeningHours() {
        // Sunday closes at 18:00: a 45-minute drive at 17:30 would end at 18:15
        let late = #expect(throws: ShowroomError.self) {
            try shanghai.validate(start: Self.at("2026-05-03T17:30:00+08:00"), now: fridayMorning, bookings: [])
        }
        #expect(late?.code == "outside_store_hours")
        #expect(late?.message == "2026-05-03 17:30 is outside opening hours: Sunday 10:00-18:00, and a 45-minute drive "
            + "must start between 10:00 and 17:15")
        let early = #expect(throws: ShowroomError.self) {
            try shanghai.validate(start: Self.at("2026-05-03T09:30:00+08:00"), now: fridayMorning, bookings: [])
        }
        #expect(early?.code == "outside_store_hours")
    }

    @Test func closedDayIsOutsideStoreHours() throws {
        var hours = Self.sanFranciscoHours
        hours["sun"] = "closed"
        let sf = try TestDriveSlots(hours: hours, timeZone: "America/Los_Angeles", slotMinutes: 60)
        let error = #expect(throws: ShowroomError.self) {
            try sf.validate(start: Self.at("2026-05-03T11:00:00-07:00"), now: Self.at("2026-05-01T09:00:00-07:00"), bookings: [])
        }
        #expect(error?.code == "outside_store_hours")
        #expect(error?.message == "the store is closed on Sundays")
    }

    @Test func overlappingBookingIsSlotTakenWithNearbySuggestions() {
        let taken = Self.booking("2026-05-02T10:00:00+08:00", "2026-05-02T10:45:00+08:00")
        let error = #expect(throws: ShowroomError.self) {
            try shanghai.validate(start: Self.at("2026-05-02T10:10:00+08:00"), now: fridayMorning, bookings: [taken])
        }
        #expect(error?.code == "slot_taken")
        #expect(error?.status == 409)
        #expect(error?.message == "2026-05-02 10:10 is already booked; free nearby: 2026-05-02 11:15, 2026-05-02 12:00, 2026-05-02 12:45")
    }

    @Test func backToBackAndCapacityAllowAnotherDrive() throws {
        let taken = Self.booking("2026-05-02T10:00:00+08:00", "2026-05-02T10:45:00+08:00")
        // starts exactly when the other drive ends: half-open intervals do not overlap
        _ = try shanghai.validate(start: Self.at("2026-05-02T10:45:00+08:00"), now: fridayMorning, bookings: [taken])
        let twoCars = try TestDriveSlots(hours: Self.shanghaiHours, timeZone: "Asia/Shanghai", slotMinutes: 45, capacity: 2)
        _ = try twoCars.validate(start: Self.at("2026-05-02T10:10:00+08:00"), now: fridayMorning, bookings: [taken])
        #expect(throws: ShowroomError.self) {
            try twoCars.validate(start: Self.at("2026-05-02T10:10:00+08:00"), now: fridayMorning, bookings: [taken, taken])
        }
    }

    @Test func badConfigurationIsRejected() {
        let badHours = #expect(throws: ShowroomError.self) {
            try TestDriveSlots(hours: ["mon": "9-5"], timeZone: "Asia/Shanghai", slotMinutes: 45)
        }
        #expect(badHours?.message == "hours.mon: expected HH:MM-HH:MM (closing after opening) or closed, got '9-5'")
        #expect(throws: ShowroomError.self) { try TestDriveSlots(hours: ["monday": "09:00-18:00"], timeZone: "UTC", slotMinutes: 45) }
        #expect(throws: ShowroomError.self) { try TestDriveSlots(hours: ["mon": "18:00-09:00"], timeZone: "UTC", slotMinutes: 45) }
        #expect(throws: ShowroomError.self) { try TestDriveSlots(hours: [:], timeZone: "Mars/Olympus", slotMinutes: 45) }
        #expect(throws: ShowroomError.self) { try TestDriveSlots(hours: [:], timeZone: "UTC", slotMinutes: 5) }
        #expect(throws: ShowroomError.self) { try shanghai.freeSlots(now: fridayMorning, days: 0, bookings: []) }
    }

    @Test func hoursAcceptCloseAtMidnightAndClosedDays() throws {
        let h = try StoreHours(["fri": "10:00-24:00", "sat": "Closed"])
        #expect(h.windows[6] == StoreHours.Window(open: 600, close: 1440))
        #expect(h.windows[7] == nil)
        #expect(h.windows[1] == nil)  // sunday not listed: closed
    }
}
