import Foundation
import Testing
@testable import ShowroomCore

@Suite struct SlotsTests {
    @Test func unsetSlotsAreAbsentFromJSON() throws {
        var s = Slots()
        s.bodyType = .suv
        s.priceMax = 300000
        s.currency = .CNY
        let text = String(decoding: try JSONEncoder().encode(s), as: UTF8.self)
        #expect(text.contains("\"body_type\":\"suv\""))
        #expect(!text.contains("null"))
        #expect(!text.contains("make"))
    }

    @Test func aLaterTurnRefinesTheProfile() {
        var first = Slots()
        first.make = "BYD"; first.model = "Han"; first.bodyType = .sedan; first.priceMax = 250000
        var next = Slots()
        next.seatsMin = 7
        let merged = first.merged(with: next)
        #expect(merged.seatsMin == 7 && merged.make == "BYD" && merged.priceMax == 250000)
        var otherMake = Slots()
        otherMake.make = "Tesla"
        #expect(first.merged(with: otherMake).model == nil)
    }
}
