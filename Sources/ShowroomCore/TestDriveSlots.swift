import Foundation

/// Free test-drive slots and checks on a requested start (pure: `now` and bookings are inputs).
///
/// A slot is `slotMinutes` long and must lie wholly inside the day's opening hours (local
/// time in the store's time zone), start at least `leadTime` (1 hour) after now, and overlap
/// fewer than `capacity` existing bookings (half-open intervals: a drive may start when another
/// ends). Listed free slots follow a grid from opening time every `slotMinutes`; a requested
/// start need not be on that grid.
///
/// Error codes of `validate`: `slot_in_past` (in the past, or less than 1 hour ahead),
/// `outside_store_hours` (closed day, or the drive would not fit in opening hours), `slot_taken`
/// (status 409; the message names up to three nearby free starts).
public struct TestDriveSlots: Sendable {
    public var hours: StoreHours
    public var timeZone: TimeZone
    public var slotMinutes: Int
    public var capacity: Int
    public var leadTime: TimeInterval = 3600
    var calendar: Calendar

    /// Throws `invalid_arguments` for bad hours, an unknown time zone, a slot outside
    /// 15…240 minutes or a capacity below 1.
    public init(hours: [String: String], timeZone identifier: String, slotMinutes: Int, capacity: Int = 1) throws {
        guard let zone = TimeZone(identifier: identifier) else {
            throw ShowroomError.invalid("unknown time zone '\(identifier)'")
        }
        guard (15...240).contains(slotMinutes) else {
            throw ShowroomError.invalid("test drive length must be between 15 and 240 minutes, got \(slotMinutes)")
        }
        guard capacity >= 1 else { throw ShowroomError.invalid("capacity must be at least 1, got \(capacity)") }
        self.hours = try StoreHours(hours)
        self.timeZone = zone
        self.slotMinutes = slotMinutes
        self.capacity = capacity
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// Free slots from now through the next `days` local days (today counts as the first).
    public func freeSlots(now: Date, days: Int, bookings: [DateInterval]) throws -> [DateInterval] {
        guard (1...60).contains(days) else { throw ShowroomError.invalid("days must be between 1 and 60, got \(days)") }
        let today = calendar.startOfDay(for: now)
        var slots: [DateInterval] = []
        for offset in 0..<days {
            guard let day = calendar.date(byAdding: .day, value: offset, to: today) else { continue }
            slots += gridSlots(on: day).filter { $0.start >= now.addingTimeInterval(leadTime) && isFree($0, bookings) }
        }
        return slots
    }

    /// The slot for a requested start, or a `ShowroomError` saying precisely why not.
    public func validate(start: Date, now: Date, bookings: [DateInterval]) throws -> DateInterval {
        let slot = DateInterval(start: start, duration: TimeInterval(slotMinutes * 60))
        let when = localText(start)
        guard start > now else { throw ShowroomError("slot_in_past", "\(when) is in the past") }
        guard start >= now.addingTimeInterval(leadTime) else {
            throw ShowroomError("slot_in_past", "\(when) is less than 1 hour from now; test drives are booked at least 1 hour ahead")
        }
        let weekday = calendar.component(.weekday, from: start)
        let dayName = StoreHours.dayNames[weekday - 1]
        guard let window = hours.windows[weekday] else {
            throw ShowroomError("outside_store_hours", "the store is closed on \(dayName)s")
        }
        let startSecond = secondOfDay(start)
        guard startSecond >= window.open * 60, startSecond + slotMinutes * 60 <= window.close * 60 else {
            throw ShowroomError("outside_store_hours",
                "\(when) is outside opening hours: \(dayName) \(window.text), and a \(slotMinutes)-minute drive must start "
                + "between \(StoreHours.clock(window.open)) and \(StoreHours.clock(window.close - slotMinutes))")
        }
        guard isFree(slot, bookings) else {
            let nearby = (try? freeSlots(now: start.addingTimeInterval(-leadTime), days: 2, bookings: bookings)) ?? []
            let suggestions = nearby.prefix(3).map { localText($0.start) }
            let hint = suggestions.isEmpty ? "" : "; free nearby: " + suggestions.joined(separator: ", ")
            throw ShowroomError("slot_taken", "\(when) is already booked\(hint)", status: 409)
        }
        return slot
    }

    private func gridSlots(on day: Date) -> [DateInterval] {
        guard let window = hours.windows[calendar.component(.weekday, from: day)] else { return [] }
        let c = calendar.dateComponents([.year, .month, .day], from: day)
        return stride(from: window.open, through: window.close - slotMinutes, by: slotMinutes).compactMap { minute in
            let parts = DateComponents(year: c.year, month: c.month, day: c.day, hour: minute / 60, minute: minute % 60)
            return calendar.date(from: parts).map { DateInterval(start: $0, duration: TimeInterval(slotMinutes * 60)) }
        }
    }

    private func isFree(_ slot: DateInterval, _ bookings: [DateInterval]) -> Bool {
        bookings.filter { $0.start < slot.end && slot.start < $0.end }.count < capacity
    }

    private func secondOfDay(_ date: Date) -> Int {
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        return (c.hour ?? 0) * 3600 + (c.minute ?? 0) * 60 + (c.second ?? 0)
    }

    /// `2026-05-02 14:00` in the store's local time.
    func localText(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }
}
