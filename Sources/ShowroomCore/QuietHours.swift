import Foundation

/// A daily local-time range in which the assistant stays silent and only staff answer, e.g.
/// `21:00-09:00` (a range may pass midnight). Minutes after local midnight; the start is
/// inside the range, the end is not.
public struct QuietHours: Sendable, Hashable {
    public var start: Int
    public var end: Int

    /// Parses `HH:MM-HH:MM`; throws `invalid_argument` for anything else or an empty range.
    public init(_ text: String) throws {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let start = StoreHours.minutes(parts[0]), let end = StoreHours.minutes(parts[1]),
              start < 24 * 60, end < 24 * 60, start != end else {
            throw ShowroomError.invalid("quiet_hours: expected HH:MM-HH:MM with different start and end, got '\(text)'")
        }
        self.start = start
        self.end = end
    }

    /// Whether a local minute of the day (0..<1440) is quiet.
    public func contains(_ minute: Int) -> Bool {
        start < end ? (start..<end).contains(minute) : (minute >= start || minute < end)
    }

    /// `21:00-09:00`.
    public var text: String { "\(StoreHours.clock(start))-\(StoreHours.clock(end))" }
}
