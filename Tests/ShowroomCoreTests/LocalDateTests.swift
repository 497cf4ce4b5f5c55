import Foundation
import Testing
@testable import ShowroomCore

@Suite struct LocalDateTests {
    @Test func parsesAndPrintsIsoDays() throws {
        let d = try LocalDate("2026-01-05")
        #expect((d.year, d.month, d.day) == (2026, 1, 5))
        #expect(d.description == "2026-01-05")
    }

    @Test func rejectsDaysThatDoNotExist() throws {
        #expect(throws: ShowroomError.self) { try LocalDate("2026-02-29") }
        #expect(throws: ShowroomError.self) { try LocalDate("2026-13-01") }
        #expect(throws: ShowroomError.self) { try LocalDate("2026-1-5") }
        #expect(throws: ShowroomError.self) { try LocalDate("tomorrow") }
        #expect(try LocalDate("2028-02-29").day == 29)  // leap year
    }

    @Test func ordersByCalendar() throws {
        #expect(try LocalDate("2026-12-31") < LocalDate("2027-01-01"))
        #expect(try LocalDate("2026-02-01") > LocalDate("2026-01-31"))
    }

    @Test func localDayDependsOnTheTimeZone() throws {
        let instant = try #require(ISO8601DateFormatter().date(from: "2026-05-01T20:00:00Z"))
        #expect(LocalDate(instant, in: try #require(TimeZone(identifier: "Asia/Shanghai"))).description == "2026-05-02")
        #expect(LocalDate(instant, in: try #require(TimeZone(identifier: "America/Los_Angeles"))).description == "2026-05-01")
    }

    @Test func roundTripsAsAJSONString() throws {
        let json = try JSONValue(encoding: try LocalDate("2027-12-31"))
        #expect(json == "2027-12-31")
        #expect(try json.decode(as: LocalDate.self) == LocalDate("2027-12-31"))
    }
}
