import Foundation
import ShowroomCore

/// How long personal data is kept: `180d`, `26w`, `6m` or `1y` on the command line.
///
/// Days and weeks are exact (a week is 7 days); months and years are calendar months and
/// years counted back in UTC, so `6m` on 31 August reaches back to 28/29 February.
public struct RetentionPeriod: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: String, Sendable, Hashable {
        case days = "d", weeks = "w", months = "m", years = "y"
    }

    public let count: Int
    public let unit: Unit

    /// The default when neither the flag nor the store's `retention_days` says otherwise.
    public static let standard = RetentionPeriod(days: 180)

    public init(days: Int) {
        self.count = days
        self.unit = .days
    }

    /// Parses `<count><d|w|m|y>` (count 1...100000, no spaces inside; case-insensitive).
    /// - Throws: `invalid_arguments` naming the accepted forms.
    public init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let last = t.last, let unit = Unit(rawValue: String(last)), let n = Int(t.dropLast()),
              (1...100_000).contains(n), t.dropLast().allSatisfy(\.isNumber)
        else {
            throw ShowroomError.invalid("'\(text)' is not a retention period; use a whole number with d, w, m or y, e.g. 180d, 26w, 6m, 1y.")
        }
        self.count = n
        self.unit = unit
    }

    /// The instant `now` minus this period: rows last touched before it are old.
    public func cutoff(from now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let component: (Calendar.Component, Int) = switch unit {
        case .days: (.day, count)
        case .weeks: (.day, count * 7)
        case .months: (.month, count)
        case .years: (.year, count)
        }
        return calendar.date(byAdding: component.0, value: -component.1, to: now) ?? now
    }

    public var description: String { "\(count)\(unit.rawValue)" }
}
