import Foundation
import Testing
@testable import ShowroomCore

/// Distances stay in km in the data; a US store's customers read miles.
@Suite struct DistanceUnitTests {
    @Test func aStorePricedInDollarsShowsMilesAndOthersKilometres() {
        #expect(DistanceUnit(currency: .USD) == .miles)
        #expect(DistanceUnit(currency: .CNY) == .km)
    }

    @Test func conversionUsesTheInternationalMileAndRoundsHalfUp() {
        // 526 km / 1.609344 = 326.84 → 327; 80,467.2 km is exactly 50,000 mi.
        #expect(DistanceUnit.miles.value(km: 526) == 327)
        #expect(DistanceUnit.miles.value(km: Decimal(string: "80467.2")!) == 50_000)
        // 1.609344 km × 2.5 = 4.02336 km → 2.5 mi exactly, rounded half-up to 3.
        #expect(DistanceUnit.miles.value(km: Decimal(string: "4.02336")!) == 3)
        #expect(DistanceUnit.km.value(km: 605) == 605)
        // To the nearest hundred: 40,000 km = 24,854.8 mi → 24,900.
        #expect(DistanceUnit.miles.value(km: 40_000, scale: -2) == 24_900)
    }

    @Test func textCarriesTheUnitInEachLanguage() {
        #expect(DistanceUnit.miles.text(km: 39_828) == LocalizedText(zh: "24,748 英里", en: "24,748 mi"))
        #expect(DistanceUnit.km.text(km: 39_828) == LocalizedText(zh: "39,828 公里", en: "39,828 km"))
    }
}
