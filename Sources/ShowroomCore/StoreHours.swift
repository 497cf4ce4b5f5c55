import Foundation

/// A store's weekly opening hours in local time, parsed from the `hours` map of stores.yaml.
///
/// Keys are `mon`…`sun`; values `"09:00-21:00"` (closing may be `24:00`) or `"closed"`.
/// A missing day is closed. Hours that pass midnight are not supported.
public struct StoreHours: Sendable, Hashable {
    /// Opening and closing time of one day, in minutes after local midnight.
    public struct Window: Sendable, Hashable {
        public var open: Int
        public var close: Int

        /// `09:00-21:00`.
        public var text: String { "\(StoreHours.clock(open))-\(StoreHours.clock(close))" }
    }

    /// Day keys in `Calendar` weekday order (1 = Sunday).
    public static let dayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    public static let dayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Windows by `Calendar` weekday (1 = Sunday … 7 = Saturday); absent = closed.
    public var windows: [Int: Window]

    /// Parses the map; throws `invalid_arguments` naming the day and the bad value.
    public init(_ map: [String: String]) throws {
        var windows: [Int: Window] = [:]
        for (key, value) in map {
            guard let index = Self.dayKeys.firstIndex(of: key.lowercased()) else {
                throw ShowroomError.invalid("hours: unknown day '\(key)' (use mon, tue, wed, thu, fri, sat, sun)")
            }
            let text = value.trimmingCharacters(in: .whitespaces)
            if text.lowercased() == "closed" { continue }
            let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let open = Self.minutes(parts[0]), let close = Self.minutes(parts[1]), open < close else {
                throw ShowroomError.invalid("hours.\(key): expected HH:MM-HH:MM (closing after opening) or closed, got '\(value)'")
            }
            windows[index + 1] = Window(open: open, close: close)
        }
        self.windows = windows
    }

    /// `"9:30"` → 570; nil unless a valid time of day (24:00 allowed).
    static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
            (0...59).contains(m), (0...23).contains(h) || (h == 24 && m == 0)
        else { return nil }
        return h * 60 + m
    }

    /// 570 → `"09:30"`.
    public static func clock(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }
}
