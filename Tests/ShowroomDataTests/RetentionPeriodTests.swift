import Foundation
import ShowroomCore
import Testing
@testable import ShowroomData

@Suite struct RetentionPeriodTests {
    static let now = ISO8601DateFormatter().date(from: "2025-08-31T12:00:00Z")!

    func cutoff(_ text: String) throws -> String {
        ISO8601DateFormatter().string(from: try RetentionPeriod(parsing: text).cutoff(from: Self.now))
    }

    @Test func daysAndWeeksAreExactDays() throws {
        #expect(try cutoff("180d") == "2025-03-04T12:00:00Z")
        #expect(try cutoff("26w") == "2025-03-02T12:00:00Z")  // 182 days
    }

    @Test func monthsAndYearsAreCalendarUnits() throws {
        #expect(try cutoff("6m") == "2025-02-28T12:00:00Z")  // 31 Aug − 6 months clamps to 28 Feb
        #expect(try cutoff("1y") == "2024-08-31T12:00:00Z")
        #expect(try cutoff("2Y") == "2023-08-31T12:00:00Z")
    }

    @Test func malformedPeriodsAreRejected() {
        for bad in ["", "180", "d", "0d", "-5d", "1.5y", "10x", "1 y", "+3d", "100001d"] {
            #expect(throws: ShowroomError.self, "\(bad)") { try RetentionPeriod(parsing: bad) }
        }
    }

    @Test func storeSettingsChooseActionAndDays() {
        let p = RetentionPolicy(settings: ["lead_retention": "delete", "retention_days": 30])
        #expect(p.action == .delete && p.period == RetentionPeriod(days: 30))
        let d = RetentionPolicy(settings: [:])
        #expect(d.action == .anonymize && d.period == .standard)
        let odd = RetentionPolicy(settings: ["lead_retention": "shred", "retention_days": "-1"])
        #expect(odd.action == .anonymize && odd.period == .standard)
    }
}
