import Foundation
import ShowroomCore

/// An inclusive range of calendar days (`from`...`to`, either end open), read in each store's
/// own time zone: a row counts on the day its store's wall clock showed when it was created.
///
/// Days are ISO `YYYY-MM-DD` strings checked on construction, so SQL only ever casts valid dates.
public struct DayRange: Sendable, Hashable {
    public let from: String?
    public let to: String?

    public init(from: String? = nil, to: String? = nil) throws {
        for (name, day) in [("from", from), ("to", to)] {
            if let day, !Self.isDay(day) {
                throw ShowroomError.invalid("\(name) must be a date (YYYY-MM-DD).")
            }
        }
        // Same-length ISO days compare as text in calendar order.
        if let from, let to, from > to {
            throw ShowroomError.invalid("from (\(from)) is after to (\(to)).")
        }
        self.from = from
        self.to = to
    }

    /// Every day, no bounds.
    public static let all = try! DayRange()

    /// True for a real calendar day written `YYYY-MM-DD` (year 0001...9999).
    public static func isDay(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard s.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              s.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              y >= 1, (1...12).contains(m), d >= 1 else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days
    }
}
