import Foundation

/// Whether the assistant answers a store's customers at a moment, and when staff will.
///
/// A store may switch the assistant off, or silence it daily in quiet hours (local time in the
/// store's time zone); either way customers wait for staff, who answer during opening hours.
/// Pure: the moment is an input.
public struct AssistantSchedule: Sendable {
    public var enabled: Bool
    public var quietHours: QuietHours?
    public var hours: StoreHours
    public var timeZone: TimeZone

    public init(enabled: Bool, quietHours: QuietHours?, hours: StoreHours, timeZone: TimeZone) {
        self.enabled = enabled
        self.quietHours = quietHours
        self.hours = hours
        self.timeZone = timeZone
    }

    /// The state at one moment.
    public struct Status: Sendable, Hashable {
        /// Whether the assistant answers now.
        public var assistantAnswers: Bool
        /// Quiet hours in force now (nil when the assistant answers or is switched off).
        public var quiet: QuietHours?
        /// When the assistant answers again: the end of the quiet hours (nil when switched off or answering).
        public var assistantBack: Date?
        /// When staff can answer: nil while the store is open, else its next opening (nil as well when it never opens).
        public var staffFrom: Date?
        /// Whether the store is open now.
        public var storeOpen: Bool
    }

    public func status(at now: Date) -> Status {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let minute = calendar.component(.hour, from: now) * 60 + calendar.component(.minute, from: now)
        let open = hours.isOpen(at: now, calendar: calendar)
        let staffFrom = open ? nil : hours.nextOpening(after: now, calendar: calendar)
        guard enabled else {
            return Status(assistantAnswers: false, quiet: nil, assistantBack: nil, staffFrom: staffFrom, storeOpen: open)
        }
        guard let q = quietHours, q.contains(minute) else {
            return Status(assistantAnswers: true, quiet: nil, assistantBack: nil, staffFrom: staffFrom, storeOpen: open)
        }
        let today = calendar.startOfDay(for: now)
        var back = calendar.date(byAdding: .minute, value: q.end, to: today) ?? now
        if back <= now { back = calendar.date(byAdding: .day, value: 1, to: back) ?? back }
        return Status(assistantAnswers: false, quiet: q, assistantBack: back, staffFrom: staffFrom, storeOpen: open)
    }
}
